#include "restui.h"

#include "appcontext.h"
#include "mainwindow.h"
#include "restconnectionwizard.h"
#include "restfamily.h"
#include "restresourcepage.h"
#include "tenanttreemodel.h"

QString RestUi::familyId() const
{
    return RestFamily::Id;
}

FamilyNavigator *RestUi::createNavigator(MainWindow *window, const AppContext &) const
{
    return new RestNavigator(window);
}

QWidget *RestUi::openTenantWizard(QWidget *parent, const AppContext &context, const std::optional<Tenant> &tenant) const
{
    auto *wizard = new RestConnectionWizard(context.registry, context.secrets, context.network, parent);
    wizard->controller()->setRequestLog(context.log);
    if (tenant)
        wizard->editTenant(*tenant);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    wizard->show();
    return wizard;
}

RestNavigator::RestNavigator(MainWindow *window)
    : FamilyNavigator(window)
    , m_window(window)
    , m_model(window->tenantModel())
{
}

void RestNavigator::showPageFor(const QModelIndex &index)
{
    RestResource resource;
    auto *session = qobject_cast<RestSession *>(m_model->session(index.data(TenantTreeModel::TenantIdRole).toString()));
    if (!session || !RestSession::resourceOf(index.data(TenantTreeModel::NodeDataRole).toJsonObject(), &resource)) {
        m_shown = QPersistentModelIndex();
        m_window->showPage(nullptr);
        return;
    }
    // The same row again keeps its page, unless another page was shown in between.
    if (m_shown == index && m_page && m_window->currentPage() == m_page)
        return;
    m_shown = index;
    m_page = new RestResourcePage(session->client(), resource);
    m_window->showPage(m_page);
}

QList<QAction *> RestNavigator::actionsFor(const QModelIndex &)
{
    return {};
}
