#include "jamfclienteditor.h"

#include "jamfclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>

JamfClientEditor::JamfClientEditor(JamfClient *client, const JamfApiClient &apiClient, QWidget *parent)
    : EditorBase(parent)
    , m_client(client)
    , m_apiClient(apiClient)
{
    setWindowTitle(apiClient.id > 0 ? tr("API client %1").arg(apiClient.displayName) : tr("New API client"));
    auto *form = new QFormLayout;
    m_name = new QLineEdit(apiClient.displayName);
    m_name->setObjectName(QStringLiteral("displayName"));
    form->addRow(tr("&Display name:"), m_name);
    m_roles = new QListWidget;
    m_roles->setObjectName(QStringLiteral("roles"));
    m_roles->setAccessibleName(tr("Roles"));
    form->addRow(tr("&Roles:"), m_roles);
    m_lifetime = new QComboBox;
    m_lifetime->setObjectName(QStringLiteral("lifetime"));
    for (const auto &[label, seconds] : JamfApiClient::lifetimePresets())
        m_lifetime->addItem(label, seconds);
    m_lifetime->addItem(tr("Other (seconds)"), 0);
    m_seconds = new QSpinBox;
    m_seconds->setObjectName(QStringLiteral("seconds"));
    m_seconds->setAccessibleName(tr("Token lifetime in seconds"));
    m_seconds->setRange(1, 7 * 24 * 3600);
    m_seconds->setValue(apiClient.accessTokenLifetimeSeconds);
    const int preset = m_lifetime->findData(apiClient.accessTokenLifetimeSeconds);
    m_lifetime->setCurrentIndex(preset >= 0 ? preset : m_lifetime->count() - 1);
    m_seconds->setEnabled(preset < 0);
    form->addRow(tr("Token &lifetime:"), m_lifetime);
    form->addRow(QString(), m_seconds);
    m_enabled = new QCheckBox(tr("&Enabled"));
    m_enabled->setObjectName(QStringLiteral("enabled"));
    m_enabled->setChecked(apiClient.enabled);
    form->addRow(m_enabled);
    contentLayout()->addLayout(form);

    const auto modified = [this] { setModified(true); };
    connect(m_name, &QLineEdit::textEdited, this, modified);
    connect(m_roles, &QListWidget::itemChanged, this, modified);
    connect(m_enabled, &QCheckBox::toggled, this, modified);
    connect(m_seconds, &QSpinBox::valueChanged, this, modified);
    connect(m_lifetime, &QComboBox::activated, this, [this](int index) {
        const int seconds = m_lifetime->itemData(index).toInt();
        m_seconds->setEnabled(seconds == 0);
        if (seconds > 0)
            m_seconds->setValue(seconds);
        setModified(true);
    });

    // The server's roles; the client's current ones stay listed even if the listing fails.
    const auto addRole = [this](const QString &name) {
        if (!m_roles->findItems(name, Qt::MatchExactly).isEmpty())
            return;
        auto *item = new QListWidgetItem(name, m_roles);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_apiClient.authorizationScopes.contains(name) ? Qt::Checked : Qt::Unchecked);
    };
    for (const QString &name : apiClient.authorizationScopes)
        addRole(name);
    setSaveEnabled(false);
    if (m_client) {
        JamfListOptions options;
        options.sort = { QStringLiteral("displayName:asc") };
        Job *job = m_client->listRoles(options);
        connect(job, &Job::finished, this, [this, job, addRole] {
            const QSignalBlocker blocker(m_roles);
            for (const QJsonValue &v : job->result().toArray())
                addRole(v.toObject().value(QLatin1String("displayName")).toString());
            if (job->hasError())
                setMessage(tr("The roles could not be listed: %1").arg(job->error().toString()), true);
            setSaveEnabled(true);
        });
    }
    setModified(false);
}

QStringList JamfClientEditor::checkedRoles() const
{
    QStringList names;
    for (int row = 0; row < m_roles->count(); ++row) {
        if (m_roles->item(row)->checkState() == Qt::Checked)
            names << m_roles->item(row)->text();
    }
    return names;
}

QStringList JamfClientEditor::validateInput()
{
    QStringList problems;
    if (m_name->text().trimmed().isEmpty())
        problems << tr("Enter a display name.");
    if (checkedRoles().isEmpty())
        problems << tr("Choose at least one role: a client without roles can do nothing.");
    if (!m_client)
        problems << tr("The tenant's session is closed.");
    return problems;
}

void JamfClientEditor::startApply()
{
    JamfApiClient apiClient = m_apiClient;
    apiClient.displayName = m_name->text().trimmed();
    apiClient.authorizationScopes = checkedRoles();
    apiClient.accessTokenLifetimeSeconds = m_seconds->value();
    apiClient.enabled = m_enabled->isChecked();
    Job *job = apiClient.id > 0 ? m_client->replaceClient(apiClient) : m_client->createClient(apiClient);
    connect(job, &Job::finished, this, [this, job] {
        if (job->hasError()) {
            const ApiError &error = job->error();
            finishApply(false, error.serviceCode() == QLatin1String("DUPLICATE_FIELD")
                    ? tr("An API client named \"%1\" exists already: choose another name.").arg(m_name->text().trimmed())
                    : (error.message().isEmpty() ? error.toString() : error.message()));
            return;
        }
        m_apiClient = JamfApiClient::fromJson(job->result().toObject());
        finishApply(true);
        Q_EMIT saved(m_apiClient);
    });
}
