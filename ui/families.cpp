#include "families.h"

#include "family/familyui.h"
#include "family/servicefamily.h"
#include "kandji/kandjiui.h"
#include "kandjifamily.h"
#include "jamf/jamfui.h"
#include "jamffamily.h"
#include "kinto/kintoui.h"
#include "kintofamily.h"
#include "rest/restui.h"
#include "restfamily.h"

void registerFamily(std::unique_ptr<ServiceFamily> family, std::unique_ptr<FamilyUi> ui)
{
    ServiceFamilies::add(std::move(family));
    FamilyUis::add(std::move(ui));
}

void registerFamilies()
{
    registerFamily(std::make_unique<KintoFamily>(), std::make_unique<KintoUi>());
    registerFamily(std::make_unique<KandjiFamily>(), std::make_unique<KandjiUi>());
    registerFamily(std::make_unique<JamfFamily>(), std::make_unique<JamfUi>());
    registerFamily(std::make_unique<RestFamily>(), std::make_unique<RestUi>());
}
