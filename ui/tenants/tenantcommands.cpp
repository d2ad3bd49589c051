#include "tenantcommands.h"

#include "family/familyui.h"
#include "family/servicefamily.h"
#include "mainwindow.h"
#include "prompt.h"
#include "serviceicons.h"
#include "tenantconnector.h"
#include "tenants/tenantregistry.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

TenantCommands::TenantCommands(MainWindow *window, const AppContext &context, TenantConnector *connector)
    : QObject(window)
    , m_window(window)
    , m_context(context)
    , m_connector(connector)
{
    const auto make = [this](const QString &text, const char *name, const QString &tip, void (TenantCommands::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    const QString families = ServiceFamilies::namesForPeople();
    m_add = make(tr("&Add Tenant…"), "addTenantAction", tr("Add an account on a %1 service").arg(families),
                 &TenantCommands::addTenant);
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_edit = make(tr("&Edit Tenant…"), "editTenantAction", tr("Change the tenant's name, address or credentials"),
                  &TenantCommands::editTenant);
    m_remove = make(tr("&Remove Tenant…"), "removeTenantAction",
                    tr("Remove the tenant and its secrets from the keychain"), &TenantCommands::removeTenant);
    m_reconnect = make(tr("Re&connect"), "reconnectTenantAction", tr("Close the tenant's session and connect again"),
                       &TenantCommands::reconnectTenant);
    m_reconnect->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(window, &MainWindow::currentTenantChanged, this, &TenantCommands::updateActions);
    updateActions();
}

void TenantCommands::updateActions()
{
    const bool store = m_context.registry && m_context.secrets;
    const std::optional<Tenant> tenant = store ? m_context.registry->tenant(m_window->currentTenantId()) : std::nullopt;
    m_add->setEnabled(store && !FamilyUis::all().empty());
    m_edit->setEnabled(tenant && FamilyUis::find(tenant->family));
    m_remove->setEnabled(tenant.has_value());
    m_reconnect->setEnabled(tenant && m_connector && ServiceFamilies::find(tenant->family));
}

void TenantCommands::addTenant()
{
    const std::vector<const FamilyUi *> uis = FamilyUis::all();
    if (!m_add->isEnabled() || uis.empty())
        return;
    if (uis.size() == 1) {
        openWizard(uis.front()->familyId(), std::nullopt);
        return;
    }
    // Several families: the user picks one, then its wizard opens.
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("chooseFamilyDialog"));
    dialog->setWindowTitle(tr("Add Tenant"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *list = new QListWidget(dialog);
    list->setObjectName(QStringLiteral("familyList"));
    list->setAccessibleName(tr("Service kinds"));
    list->setIconSize(QSize(32, 32));
    for (const FamilyUi *ui : uis) {
        const ServiceFamily *family = ServiceFamilies::find(ui->familyId());
        if (!family)
            continue;
        auto *item = new QListWidgetItem(ServiceIcons::forFamily(family->id()),
                                         family->displayName() + QLatin1Char('\n') + family->summary(), list);
        item->setData(Qt::UserRole, family->id());
    }
    list->setCurrentRow(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(tr("What kind of service is the tenant on?"), dialog));
    layout->addWidget(list);
    layout->addWidget(buttons);
    connect(list, &QListWidget::itemActivated, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, list] {
        if (QListWidgetItem *item = list->currentItem())
            openWizard(item->data(Qt::UserRole).toString(), std::nullopt);
    });
    dialog->resize(480, 320);
    dialog->open();
}

void TenantCommands::editTenant()
{
    if (!m_edit->isEnabled())
        return;
    const std::optional<Tenant> tenant = m_context.registry->tenant(m_window->currentTenantId());
    if (tenant)
        openWizard(tenant->family, tenant);
}

void TenantCommands::openWizard(const QString &familyId, const std::optional<Tenant> &existing)
{
    if (const FamilyUi *ui = FamilyUis::find(familyId))
        ui->openTenantWizard(m_window, m_context, existing);
}

void TenantCommands::removeTenant()
{
    if (!m_remove->isEnabled())
        return;
    const std::optional<Tenant> tenant = m_context.registry->tenant(m_window->currentTenantId());
    if (!tenant)
        return;
    const QString question = tenant->secretPurposes.isEmpty()
        ? tr("Remove the tenant \"%1\" (%2)?").arg(tenant->displayName, tenant->baseUrl.toDisplayString())
        : tr("Remove the tenant \"%1\" (%2)?\n\nIts secrets (%3) are deleted from the keychain. Nothing on the server "
             "changes.")
              .arg(tenant->displayName, tenant->baseUrl.toDisplayString(), tenant->secretPurposes.join(QStringLiteral(", ")));
    if (!Prompt::question(m_window, tr("Remove Tenant"), question))
        return;
    const QString id = tenant->id;
    Job *job = m_context.registry->remove(id, m_context.secrets);
    connect(job, &Job::finished, this, [this, job, id, name = tenant->displayName] {
        if (job->hasError()) {
            Prompt::warning(m_window, tr("Remove Tenant"),
                            tr("The tenant \"%1\" was not removed: %2").arg(name, job->error().toString()));
            Q_EMIT removed(id, job->error().toString());
            return;
        }
        Q_EMIT removed(id, {});
        updateActions();
    });
}

void TenantCommands::reconnectTenant()
{
    if (m_reconnect->isEnabled())
        m_connector->reconnectTenant(m_window->currentTenantId());
}
