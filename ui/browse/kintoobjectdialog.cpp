#include "kintoobjectdialog.h"

#include "kintoclient.h"
#include "net/json.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

KintoObjectDialog::KintoObjectDialog(KintoClient *client, const KintoRef &ref, const QJsonObject &object,
                                     QWidget *parent)
    : EditorBase(parent)
    , m_client(client)
    , m_ref(ref)
    , m_original(object)
    , m_ifMatch(qint64(object.value(QLatin1String("last_modified")).toDouble()))
    , m_id(new QLineEdit)
    , m_attributes(new QPlainTextEdit)
    , m_form(new QFormLayout)
{
    m_id->setObjectName(QStringLiteral("idEdit"));
    m_id->setText(object.value(QLatin1String("id")).toString());
    m_id->setReadOnly(!isCreating());
    m_id->setPlaceholderText(tr("letters, digits, - and _"));
    m_attributes->setObjectName(QStringLiteral("attributesEdit"));
    m_attributes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_attributes->setTabChangesFocus(true);
    m_form->addRow(tr("&Id:"), m_id);
    contentLayout()->addLayout(m_form);
    connect(m_id, &QLineEdit::textEdited, this, [this] { setModified(true); });
    connect(m_attributes, &QPlainTextEdit::textChanged, this, [this] { setModified(true); });
}

void KintoObjectDialog::buildForm(const QString &noun, const QStringList &managedKeys)
{
    m_noun = noun;
    m_managedKeys = managedKeys;
    QJsonObject others = m_original;
    for (const QString &key : managedKeys + QStringList{QStringLiteral("id"), QStringLiteral("last_modified")})
        others.remove(key);
    {
        const QSignalBlocker blocker(m_attributes);
        m_attributes->setPlainText(others.isEmpty() ? QStringLiteral("{}")
                                                    : QString::fromUtf8(QJsonDocument(others).toJson()));
    }
    m_attributes->setToolTip(tr("Any other attributes of the %1, as a JSON object (e.g. {\"title\": \"…\"})").arg(noun));
    m_form->addRow(tr("Other &attributes:"), m_attributes);
    setWindowTitle(isCreating() ? tr("New %1").arg(noun) : tr("Edit %1 %2").arg(noun, objectId()));
    setModified(false);
}

QString KintoObjectDialog::objectId() const
{
    return m_id->text().trimmed();
}

bool KintoObjectDialog::parseObject(const QString &label, const QString &text, QJsonObject *object,
                                    QStringList *problems)
{
    if (text.trimmed().isEmpty()) {
        *object = {};
        return true;
    }
    QJsonValue value;
    QString error;
    if (!Json::parse(text.toUtf8(), &value, &error)) {
        *problems << tr("%1: %2").arg(label, error);
        return false;
    }
    if (!value.isObject()) {
        *problems << tr("%1 must be a JSON object.").arg(label);
        return false;
    }
    *object = value.toObject();
    return true;
}

QStringList KintoObjectDialog::validateInput()
{
    QStringList problems;
    if (!m_client)
        problems << tr("The tenant is no longer connected.");
    const QString id = objectId();
    if (id.isEmpty())
        problems << tr("Give the %1 an id.").arg(m_noun);
    else if (!KintoClient::isValidId(id))
        problems << tr("The id \"%1\" is not valid: use letters, digits, \"-\" and \"_\", starting with a letter or a digit.")
                        .arg(id);
    QJsonObject others;
    parseObject(tr("Other attributes"), m_attributes->toPlainText(), &others, &problems);
    problems << validateFields();
    return problems;
}

void KintoObjectDialog::startApply()
{
    QJsonObject data;
    QStringList problems;
    parseObject(tr("Other attributes"), m_attributes->toPlainText(), &data, &problems);
    data.remove(QLatin1String("last_modified")); // the If-Match header carries it
    data.remove(QLatin1String("id"));
    for (const QString &key : std::as_const(m_managedKeys))
        data.remove(key);
    writeFields(data);

    KintoRef ref = m_ref;
    switch (ref.type) {
    case KintoEndpoint::Bucket:
        ref.bucket = objectId();
        break;
    case KintoEndpoint::Collection:
        ref.collection = objectId();
        break;
    default:
        ref.id = objectId();
        break;
    }
    KintoWrite write;
    Job *job = nullptr;
    if (isCreating()) {
        job = m_client->create(ref, data, write);
    } else {
        write.ifMatch = m_ifMatch;
        write.safe = !m_overwrite;
        job = m_client->update(ref, data, write);
    }
    connect(job, &Job::finished, this, &KintoObjectDialog::onSaved);
}

void KintoObjectDialog::onSaved(Job *job)
{
    const ApiError &error = job->error();
    if (!error) {
        const QJsonObject data = job->result().toObject().value(QLatin1String("data")).toObject();
        if (!isCreating())
            m_ifMatch = qint64(data.value(QLatin1String("last_modified")).toDouble());
        Q_EMIT saved(data);
        finishApply(true);
        return;
    }
    if (error.isPreconditionFailed() && isCreating()) {
        finishApply(false, tr("A %1 with the id \"%2\" already exists (the server answered: %3). Choose another id.")
                               .arg(m_noun, objectId(), error.toString()));
        return;
    }
    if (error.isPreconditionFailed()) {
        // Someone saved in between. Keep the input; the next Save knowingly replaces their version.
        const QJsonObject existing = KintoClient::existingObject(error);
        const qint64 current = qint64(existing.value(QLatin1String("last_modified")).toDouble());
        if (current > 0)
            m_ifMatch = current;
        else
            m_overwrite = true; // the server did not say which version it holds: send without If-Match
        saveButton()->setText(tr("Overwrite"));
        finishApply(false, tr("%1\nThis %2 was changed on the server since you opened it. Your input is kept: "
                              "Overwrite replaces the server's version with yours, Cancel keeps theirs.")
                               .arg(error.toString(), m_noun));
        return;
    }
    finishApply(false, error.toString());
}
