#include "jamfnavigator.h"

#include "appcontext.h"
#include "jamf/jamfclienteditor.h"
#include "jamf/jamfroleeditor.h"
#include "jamf/jamfsecretdialog.h"
#include "jamffamily.h"
#include "jamflistmodel.h"
#include "mainwindow.h"
#include "prompt.h"
#include "tenanttreemodel.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
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

} // namespace

JamfNavigator::JamfNavigator(MainWindow *window, const AppContext &context)
    : FamilyNavigator(window)
    , m_window(window)
    , m_model(window->tenantModel())
    , m_context(context)
{
    setObjectName(QStringLiteral("jamfNavigator"));
    const auto makeAction = [this](const QString &text, const QString &name, void (JamfNavigator::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newRole = makeAction(tr("New API &role…"), QStringLiteral("newJamfRoleAction"), &JamfNavigator::newRole);
    m_editRole = makeAction(tr("&Edit API role…"), QStringLiteral("editJamfRoleAction"), &JamfNavigator::editRole);
    m_newClient = makeAction(tr("New API &client…"), QStringLiteral("newJamfClientAction"), &JamfNavigator::newClient);
    m_editClient = makeAction(tr("Edit API &client…"), QStringLiteral("editJamfClientAction"), &JamfNavigator::editClient);
    m_toggleClient = makeAction(tr("&Disable API client"), QStringLiteral("toggleJamfClientAction"), &JamfNavigator::toggleClient);
    m_rotate = makeAction(tr("&Rotate client secret…"), QStringLiteral("rotateJamfSecretAction"), &JamfNavigator::rotateSecret);
}

JamfClient *JamfNavigator::clientFor(const QModelIndex &index) const
{
    auto *session = qobject_cast<JamfSession *>(m_model->session(tenantOf(index)));
    return session ? session->client() : nullptr;
}

QList<QAction *> JamfNavigator::actionsFor(const QModelIndex &index)
{
    m_current = index;
    const QString kind = kindOf(index);
    const bool connected = clientFor(index) != nullptr;
    QList<QAction *> actions { m_newRole, m_newClient };
    m_newRole->setEnabled(connected);
    m_newClient->setEnabled(connected);
    if (kind == QLatin1String("role")) {
        m_editRole->setEnabled(connected);
        actions << m_editRole;
    } else if (kind == QLatin1String("client")) {
        const bool enabled = objectOf(index).value(QLatin1String("enabled")).toBool();
        m_toggleClient->setText(enabled ? tr("&Disable API client") : tr("&Enable API client"));
        m_toggleClient->setEnabled(connected);
        m_rotate->setEnabled(connected);
        m_editClient->setEnabled(connected);
        actions << m_editClient << m_toggleClient << m_rotate;
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
    if (kind == QLatin1String("role")) {
        const JamfRole role = JamfRole::fromJson(object);
        form->addRow(tr("Id:"), new QLabel(role.id));
        form->addRow(tr("Privileges:"), new QLabel(QString::number(role.privileges.size())));
        list->addItems(role.privileges);
        layout->addLayout(form);
        layout->addWidget(list, 1);
        layout->addWidget(buttonFor(m_editRole));
    } else {
        const JamfApiClient client = JamfApiClient::fromJson(object);
        form->addRow(tr("Client id:"), new QLabel(client.clientId));
        form->addRow(tr("Enabled:"), new QLabel(client.enabled ? tr("yes") : tr("no")));
        form->addRow(tr("Token lifetime:"), new QLabel(tr("%1 s").arg(client.accessTokenLifetimeSeconds)));
        form->addRow(tr("Credentials:"), new QLabel(client.appType));
        list->addItems(client.authorizationScopes);
        layout->addLayout(form);
        layout->addWidget(new QLabel(tr("Roles:")));
        layout->addWidget(list, 1);
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(buttonFor(m_editClient));
        buttons->addWidget(buttonFor(m_toggleClient));
        buttons->addWidget(buttonFor(m_rotate));
        layout->addLayout(buttons);
    }
    m_window->showPage(page);
}

void JamfNavigator::showFolderPage(const QModelIndex &index)
{
    JamfClient *client = clientFor(index);
    if (!client) {
        m_window->showPage(nullptr);
        return;
    }
    const bool roles = kindOf(index) == QLatin1String("roles");
    auto *page = new QWidget;
    page->setObjectName(roles ? QStringLiteral("jamfRolesPage") : QStringLiteral("jamfClientsPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(roles ? tr("API Roles") : tr("API Clients"))));
    auto *model = new JamfListModel(client, roles ? JamfListModel::Kind::Roles : JamfListModel::Kind::Clients, page);
    auto *table = new QTableView;
    table->setObjectName(QStringLiteral("jamfTable"));
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setSortingEnabled(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *status = new QLabel;
    status->setObjectName(QStringLiteral("jamfTableStatus"));
    const auto showStatus = [model, status] {
        if (model->lastError())
            status->setText(tr("Could not load: %1").arg(model->lastError().toString()));
        else if (model->total() >= 0)
            status->setText(tr("%1 of %2 shown").arg(model->loadedCount()).arg(model->total()));
    };
    connect(model, &PagedListModel::pageLoaded, status, showStatus);
    connect(model, &PagedListModel::pageFailed, status, showStatus);
    layout->addWidget(table, 1);
    layout->addWidget(status);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(buttonFor(roles ? m_newRole : m_newClient));
    buttons->addStretch();
    layout->addLayout(buttons);
    m_window->showPage(page);
}

void JamfNavigator::refreshFolder(const QString &tenantId, const QString &folder)
{
    const QModelIndex index = m_model->findNode(tenantId, { folder });
    if (index.isValid())
        m_model->refresh(index);
}

void JamfNavigator::newRole()
{
    JamfClient *client = clientFor(m_current);
    if (!client)
        return;
    auto *editor = new JamfRoleEditor(client, JamfRole(), m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const QString tenantId = tenantOf(m_current);
    connect(editor, &JamfRoleEditor::saved, this, [this, tenantId] { refreshFolder(tenantId, QStringLiteral("roles")); });
    editor->open();
}

void JamfNavigator::editRole()
{
    JamfClient *client = clientFor(m_current);
    if (!client || kindOf(m_current) != QLatin1String("role"))
        return;
    auto *editor = new JamfRoleEditor(client, JamfRole::fromJson(objectOf(m_current)), m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const QString tenantId = tenantOf(m_current);
    connect(editor, &JamfRoleEditor::saved, this, [this, tenantId] { refreshFolder(tenantId, QStringLiteral("roles")); });
    editor->open();
}

void JamfNavigator::newClient()
{
    JamfClient *client = clientFor(m_current);
    if (!client)
        return;
    auto *editor = new JamfClientEditor(client, JamfApiClient(), m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const QString tenantId = tenantOf(m_current);
    connect(editor, &JamfClientEditor::saved, this, [this, tenantId] { refreshFolder(tenantId, QStringLiteral("clients")); });
    editor->open();
}

void JamfNavigator::editClient()
{
    JamfClient *client = clientFor(m_current);
    if (!client || kindOf(m_current) != QLatin1String("client"))
        return;
    auto *editor = new JamfClientEditor(client, JamfApiClient::fromJson(objectOf(m_current)), m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const QString tenantId = tenantOf(m_current);
    connect(editor, &JamfClientEditor::saved, this, [this, tenantId] { refreshFolder(tenantId, QStringLiteral("clients")); });
    editor->open();
}

void JamfNavigator::toggleClient()
{
    JamfClient *client = clientFor(m_current);
    if (!client || kindOf(m_current) != QLatin1String("client"))
        return;
    const JamfApiClient current = JamfApiClient::fromJson(objectOf(m_current));
    const QString tenantId = tenantOf(m_current);
    Job *job = client->setClientEnabled(current.id, !current.enabled);
    connect(job, &Job::finished, this, [this, job, tenantId] {
        if (job->hasError())
            Prompt::warning(m_window, tr("API client"), job->error().toString());
        refreshFolder(tenantId, QStringLiteral("clients"));
    });
}

void JamfNavigator::rotateSecret()
{
    JamfClient *client = clientFor(m_current);
    if (!client || kindOf(m_current) != QLatin1String("client"))
        return;
    const JamfApiClient current = JamfApiClient::fromJson(objectOf(m_current));
    if (!Prompt::question(m_window, tr("Rotate client secret"),
            tr("Make a new secret for \"%1\"? The current secret stops working at once: whatever uses it must get the new "
               "one.").arg(current.displayName)))
        return;
    const QString tenantId = tenantOf(m_current);
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
