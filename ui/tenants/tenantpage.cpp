#include "tenantpage.h"

#include "browse/browsepage.h"
#include "family/servicefamily.h"
#include "serviceicons.h"
#include "tenanttreemodel.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QLabel *selectable(const QString &text, const QString &name)
{
    auto *label = new QLabel(text);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

QVariant TenantPage::signature(const QModelIndex &tenant)
{
    return QVariantList{tenant.data(Qt::DisplayRole), tenant.data(TenantTreeModel::StateRole),
                        tenant.data(TenantTreeModel::StateMessageRole), tenant.data(TenantTreeModel::IdentityRole),
                        tenant.data(TenantTreeModel::BaseUrlRole)};
}

TenantPage::TenantPage(const QModelIndex &tenant, const QList<QAction *> &actions, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("tenantPage"));
    const QString name = tenant.data(Qt::DisplayRole).toString();
    auto *page = new BrowsePage({name}, name, this);
    for (QAction *action : actions)
        page->addButton(action);

    const auto state = TenantTreeModel::State(tenant.data(TenantTreeModel::StateRole).toInt());
    const ServiceIdentity identity = ServiceIdentity::fromJson(tenant.data(TenantTreeModel::IdentityRole).toJsonObject());
    const QString family = tenant.data(TenantTreeModel::FamilyRole).toString();

    auto *body = new QWidget;
    auto *column = new QVBoxLayout(body);
    column->setContentsMargins(0, 0, 0, 0);

    if (!identity.warnings.isEmpty()) {
        auto *warning = selectable(identity.warnings.join(QLatin1Char('\n')), QStringLiteral("identityWarning"));
        QFont bold = warning->font();
        bold.setBold(true);
        warning->setFont(bold);
        warning->setForegroundRole(QPalette::BrightText);
        warning->setBackgroundRole(QPalette::Highlight);
        warning->setAutoFillBackground(true);
        warning->setMargin(8);
        column->addWidget(warning);
    }

    auto *form = new QFormLayout;
    QString stateText = TenantTreeModel::stateText(state);
    const QString message = tenant.data(TenantTreeModel::StateMessageRole).toString();
    if (!message.isEmpty() && identity.user.isEmpty())
        stateText += QStringLiteral(": ") + message;
    form->addRow(tr("State:"), selectable(stateText, QStringLiteral("tenantStateLabel")));
    if (state == TenantTreeModel::State::Ok || state == TenantTreeModel::State::Warning) {
        form->addRow(tr("Signed in as:"),
                     selectable(identity.user.isEmpty() ? tr("anonymous") : identity.user, QStringLiteral("identityUser")));
        if (!identity.authMethod.isEmpty())
            form->addRow(tr("Authenticated by:"), selectable(identity.authMethod, QStringLiteral("identityAuth")));
        if (!identity.serverVersion.isEmpty())
            form->addRow(tr("Server:"), selectable(identity.serverVersion, QStringLiteral("identityServer")));
        if (!identity.capabilities.isEmpty())
            form->addRow(tr("Capabilities:"), selectable(identity.capabilities.join(QStringLiteral(", ")),
                                                        QStringLiteral("identityCapabilities")));
    }
    form->addRow(tr("Service:"), selectable(ServiceIcons::displayName(family), QStringLiteral("tenantService")));
    form->addRow(tr("URL:"), selectable(tenant.data(TenantTreeModel::BaseUrlRole).toUrl().toDisplayString(),
                                        QStringLiteral("tenantUrl")));
    column->addLayout(form);
    if (state == TenantTreeModel::State::Ok || state == TenantTreeModel::State::Warning)
        column->addWidget(new QLabel(tr("Expand the tenant in the Tenants panel to browse it.")));
    column->addStretch();
    page->setBody(body);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(page);
}
