#include "jamfnavigator.h"

#include "appcontext.h"
#include "jamf/jamfclienteditor.h"
#include "jamf/jamflistpage.h"
#include "jamf/jamfroleeditor.h"
#include "jamf/jamfsecretdialog.h"
#include "jamffamily.h"
#include "jamfprivileges.h"
#include "jamflistmodel.h"
#include "mainwindow.h"
#include "prompt.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QString kindOf(const QModelIndex &index)
{
    return index.data(TenantTreeModel::NodeKindRole).toString();
}

QJsonObject objectOf(const QModelIndex &index)
{
    return index.data(TenantTreeModel::NodeDataRole).toJsonObject().value(QLatin1String("object")).toObject();
}

QString tenantOf(const QModelIndex &index)
{
    return index.data(TenantTreeModel::TenantIdRole).toString();
}

QPushButton *buttonFor(QAction *action)
{
    auto *button = new QPushButton(action->text());
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
}

// What a failure means, in the words of the client's explanation when it has one.
QString describe(const ApiError &error)
{
    return error.message().isEmpty() ? error.toString() : error.message();
}

} // namespace

JamfNavigator::JamfNavigator(MainWindow *window, const AppContext &context)
    : FamilyNavigator(window)
    , m_window(window)
    , m_model(window->tenantModel())
    , m_context(context)
{
    setObjectName(QStringLiteral("jamfNavigator"));
    const auto makeAction = [this](const QString &text, const QString &name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    const auto role = QStringLiteral("role");
    const auto client = QStringLiteral("client");
    m_newRole = makeAction(tr("New API &role…"), QStringLiteral("newJamfRoleAction"), [this] { newRole(tenantOf(m_current)); });
    m_editRole = makeAction(tr("&Edit API role…"), QStringLiteral("editJamfRoleAction"),
        [this, role] { onCurrent(role, &JamfNavigator::editRole); });
    m_deleteRole = makeAction(tr("&Delete API role…"), QStringLiteral("deleteJamfRoleAction"),
        [this, role] { onCurrent(role, &JamfNavigator::deleteRole); });
    m_newClient = makeAction(tr("New API &client…"), QStringLiteral("newJamfClientAction"), [this] { newClient(tenantOf(m_current)); });
    m_editClient = makeAction(tr("Edit API &client…"), QStringLiteral("editJamfClientAction"),
        [this, client] { onCurrent(client, &JamfNavigator::editClient); });
    m_toggleClient = makeAction(tr("&Disable API client"), QStringLiteral("toggleJamfClientAction"),
        [this, client] { onCurrent(client, &JamfNavigator::toggleClient); });
    m_rotate = makeAction(tr("&Rotate client secret…"), QStringLiteral("rotateJamfSecretAction"),
        [this, client] { onCurrent(client, &JamfNavigator::rotateSecret); });
    m_deleteClient = makeAction(tr("&Delete API client…"), QStringLiteral("deleteJamfClientAction"),
        [this, client] { onCurrent(client, &JamfNavigator::deleteClient); });
}

JamfClient *JamfNavigator::clientFor(const QString &tenantId) const
{
    auto *session = qobject_cast<JamfSession *>(m_model->session(tenantId));
    return session ? session->client() : nullptr;
}

void JamfNavigator::onCurrent(const QString &kind, void (JamfNavigator::*operation)(const QString &, const QJsonObject &))
{
    if (kindOf(m_current) == kind)
        (this->*operation)(tenantOf(m_current), objectOf(m_current));
}

QList<QAction *> JamfNavigator::actionsFor(const QModelIndex &index)
{
    m_current = index;
    const QString kind = kindOf(index);
    const bool connected = clientFor(tenantOf(index)) != nullptr;
    QList<QAction *> actions { m_newRole, m_newClient };
    m_newRole->setEnabled(connected);
    m_newClient->setEnabled(connected);
    if (kind == QLatin1String("role")) {
        m_editRole->setEnabled(connected);
        m_deleteRole->setEnabled(connected);
        actions << m_editRole << m_deleteRole;
    } else if (kind == QLatin1String("client")) {
        const bool enabled = objectOf(index).value(QLatin1String("enabled")).toBool();
        m_toggleClient->setText(enabled ? tr("&Disable API client") : tr("&Enable API client"));
        for (QAction *action : { m_editClient, m_toggleClient, m_rotate, m_deleteClient })
            action->setEnabled(connected);
        actions << m_editClient << m_toggleClient << m_rotate << m_deleteClient;
    }
    return actions;
}

void JamfNavigator::showPageFor(const QModelIndex &index)
{
    actionsFor(index);
    const QString kind = kindOf(index);
    if (kind == QLatin1String("roles") || kind == QLatin1String("clients")) {
        showFolderPage(index);
        return;
    }
    if (kind != QLatin1String("role") && kind != QLatin1String("client")) {
        m_window->showPage(nullptr);
        return;
    }
    const QJsonObject object = objectOf(index);
    auto *page = new QWidget;
    page->setObjectName(kind == QLatin1String("role") ? QStringLiteral("jamfRolePage") : QStringLiteral("jamfClientPage"));
    auto *layout = new QVBoxLayout(page);
    auto *title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(object.value(QLatin1String("displayName")).toString().toHtmlEscaped()));
    title->setObjectName(QStringLiteral("title"));
    layout->addWidget(title);
    auto *form = new QFormLayout;
    auto *list = new QListWidget;
    list->setObjectName(QStringLiteral("items"));
    list->setAccessibleName(kind == QLatin1String("role") ? tr("Privileges") : tr("Roles"));
    auto *buttons = new QHBoxLayout;
    if (kind == QLatin1String("role")) {
        const JamfRole role = JamfRole::fromJson(object);
        form->addRow(tr("Id:"), new QLabel(role.id));
        form->addRow(tr("Privileges:"), new QLabel(QString::number(role.privileges.size())));
        list->addItems(role.privileges);
        layout->addLayout(form);
        layout->addWidget(list);
        buttons->addWidget(buttonFor(m_editRole));
        buttons->addWidget(buttonFor(m_deleteRole));
    } else {
        const JamfApiClient client = JamfApiClient::fromJson(object);
        auto *clientId = new QLabel(client.clientId);
        clientId->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("Client id:"), clientId);
        form->addRow(tr("Enabled:"), new QLabel(client.enabled ? tr("yes") : tr("no")));
        form->addRow(tr("Token lifetime:"), new QLabel(JamfApiClient::lifetimeText(client.accessTokenLifetimeSeconds)));
        form->addRow(tr("Credentials:"), new QLabel(JamfApiClient::appTypeText(client.appType)));
        list->addItems(client.authorizationScopes);
        layout->addLayout(form);
        layout->addWidget(new QLabel(tr("Roles:")));
        layout->addWidget(list);
        for (QAction *action : { m_editClient, m_toggleClient, m_rotate, m_deleteClient })
            buttons->addWidget(buttonFor(action));
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch(); // a short list stays short, with its buttons under it
    // As tall as its items, up to the page's height (then it scrolls).
    list->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    list->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_window->showPage(page);
}

void JamfNavigator::showFolderPage(const QModelIndex &index)
{
    const QString tenantId = tenantOf(index);
    JamfClient *client = clientFor(tenantId);
    if (!client) {
        m_window->showPage(nullptr);
        return;
    }
    const bool roles = kindOf(index) == QLatin1String("roles");
    auto *page = new JamfListPage(client, tenantId, roles ? JamfListModel::Kind::Roles : JamfListModel::Kind::Clients);
    const QString folder = roles ? QStringLiteral("roles") : QStringLiteral("clients");
    connect(this, &JamfNavigator::folderChanged, page, [page, tenantId, folder](const QString &changedTenant, const QString &changed) {
        if (changedTenant == tenantId && changed == folder)
            page->reload();
    });
    connect(page, &JamfListPage::createRequested, this, [this, roles, tenantId] { roles ? newRole(tenantId) : newClient(tenantId); });
    connect(page, &JamfListPage::editRequested, this, [this, roles, tenantId](const QJsonObject &object) {
        roles ? editRole(tenantId, object) : editClient(tenantId, object);
    });
    connect(page, &JamfListPage::deleteRequested, this, [this, roles, tenantId](const QJsonObject &object) {
        roles ? deleteRole(tenantId, object) : deleteClient(tenantId, object);
    });
    connect(page, &JamfListPage::toggleRequested, this, [this, tenantId](const QJsonObject &object) { toggleClient(tenantId, object); });
    connect(page, &JamfListPage::rotateRequested, this, [this, tenantId](const QJsonObject &object) { rotateSecret(tenantId, object); });
    m_window->showPage(page);
}

void JamfNavigator::refreshFolder(const QString &tenantId, const QString &folder)
{
    const QModelIndex index = m_model->findNode(tenantId, { folder });
    if (index.isValid())
        m_model->refresh(index);
    Q_EMIT folderChanged(tenantId, folder);
}

void JamfNavigator::leaveDeletedRow(const QString &tenantId, const QString &folder, const QString &id)
{
    const QModelIndex current = m_window->tenantTree()->currentIndex();
    if (tenantOf(current) != tenantId || current.parent() != m_model->findNode(tenantId, { folder })
        || current.data(TenantTreeModel::NodeIdRole).toString() != id)
        return;
    m_window->tenantTree()->setCurrentIndex(current.parent());
}

void JamfNavigator::newRole(const QString &tenantId)
{
    JamfClient *client = clientFor(tenantId);
    if (!client)
        return;
    auto *editor = new JamfRoleEditor(client, JamfRole(), m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &JamfRoleEditor::saved, this, [this, tenantId] { refreshFolder(tenantId, QStringLiteral("roles")); });
    editor->open();
}

void JamfNavigator::editRole(const QString &tenantId, const QJsonObject &role)
{
    JamfClient *client = clientFor(tenantId);
    if (!client)
        return;
    auto *editor = new JamfRoleEditor(client, JamfRole::fromJson(role), m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &JamfRoleEditor::saved, this, [this, tenantId] { refreshFolder(tenantId, QStringLiteral("roles")); });
    editor->open();
}

void JamfNavigator::deleteRole(const QString &tenantId, const QJsonObject &object)
{
    JamfClient *client = clientFor(tenantId);
    const JamfRole role = JamfRole::fromJson(object);
    if (!client || role.id.isEmpty())
        return;
    const QString title = tr("Delete API role");
    if (!Prompt::question(m_window, title,
            tr("Delete the API role \"%1\" (%2)? This cannot be undone.")
                .arg(role.displayName, JamfPrivileges::countText(int(role.privileges.size())))))
        return;
    Job *job = client->deleteRole(role.id);
    connect(job, &Job::finished, this, [this, job, tenantId, role, title] {
        if (job->hasError()) {
            Prompt::warning(m_window, title, tr("\"%1\" was not deleted. %2").arg(role.displayName, describe(job->error())));
            return;
        }
        leaveDeletedRow(tenantId, QStringLiteral("roles"), role.id);
        refreshFolder(tenantId, QStringLiteral("roles"));
    });
}

void JamfNavigator::newClient(const QString &tenantId)
{
    JamfClient *client = clientFor(tenantId);
    if (!client)
        return;
    auto *editor = new JamfClientEditor(client, JamfApiClient(), m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &JamfClientEditor::saved, this, [this, tenantId] { refreshFolder(tenantId, QStringLiteral("clients")); });
    editor->open();
}

void JamfNavigator::editClient(const QString &tenantId, const QJsonObject &object)
{
    JamfClient *client = clientFor(tenantId);
    if (!client)
        return;
    auto *editor = new JamfClientEditor(client, JamfApiClient::fromJson(object), m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &JamfClientEditor::saved, this, [this, tenantId] { refreshFolder(tenantId, QStringLiteral("clients")); });
    editor->open();
}

void JamfNavigator::toggleClient(const QString &tenantId, const QJsonObject &object)
{
    JamfClient *client = clientFor(tenantId);
    const JamfApiClient current = JamfApiClient::fromJson(object);
    if (!client || current.id <= 0)
        return;
    Job *job = client->setClientEnabled(current.id, !current.enabled);
    connect(job, &Job::finished, this, [this, job, tenantId] {
        if (job->hasError())
            Prompt::warning(m_window, tr("API client"), job->error().toString());
        refreshFolder(tenantId, QStringLiteral("clients"));
    });
}

void JamfNavigator::rotateSecret(const QString &tenantId, const QJsonObject &object)
{
    JamfClient *client = clientFor(tenantId);
    const JamfApiClient current = JamfApiClient::fromJson(object);
    if (!client || current.id <= 0)
        return;
    if (!Prompt::question(m_window, tr("Rotate client secret"),
            tr("Make a new secret for \"%1\"? The current secret stops working at once: whatever uses it must get the new "
               "one.").arg(current.displayName)))
        return;
    Job *job = client->rotateCredentials(current.id);
    connect(job, &Job::finished, this, [this, job, tenantId] {
        if (job->hasError()) {
            Prompt::warning(m_window, tr("Rotate client secret"), job->error().toString());
            return;
        }
        auto *dialog = new JamfSecretDialog(job->result().toObject(), tenantId, m_context, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        refreshFolder(tenantId, QStringLiteral("clients"));
    });
}

void JamfNavigator::deleteClient(const QString &tenantId, const QJsonObject &object)
{
    JamfClient *client = clientFor(tenantId);
    const JamfApiClient current = JamfApiClient::fromJson(object);
    if (!client || current.id <= 0)
        return;
    const QString title = tr("Delete API client");
    QString text = tr("Delete the API client \"%1\"? Whatever signs in with its client id and secret can no longer get a "
                      "token (tokens already issued work until they expire). This cannot be undone.").arg(current.displayName);
    const std::optional<Tenant> tenant = m_context.registry ? m_context.registry->tenant(tenantId) : std::nullopt;
    if (tenant && tenant->auth == AuthKind::OAuth2ClientCredentials && tenant->userName == current.clientId)
        text += QStringLiteral("\n\n") + tr("TenantDesk signs in to \"%1\" as this client: after deleting it, the tenant needs "
                                            "another client (Set up a new API client in the tenant's settings).").arg(tenant->displayName);
    if (!Prompt::question(m_window, title, text))
        return;
    Job *job = client->deleteClient(current.id);
    connect(job, &Job::finished, this, [this, job, tenantId, current, title] {
        if (job->hasError()) {
            Prompt::warning(m_window, title, tr("\"%1\" was not deleted. %2").arg(current.displayName, describe(job->error())));
            return;
        }
        leaveDeletedRow(tenantId, QStringLiteral("clients"), QString::number(current.id));
        refreshFolder(tenantId, QStringLiteral("clients"));
    });
}
