#include "familyui.h"

namespace FamilyUis {
namespace {

std::vector<std::unique_ptr<FamilyUi>> &registry()
{
    static std::vector<std::unique_ptr<FamilyUi>> uis;
    return uis;
}

} // namespace

void add(std::unique_ptr<FamilyUi> ui)
{
    remove(ui->familyId());
    registry().push_back(std::move(ui));
}

void remove(const QString &familyId)
{
    std::erase_if(registry(), [&familyId](const auto &ui) { return ui->familyId() == familyId; });
}

const FamilyUi *find(const QString &familyId)
{
    for (const auto &ui : registry()) {
        if (ui->familyId() == familyId)
            return ui.get();
    }
    return nullptr;
}

std::vector<const FamilyUi *> all()
{
    std::vector<const FamilyUi *> uis;
    for (const auto &ui : registry())
        uis.push_back(ui.get());
    return uis;
}

} // namespace FamilyUis
