#pragma once

#include "family/familyui.h"

// The Kandji / Iru family's UI on the seam: KandjiNavigator and AddKandjiTenantWizard.
class KandjiUi : public FamilyUi
{
public:
    QString familyId() const override;
    FamilyNavigator *createNavigator(MainWindow *window, const AppContext &context) const override;
    QWidget *openTenantWizard(QWidget *parent, const AppContext &context, const std::optional<Tenant> &existing) const override;
};
