#pragma once

#include "appcontext.h"

#include <QObject>
#include <QPointer>

class MainWindow;
class QAction;
class TenantConnector;

// The tenant actions of the window, for every family: Add Tenant (the chosen family's wizard),
// Edit Tenant (the family's wizard, filled in), Remove Tenant (after a confirmation; its keychain
// entries go with it) and Reconnect. They act on the tenant of the tree's current row, and are
// enabled as they apply (Add needs a registry, a secret store and a registered family).
class TenantCommands : public QObject
{
    Q_OBJECT
public:
    // connector may be null (no Reconnect). Lives as long as `window` (its child).
    TenantCommands(MainWindow *window, const AppContext &context, TenantConnector *connector);

    QAction *addAction() const { return m_add; }
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }
    QAction *reconnectAction() const { return m_reconnect; }

public Q_SLOTS:
    void addTenant();
    void editTenant();
    void removeTenant();
    void reconnectTenant();
    void updateActions();

Q_SIGNALS:
    // A tenant was removed (its secrets too), or removing it failed with `error`.
    void removed(const QString &tenantId, const QString &error);

private:
    void openWizard(const QString &familyId, const std::optional<struct Tenant> &existing);

    MainWindow *m_window;
    AppContext m_context;
    QPointer<TenantConnector> m_connector;
    QAction *m_add;
    QAction *m_edit;
    QAction *m_remove;
    QAction *m_reconnect;
};
