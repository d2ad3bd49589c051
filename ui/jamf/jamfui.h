#pragma once

#include "family/familyui.h"

// Jamf Pro's UI on the seam: its navigator (jamfnavigator.h) and the add/edit tenant dialog.
class JamfUi : public FamilyUi
{
public:
    QString familyId() const override;
    FamilyNavigator *createNavigator(MainWindow *window, const AppContext &context) const override;
    QWidget *openTenantWizard(QWidget *parent, const AppContext &context, const std::optional<Tenant> &existing) const override;
};
