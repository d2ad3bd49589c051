#include "jamfui.h"

#include "jamf/jamfnavigator.h"
#include "jamf/jamftenantdialog.h"
#include "jamffamily.h"

QString JamfUi::familyId() const
{
    return JamfFamily::Id;
}

FamilyNavigator *JamfUi::createNavigator(MainWindow *window, const AppContext &context) const
{
    return new JamfNavigator(window, context);
}

QWidget *JamfUi::openTenantWizard(QWidget *parent, const AppContext &context, const std::optional<Tenant> &existing) const
{
    auto *dialog = new JamfTenantDialog(context, existing, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}
