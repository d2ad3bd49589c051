#include "restitemeditor.h"

#include "editors/schemaform.h"
#include "net/json.h"
#include "restclient.h"
#include "restfielderrors.h"
#include "restschema.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

// The schema without its readOnly properties (and without requiring them).
static QJsonObject withoutReadOnly(QJsonObject schema)
{
    QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    QJsonArray required = schema.value(QLatin1String("required")).toArray();
    for (const QString &name : properties.keys()) {
        if (!properties.value(name).toObject().value(QLatin1String("readOnly")).toBool())
            continue;
        properties.remove(name);
        for (qsizetype i = required.size() - 1; i >= 0; --i) {
            if (required.at(i).toString() == name)
                required.removeAt(i);
        }
    }
    schema.insert(QStringLiteral("properties"), properties);
    schema.insert(QStringLiteral("required"), required);
    return schema;
}

RestItemEditor::RestItemEditor(RestClient *client, const RestResource &resource, const QJsonObject &item, QWidget *parent)
    : EditorBase(parent)
    , m_client(client)
    , m_resource(resource)
    , m_id(resource.idOf(item))
    , m_original(item)
    , m_tabs(new QTabWidget(this))
    , m_raw(new QPlainTextEdit(this))
{
    setWindowTitle(isNew() ? tr("New item in %1[*]").arg(resource.name) : tr("%1 %2[*]").arg(resource.name, m_id));
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_raw->setObjectName(QStringLiteral("rawJson"));
    QJsonObject schema = SchemaForm::canShow(resource.itemSchema) ? resource.itemSchema : inferItemSchema(item, resource.idField);
    if (isNew())
        schema = withoutReadOnly(schema); // the server fills them (an id, a creation date)
    if (SchemaForm::canShow(schema)) {
        m_form = new SchemaForm(schema, this);
        m_form->setValue(item);
        m_tabs->addTab(m_form, tr("Form"));
        connect(m_form, &SchemaForm::changed, this, [this] { setModified(true); });
    }
    m_raw->setPlainText(QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Indented)));
    connect(m_raw, &QPlainTextEdit::textChanged, this, [this] {
        if (m_tabs->currentWidget() == m_raw)
            setModified(true);
    });
    m_tabs->addTab(m_raw, tr("JSON"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &RestItemEditor::onTabChanged);
    contentLayout()->addWidget(m_tabs);
    if (!isNew()) {
        m_replace = new QCheckBox(tr("Replace the whole item (PUT) instead of changing fields (PATCH)"), this);
        m_replace->setObjectName(QStringLiteral("replace"));
        contentLayout()->addWidget(m_replace);
    }
}

QJsonObject RestItemEditor::currentItem() const
{
    if (m_tabs->currentWidget() == m_raw || !m_form) {
        QJsonValue value;
        return Json::parse(m_raw->toPlainText().toUtf8(), &value) ? value.toObject() : QJsonObject();
    }
    return m_form->value();
}

bool RestItemEditor::rawToForm(QString *error)
{
    QJsonValue value;
    if (!Json::parse(m_raw->toPlainText().toUtf8(), &value, error))
        return false;
    if (!value.isObject()) {
        *error = tr("an item is a JSON object { ... }");
        return false;
    }
    if (m_form)
        m_form->setValue(value.toObject());
    return true;
}

void RestItemEditor::onTabChanged(int index)
{
    const bool leftRaw = m_tabs->widget(m_lastTab) == m_raw;
    if (leftRaw) {
        QString error;
        if (!rawToForm(&error)) {
            // Stay on the raw tab: switching would lose the text the form cannot show.
            const QSignalBlocker block(m_tabs);
            m_tabs->setCurrentWidget(m_raw);
            setMessage(tr("The JSON is not valid (%1).").arg(error), true);
            return;
        }
    } else if (m_form && m_tabs->widget(index) == m_raw) {
        const bool modified = isModified();
        m_raw->setPlainText(QString::fromUtf8(QJsonDocument(m_form->value()).toJson(QJsonDocument::Indented)));
        setModified(modified);
    }
    setMessage({});
    m_lastTab = index;
}

QStringList RestItemEditor::validateInput()
{
    QStringList problems;
    if (m_tabs->currentWidget() == m_raw) {
        QString error;
        if (!rawToForm(&error))
            return { tr("The JSON is not valid (%1).").arg(error) };
    }
    if (m_form) {
        for (const FieldError &error : m_form->validate())
            problems << (error.path.isEmpty() ? error.message : error.path + QStringLiteral(": ") + error.message);
    }
    return problems;
}

void RestItemEditor::startApply()
{
    if (!m_client) {
        finishApply(false, tr("The tenant's session is closed."));
        return;
    }
    const QJsonObject item = currentItem();
    const RestBody body = RestBody::fromJson(item);
    RestJob *job = isNew() ? m_client->create(m_resource.path, body)
                           : m_client->update(m_resource.itemEndpoint(m_id), body, {}, m_replace && m_replace->isChecked());
    setMessage(tr("Saving…"));
    connect(job, &Job::finished, this, [this, job, item] {
        if (job->hasError()) {
            QList<FieldError> fieldErrors;
            for (const RestFieldError &error : restFieldErrors(job->response()))
                fieldErrors << FieldError { error.path, error.message };
            if (m_form && !fieldErrors.isEmpty()) {
                m_tabs->setCurrentWidget(m_form);
                m_form->showErrors(fieldErrors);
            }
            finishApply(false, job->error().toString());
            return;
        }
        const QJsonObject saved = job->result().isObject() ? job->result().toObject() : item;
        if (isNew())
            m_id = m_resource.idOf(saved);
        m_original = saved;
        finishApply(true, tr("Saved."));
        Q_EMIT itemSaved(saved);
    });
}
