#include "recordeditor.h"

#include "conflictdialog.h"
#include "json/schemaorder.h"
#include "kintoclient.h"
#include "net/httpjob.h"
#include "net/json.h"
#include "widgets/tonedlabel.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

QString pretty(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

// Kinto's validation details ([{location, name, description}]) as field errors.
QList<FieldError> fieldErrorsOf(const ApiError &error)
{
    QList<FieldError> out;
    for (const QJsonValue &detail : error.details().toArray()) {
        const QJsonObject d = detail.toObject();
        const QString name = d.value(QLatin1String("name")).toString();
        if (!name.isEmpty() && d.value(QLatin1String("location")).toString() == QLatin1String("body"))
            out << FieldError { name, d.value(QLatin1String("description")).toString() };
    }
    return out;
}

} // namespace

RecordEditor::RecordEditor(KintoClient *client, const QString &bucket, const QString &collection, QWidget *parent)
    : EditorBase(parent)
    , m_client(client)
    , m_bucket(bucket)
    , m_collection(collection)
    , m_tabs(new QTabWidget)
    , m_json(new QPlainTextEdit)
    , m_jsonErrorLabel(new QLabel)
{
    setObjectName(QStringLiteral("recordEditor"));
    m_tabs->setObjectName(QStringLiteral("tabs"));
    auto *jsonPage = new QWidget;
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    m_json->setObjectName(QStringLiteral("jsonEdit"));
    m_json->setAccessibleName(tr("Record as JSON"));
    m_json->setTabChangesFocus(true); // Tab leaves the editor for keyboard users
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    jsonLayout->addWidget(m_json, 1);
    m_jsonErrorLabel->setObjectName(QStringLiteral("jsonError"));
    setTone(m_jsonErrorLabel, Tones::Tone::Error);
    m_jsonErrorLabel->hide();
    jsonLayout->addWidget(m_jsonErrorLabel);
    m_tabs->addTab(jsonPage, tr("JSON"));
    m_tabs->setEnabled(false);
    contentLayout()->addWidget(m_tabs);
    connect(m_json, &QPlainTextEdit::textChanged, this, &RecordEditor::onJsonChanged);
    setSaveEnabled(false);
    resize(640, 560);
}

RecordEditor::~RecordEditor() = default;

void RecordEditor::startCreate(const QJsonObject &initial)
{
    m_mode = Mode::Create;
    m_data = initial;
    setWindowTitle(tr("New record in %1/%2[*]").arg(m_bucket, m_collection));
    load(QString());
}

void RecordEditor::startEdit(const QString &recordId)
{
    m_mode = Mode::Edit;
    m_recordId = recordId;
    setWindowTitle(tr("Record %1 in %2/%3[*]").arg(recordId, m_bucket, m_collection));
    load(recordId);
}

void RecordEditor::startDuplicate(const QString &recordId)
{
    m_mode = Mode::Duplicate;
    setWindowTitle(tr("Copy of record %1 in %2/%3[*]").arg(recordId, m_bucket, m_collection));
    load(recordId);
}

void RecordEditor::load(const QString &recordId)
{
    setMessage(tr("Loading…"));
    m_loading = recordId.isEmpty() ? 1 : 2;
    // Read as sent: the order of the schema's properties is in the text only.
    ApiError invalid;
    const QString path = m_client->endpoint(KintoRef::ofCollection(m_bucket, m_collection), &invalid);
    Job *collection = invalid ? m_client->getCollection(m_bucket, m_collection) : m_client->send(HttpRequest("GET", path));
    connect(collection, &Job::finished, this, [this](Job *job) {
        if (job->hasError()) {
            // Records may be readable without the collection's metadata: edit as JSON then.
            m_schemaProblem = tr("The collection's schema could not be read (%1); editing as JSON.")
                                  .arg(job->error().toString());
        } else {
            const QJsonObject data = job->result().toObject().value(QLatin1String("data")).toObject();
            m_schema = data.value(QLatin1String("schema")).toObject();
            const auto *http = qobject_cast<HttpJob *>(job);
            m_uiSchema = SchemaOrder::withTextOrder(data.value(QLatin1String("uiSchema")).toObject(), m_schema,
                JsonKeyOrder(http ? http->response().body : QByteArray()), {QStringLiteral("data"), QStringLiteral("schema")});
        }
        onLoadStep();
    });
    if (recordId.isEmpty())
        return;
    Job *record = m_client->getRecord(m_bucket, m_collection, recordId);
    connect(record, &Job::finished, this, [this, recordId](Job *job) {
        if (job->error().isNotFound()) {
            m_loadError = tr("The record \"%1\" no longer exists on the server: it was deleted since the list "
                             "was loaded.").arg(recordId);
            Q_EMIT recordGone(recordId);
        } else if (job->hasError()) {
            m_loadError = tr("The record could not be loaded: %1").arg(job->error().toString());
        } else {
            const QJsonObject record = job->result().toObject().value(QLatin1String("data")).toObject();
            if (m_mode == Mode::Edit) {
                m_base = record;
                m_data = record;
            } else {
                // A copy is a new record: the server gives it an id, a timestamp and its schema version.
                m_data = record;
                for (const char *key : { "id", "last_modified", "schema" })
                    m_data.remove(QLatin1String(key));
            }
        }
        onLoadStep();
    });
}

void RecordEditor::onLoadStep()
{
    if (--m_loading > 0)
        return;
    if (!m_loadError.isEmpty()) {
        setMessage(m_loadError, true);
        Q_EMIT loadFailed(m_loadError);
        return;
    }
    buildViews();
    m_loaded = true;
    m_tabs->setEnabled(true);
    setSaveEnabled(true);
    setMessage(m_schemaProblem, !m_schemaProblem.isEmpty());
    // An unsaved copy is something to lose: closing asks.
    setModified(m_mode == Mode::Duplicate);
    Q_EMIT loaded();
}

void RecordEditor::buildViews()
{
    if (SchemaForm::canShow(m_schema)) {
        m_form = new SchemaForm(m_schema, m_uiSchema);
        m_form->setObjectName(QStringLiteral("schemaForm"));
        auto *scroll = new QScrollArea;
        scroll->setAccessibleName(tr("Fields"));
        scroll->setWidgetResizable(true);
        scroll->setWidget(m_form);
        m_tabs->insertTab(0, scroll, tr("Form"));
        m_tabs->setCurrentIndex(0);
        connect(m_form, &SchemaForm::changed, this, &RecordEditor::onFormChanged);
    }
    showData();
}

void RecordEditor::showData()
{
    m_syncing = true;
    if (m_form)
        m_form->setValue(m_data);
    m_json->setPlainText(pretty(m_data));
    m_syncing = false;
    m_jsonError.clear();
    m_jsonErrorLabel->hide();
}

void RecordEditor::onFormChanged()
{
    if (m_syncing)
        return;
    m_data = m_form->value();
    m_syncing = true;
    m_json->setPlainText(pretty(m_data));
    m_syncing = false;
    m_jsonError.clear();
    m_jsonErrorLabel->hide();
    setModified(true);
}

void RecordEditor::onJsonChanged()
{
    if (m_syncing || !m_loaded)
        return;
    setModified(true);
    QJsonValue parsed;
    QString error;
    if (!Json::parse(m_json->toPlainText().toUtf8(), &parsed, &error))
        m_jsonError = error;
    else if (!parsed.isObject())
        m_jsonError = tr("A record is a JSON object: { ... }.");
    else
        m_jsonError.clear();
    m_jsonErrorLabel->setText(m_jsonError);
    m_jsonErrorLabel->setVisible(!m_jsonError.isEmpty());
    if (!m_jsonError.isEmpty())
        return; // the form keeps the last valid version until the text parses again
    m_data = parsed.toObject();
    if (m_form) {
        m_syncing = true;
        m_form->setValue(m_data);
        m_syncing = false;
    }
}

QStringList RecordEditor::validateInput()
{
    if (!m_jsonError.isEmpty()) {
        m_tabs->setCurrentWidget(m_json->parentWidget());
        return { tr("The JSON has an error at %1").arg(m_jsonError) };
    }
    QStringList problems;
    const QString id = m_data.value(QLatin1String("id")).toString();
    if (!m_recordId.isEmpty() && m_data.contains(QLatin1String("id")) && id != m_recordId)
        problems << tr("The id cannot be changed (it is \"%1\"); duplicate the record instead.").arg(m_recordId);
    if (m_form) {
        const QList<FieldError> errors = m_form->validate();
        for (const FieldError &error : errors)
            problems << (error.path.isEmpty() ? error.message : error.path + QStringLiteral(": ") + error.message);
        if (!errors.isEmpty())
            m_tabs->setCurrentIndex(0);
    }
    return problems;
}

void RecordEditor::startApply()
{
    QJsonObject body = m_data;
    body.remove(QLatin1String("last_modified")); // a forced timestamp would be replication, not an edit
    if (!m_recordId.isEmpty() && !m_unsafeNext) {
        QJsonObject base = m_base;
        QJsonObject edited = body;
        base.remove(QLatin1String("last_modified"));
        base.insert(QLatin1String("id"), m_recordId);
        edited.insert(QLatin1String("id"), m_recordId);
        if (edited == base) {
            // Kinto would store an identical version and a history entry: send nothing.
            finishApply(true, tr("No changes to save."));
            return;
        }
    }
    Job *job = nullptr;
    if (m_recordId.isEmpty()) {
        job = m_client->createRecord(m_bucket, m_collection, body.value(QLatin1String("id")).toString(), body);
    } else {
        KintoWrite write;
        write.safe = !m_unsafeNext;
        write.ifMatch = m_base.value(QLatin1String("last_modified")).toInteger();
        job = m_client->updateRecord(m_bucket, m_collection, m_recordId, body, write);
    }
    connect(job, &Job::finished, this, &RecordEditor::onSaved);
}

void RecordEditor::onSaved(Job *job)
{
    m_unsafeNext = false;
    if (job->hasError()) {
        const ApiError &error = job->error();
        if (error.isPreconditionFailed() && !m_recordId.isEmpty()) {
            QJsonObject theirs = KintoClient::existingObject(error);
            QJsonObject mine = m_data;
            theirs.remove(QLatin1String("last_modified"));
            mine.remove(QLatin1String("last_modified"));
            if (!theirs.isEmpty() && theirs == mine) {
                // An earlier attempt of this save reached the server (its answer was lost to a
                // timeout or a broken connection): the server holds exactly this edit.
                finishSaved(KintoClient::existingObject(error), tr("Saved (an earlier attempt had already reached the server)."));
                return;
            }
            finishApply(false, tr("The record changed on the server since you opened it."));
            showConflict(KintoClient::existingObject(error));
            return;
        }
        QString message = error.toString();
        if (error.isPreconditionFailed())
            message = tr("A record with the id \"%1\" already exists.").arg(m_data.value(QLatin1String("id")).toString());
        if (m_form)
            m_form->showErrors(fieldErrorsOf(error));
        finishApply(false, message);
        return;
    }
    finishSaved(job->result().toObject().value(QLatin1String("data")).toObject(), tr("Saved."));
}

void RecordEditor::finishSaved(const QJsonObject &saved, const QString &message)
{
    const QJsonObject before = m_base;
    m_base = saved;
    m_data = saved;
    m_recordId = saved.value(QLatin1String("id")).toString();
    if (m_mode != Mode::Edit) {
        m_mode = Mode::Edit; // further saves update what was just created
        setWindowTitle(tr("Record %1 in %2/%3[*]").arg(m_recordId, m_bucket, m_collection));
    }
    showData();
    Q_EMIT recordSaved(before, saved);
    finishApply(true, message);
}

void RecordEditor::showConflict(const QJsonObject &theirs)
{
    auto *dialog = new ConflictDialog(m_base, m_data, theirs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_conflict = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        const QJsonObject theirs = dialog->theirs();
        switch (dialog->resolution()) {
        case ConflictDialog::Resolution::None:
            setMessage(tr("Not saved: the record changed on the server. Save again to resolve."), true);
            return;
        case ConflictDialog::Resolution::Reload:
            m_base = theirs;
            m_data = theirs;
            showData();
            setModified(false);
            setMessage(tr("Reloaded the server's version."));
            return;
        case ConflictDialog::Resolution::Overwrite:
        case ConflictDialog::Resolution::Merge: {
            const QJsonObject chosen = dialog->resolution() == ConflictDialog::Resolution::Merge ? dialog->merged() : m_data;
            if (theirs.isEmpty()) {
                m_unsafeNext = true; // gone from the server: re-created by a plain PUT
            } else {
                m_base = theirs; // the next save's If-Match: the version just seen
            }
            m_data = chosen;
            m_data.insert(QLatin1String("id"), m_recordId);
            showData();
            setModified(true);
            accept();
            return;
        }
        }
    });
    dialog->open();
    Q_EMIT conflictShown(dialog);
}
