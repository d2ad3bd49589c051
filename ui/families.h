#pragma once

#include <memory>

class FamilyUi;
class ServiceFamily;

// Registers a service family: its app side and its UI side, under the family's id.
void registerFamily(std::unique_ptr<ServiceFamily> family, std::unique_ptr<FamilyUi> ui);
// Registers every family this build has (ui/families.cpp: one line each). Safe to call again.
void registerFamilies();
