#pragma once

#include "family/familyui.h"

// The Kinto family's UI: KintoNavigator for browsing, AddKintoTenantWizard to add or edit a tenant.
class KintoUi : public FamilyUi
{
public:
    QString familyId() const override;
    FamilyNavigator *createNavigator(MainWindow *window, const AppContext &context) const override;
    QWidget *openTenantWizard(QWidget *parent, const AppContext &context,
                              const std::optional<Tenant> &existing) const override;
};
