#include "kandjiui.h"

#include "addkandjitenantwizard.h"
#include "appcontext.h"
#include "kandjifamily.h"
#include "kandjinavigator.h"

QString KandjiUi::familyId() const
{
    return KandjiFamily::Id;
}

FamilyNavigator *KandjiUi::createNavigator(MainWindow *window, const AppContext &context) const
{
    return new KandjiNavigator(window, context);
}

QWidget *KandjiUi::openTenantWizard(QWidget *parent, const AppContext &context, const std::optional<Tenant> &existing) const
{
    AddKandjiTenantWizard *wizard = AddKandjiTenantWizard::run(parent, context.registry, context.secrets, context.network, existing);
    wizard->setRequestLog(context.log);
    return wizard;
}
