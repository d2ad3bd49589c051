#pragma once

#include "family/familyui.h"

#include <QPersistentModelIndex>
#include <QPointer>

class TenantTreeModel;

// The REST family's UI: RestNavigator for browsing (a resource row shows its items page),
// RestConnectionWizard to add a tenant.
class RestUi : public FamilyUi
{
public:
    QString familyId() const override;
    FamilyNavigator *createNavigator(MainWindow *window, const AppContext &context) const override;
    // Adds a tenant. Editing an existing one opens the same wizard, empty (not yet prefilled).
    QWidget *openTenantWizard(QWidget *parent, const AppContext &context, const std::optional<Tenant> &existing) const override;
};

// Pages for the rows of REST tenants: a "resource" row shows RestResourcePage over the tenant's
// RestSession client. No family actions yet (the page carries New, Edit and Delete).
class RestNavigator : public FamilyNavigator
{
    Q_OBJECT
public:
    explicit RestNavigator(MainWindow *window);
    void showPageFor(const QModelIndex &index) override;
    QList<QAction *> actionsFor(const QModelIndex &index) override;

private:
    MainWindow *m_window;
    TenantTreeModel *m_model;
    QPersistentModelIndex m_shown;
    QPointer<QWidget> m_page; // the page of m_shown, while the window has it
};
