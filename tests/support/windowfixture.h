#pragma once

#include "appcontext.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "secrets/memorysecretstore.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"

#include <QNetworkAccessManager>
#include <QStringList>
#include <QTemporaryDir>
#include <QTreeView>

#include <memory>

// The main window as the application builds it, for the window tests of every family: a request
// log, an in-memory secret store, a registry in a file of `dir`, a session manager, the window
// (shown), its tree model and view. Families must be registered (registerFamilies()) first.
struct WindowFixture
{
    std::unique_ptr<RequestLog> log;
    std::unique_ptr<MemorySecretStore> secrets;
    std::unique_ptr<TenantRegistry> registry;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<SessionManager> sessions;
    std::unique_ptr<MainWindow> window;
    TenantTreeModel *model = nullptr;
    QTreeView *tree = nullptr;
    QString registryFile; // the settings file the registry writes

    // Builds and shows the window over a fresh registry file. False when the window is not exposed.
    bool open(const QTemporaryDir &dir);
    // Destroys everything, window first.
    void close();
    AppContext context() const;

    // Adds a tenant and stores its secret (none when `purpose` is empty). The id, or empty.
    QString addTenant(const Tenant &tenant, const QString &purpose = {}, const QString &secret = {});
    // Expands the tenant and the nodes on `path` below it, waiting for each to be listed.
    QModelIndex reveal(const QString &tenantId, const QStringList &path);
    // Clicks a row of the tree (scrolled into view first).
    void click(const QModelIndex &index);

private:
    int m_files = 0;
};
