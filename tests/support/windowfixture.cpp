#include "windowfixture.h"

#include "testsupport.h"

#include <QTest>

bool WindowFixture::open(const QTemporaryDir &dir)
{
    log = std::make_unique<RequestLog>();
    secrets = std::make_unique<MemorySecretStore>();
    registryFile = dir.filePath(QStringLiteral("window-tenants-%1.ini").arg(++m_files));
    registry = std::make_unique<TenantRegistry>(registryFile);
    nam = std::make_unique<QNetworkAccessManager>();
    sessions = std::make_unique<SessionManager>(registry.get(), secrets.get(), nam.get(), log.get());
    window = std::make_unique<MainWindow>(context());
    model = window->tenantModel();
    tree = window->tenantTree();
    window->show();
    return QTest::qWaitForWindowExposed(window.get());
}

void WindowFixture::close()
{
    window.reset();
    sessions.reset();
    nam.reset();
    registry.reset();
    secrets.reset();
    log.reset();
    model = nullptr;
    tree = nullptr;
}

AppContext WindowFixture::context() const
{
    return AppContext{registry.get(), secrets.get(), sessions.get(), nam.get(), log.get()};
}

QString WindowFixture::addTenant(const Tenant &tenant, const QString &purpose, const QString &secret)
{
    const QString id = registry->add(tenant);
    if (id.isEmpty() || purpose.isEmpty())
        return id;
    const TestSupport::Outcome stored = TestSupport::await(registry->storeSecret(id, purpose, secret, secrets.get()));
    return stored.finished && !stored.error ? id : QString();
}

QModelIndex WindowFixture::reveal(const QString &tenantId, const QStringList &path)
{
    tree->expand(model->indexForTenant(tenantId));
    for (int depth = 1; depth <= path.size(); ++depth) {
        const QStringList prefix = path.mid(0, depth);
        if (!QTest::qWaitFor([&] { return model->findNode(tenantId, prefix).isValid(); }, 10000))
            return {};
        tree->expand(model->findNode(tenantId, prefix));
    }
    return model->findNode(tenantId, path);
}

void WindowFixture::click(const QModelIndex &index)
{
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
}
