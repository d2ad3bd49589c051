#include "kintoui.h"

#include "addkintotenantwizard.h"
#include "appcontext.h"
#include "kintofamily.h"
#include "kintonavigator.h"

QString KintoUi::familyId() const
{
    return KintoFamily::Id;
}

FamilyNavigator *KintoUi::createNavigator(MainWindow *window, const AppContext &) const
{
    return new KintoNavigator(window);
}

QWidget *KintoUi::openTenantWizard(QWidget *parent, const AppContext &context, const std::optional<Tenant> &existing) const
{
    AddKintoTenantWizard *wizard = AddKintoTenantWizard::run(parent, context.registry, context.secrets, context.network, existing);
    wizard->controller()->setRequestLog(context.log);
    return wizard;
}
