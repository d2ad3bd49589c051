#pragma once

#include "tenants/tenant.h"

#include <QList>
#include <QModelIndex>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

class MainWindow;
class QAction;
class QWidget;
struct AppContext;

// The service-family seam, UI side: what a family's folder in ui/ implements (see
// family/servicefamily.h for the app side, docs/ARCHITECTURE.md for a walk-through).

// A family's browsing in one main window: pages and actions for the tree rows of its tenants.
// Owned by the window. The window calls it; it never follows the tree's selection on its own.
class FamilyNavigator : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Shows the page of `index` (a row below one of the family's tenants: never a tenant row)
    // with MainWindow::showPage; called when it becomes the current row.
    virtual void showPageFor(const QModelIndex &index) = 0;
    // The family's actions for a row (tenant rows included, e.g. "New bucket"), enabled as they
    // apply, for the context menu and the tenant page. The window adds its tenant actions after.
    virtual QList<QAction *> actionsFor(const QModelIndex &index) = 0;
};

class FamilyUi
{
public:
    virtual ~FamilyUi() = default;

    virtual QString familyId() const = 0; // the ServiceFamily's id
    virtual FamilyNavigator *createNavigator(MainWindow *window, const AppContext &context) const = 0;
    // Opens the add-tenant wizard (`existing` empty) or the edit-tenant wizard, window-modal, and
    // returns at once. The wizard writes the registry and the secret store itself on Finish;
    // secrets typed in it replace the stored ones.
    virtual QWidget *openTenantWizard(QWidget *parent, const AppContext &context,
                                      const std::optional<Tenant> &existing) const = 0;
};

// The registered families' UIs (ui/families.cpp registers them with their ServiceFamily).
namespace FamilyUis {

void add(std::unique_ptr<FamilyUi> ui);
void remove(const QString &familyId);
const FamilyUi *find(const QString &familyId);
std::vector<const FamilyUi *> all();

} // namespace FamilyUis
