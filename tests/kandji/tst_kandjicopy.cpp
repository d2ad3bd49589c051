// Copying library items and a blueprint from one Kandji tenant to another (two sandboxes): the
// preview writes nothing, applying creates or updates by name, installers are re-uploaded only
// when they differ, categories are matched by name, and one failing item does not stop the rest.
// A blueprint brings its assigned items; a map blueprint's assignments are reported, not copied.

#include "kandjicopyjob.h"
#include "kandjiclient.h"
#include "kandjisandbox.h"
#include "kandjiservice.h"
#include "kandjisettings.h"
#include "loopbackhttpserver.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using TestSupport::await;
using Library = KandjiClient::Library;

class TestKandjiCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void previewWritesNothing();
    void applyCreatesThenUpdates();
    void missingCategoryFailsOnlyThatItem();
    void blueprintAloneBringsItsItems();
    void mapBlueprintAssignmentsAreNotCopied();

private:
    KandjiClient *client(KandjiSandbox &sandbox, std::unique_ptr<HttpClient> &http)
    {
        const auto settings = KandjiSettings::make(sandbox.baseUrl().toString(), sandbox.token(), true);
        http.reset(KandjiClient::makeHttpClient(&m_nam, *settings));
        auto *c = KandjiClient::forSession(http.get());
        c->setWaitScale(0);
        return c;
    }
    KandjiCopyJob *copy(const QList<KandjiCopyJob::Item> &items, const QString &blueprint, bool apply)
    {
        auto *job = new KandjiCopyJob(m_sourceClient, m_targetClient, items, blueprint, apply, m_dir->path());
        job->start();
        return job;
    }
    static QJsonObject entry(const TestSupport::Outcome &o, int i)
    {
        return o.result.toObject().value(QLatin1String("items")).toArray().at(i).toObject();
    }

    QNetworkAccessManager m_nam;
    std::unique_ptr<KandjiSandbox> m_source;
    std::unique_ptr<KandjiSandbox> m_target;
    std::unique_ptr<HttpClient> m_sourceHttp;
    std::unique_ptr<HttpClient> m_targetHttp;
    KandjiClient *m_sourceClient = nullptr;
    KandjiClient *m_targetClient = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_profile, m_script, m_app, m_blueprint, m_targetCategory;
};

void TestKandjiCopy::init()
{
    m_source = std::make_unique<KandjiSandbox>();
    m_target = std::make_unique<KandjiSandbox>();
    QVERIFY(m_source->start() && m_target->start());
    m_sourceClient = client(*m_source, m_sourceHttp);
    m_targetClient = client(*m_target, m_targetHttp);
    m_dir = std::make_unique<QTemporaryDir>();

    KandjiService &s = m_source->service();
    const QString utilities = s.addCategory(QStringLiteral("Utilities")).value(QLatin1String("id")).toString();
    m_targetCategory = m_target->service().addCategory(QStringLiteral("utilities")).value(QLatin1String("id")).toString(); // same name, another id
    m_profile = s.addProfile({ { QStringLiteral("name"), QStringLiteral("Wi-Fi") }, { QStringLiteral("runs_on_ipad"), true },
                               { QStringLiteral("profile"), QStringLiteral("<plist version=\"1.0\"><dict/></plist>") } }).value(QLatin1String("id")).toString();
    m_script = s.addScript({ { QStringLiteral("name"), QStringLiteral("Clean") }, { QStringLiteral("execution_frequency"), QStringLiteral("no_enforcement") },
                             { QStringLiteral("show_in_self_service"), true }, { QStringLiteral("self_service_category_id"), utilities } })
                   .value(QLatin1String("id")).toString();
    m_app = s.addApp({ { QStringLiteral("name"), QStringLiteral("Tool") } }, QByteArray("tool v1").repeated(1000), QStringLiteral("Tool.pkg"))
                .value(QLatin1String("id")).toString();
    m_blueprint = s.addBlueprint(QStringLiteral("Production"), QStringLiteral("classic")).value(QLatin1String("id")).toString();
    s.assignDirect(m_blueprint, m_profile);
    s.assignDirect(m_blueprint, m_app);
}

void TestKandjiCopy::cleanup()
{
    m_sourceHttp.reset();
    m_targetHttp.reset();
    m_source.reset();
    m_target.reset();
    m_dir.reset();
}

void TestKandjiCopy::previewWritesNothing()
{
    m_target->service().addScript({ { QStringLiteral("name"), QStringLiteral("Clean") } });
    QList<QByteArray> methods;
    connect(m_target->server(), &LoopbackHttpServer::requestReceived, this, [&](const HttpServerRequest &r) { methods << r.method; });
    const auto preview = await(copy({ { Library::Profiles, m_profile }, { Library::Scripts, m_script }, { Library::Apps, m_app } }, m_blueprint, false));
    QVERIFY2(!preview.error, qPrintable(preview.error.toString()));
    QCOMPARE(entry(preview, 0).value(QLatin1String("action")).toString(), QStringLiteral("create"));
    QCOMPARE(entry(preview, 1).value(QLatin1String("action")).toString(), QStringLiteral("update"));
    QCOMPARE(entry(preview, 2).value(QLatin1String("status")).toString(), QStringLiteral("planned"));
    const QJsonObject blueprint = preview.result.toObject().value(QLatin1String("blueprint")).toObject();
    QCOMPARE(blueprint.value(QLatin1String("action")).toString(), QStringLiteral("create"));
    QCOMPARE(blueprint.value(QLatin1String("assignments")).toArray().size(), 2);
    QVERIFY(!methods.isEmpty());
    for (const QByteArray &method : methods)
        QCOMPARE(method, QByteArray("GET"));
    QCOMPARE(m_target->service().itemCount(QStringLiteral("custom-profiles")), 0);
}

void TestKandjiCopy::applyCreatesThenUpdates()
{
    const QList<KandjiCopyJob::Item> items { { Library::Profiles, m_profile }, { Library::Scripts, m_script }, { Library::Apps, m_app } };
    KandjiCopyJob *job = copy(items, m_blueprint, true);
    QSignalSpy done(job, &KandjiCopyJob::itemDone);
    const auto first = await(job);
    QVERIFY2(!first.error, qPrintable(first.error.toString()));
    QCOMPARE(done.size(), 4);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(entry(first, i).value(QLatin1String("status")).toString() == QLatin1String("created"), qPrintable(entry(first, i).value(QLatin1String("error")).toString()));
    KandjiService &t = m_target->service();
    const QString profile = entry(first, 0).value(QLatin1String("targetId")).toString();
    QCOMPARE(t.item(QStringLiteral("custom-profiles"), profile)->value(QLatin1String("runs_on_ipad")).toBool(), true);
    QCOMPARE(t.item(QStringLiteral("custom-profiles"), profile)->value(QLatin1String("profile")).toString(), QStringLiteral("<plist version=\"1.0\"><dict/></plist>"));
    const auto script = t.item(QStringLiteral("custom-scripts"), entry(first, 1).value(QLatin1String("targetId")).toString());
    QCOMPARE(script->value(QLatin1String("self_service_category_id")).toString(), m_targetCategory);
    const auto app = t.item(QStringLiteral("custom-apps"), entry(first, 2).value(QLatin1String("targetId")).toString());
    QCOMPARE(app->value(QLatin1String("sha256")), m_source->service().item(QStringLiteral("custom-apps"), m_app)->value(QLatin1String("sha256")));
    QCOMPARE(t.storageUploads(), 1);
    const QJsonObject blueprint = first.result.toObject().value(QLatin1String("blueprint")).toObject();
    QCOMPARE(blueprint.value(QLatin1String("status")).toString(), QStringLiteral("created"));
    QCOMPARE(t.blueprintItems(blueprint.value(QLatin1String("targetId")).toString()).size(), 2);

    // Again: everything is matched by name and updated; the installer is the same, so not re-sent.
    const auto second = await(copy(items, m_blueprint, true));
    QVERIFY(!second.error);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(entry(second, i).value(QLatin1String("status")).toString(), QStringLiteral("updated"));
    QCOMPARE(t.storageUploads(), 1);
    QCOMPARE(t.itemCount(QStringLiteral("custom-apps")), 1);
    const QJsonArray assignments = second.result.toObject().value(QLatin1String("blueprint")).toObject().value(QLatin1String("assignments")).toArray();
    for (const QJsonValue &a : assignments)
        QCOMPARE(a.toObject().value(QLatin1String("status")).toString(), QStringLiteral("already assigned"));
}

void TestKandjiCopy::missingCategoryFailsOnlyThatItem()
{
    m_target.reset(new KandjiSandbox);
    QVERIFY(m_target->start());
    m_targetClient = client(*m_target, m_targetHttp); // no categories at all
    const auto outcome = await(copy({ { Library::Scripts, m_script }, { Library::Profiles, m_profile } }, {}, true));
    QVERIFY(!outcome.error);
    QCOMPARE(entry(outcome, 0).value(QLatin1String("status")).toString(), QStringLiteral("failed"));
    QVERIFY(entry(outcome, 0).value(QLatin1String("error")).toString().contains(QLatin1String("\"Utilities\" does not exist on the target")));
    QCOMPARE(entry(outcome, 1).value(QLatin1String("status")).toString(), QStringLiteral("created"));
    QCOMPARE(m_target->service().itemCount(QStringLiteral("custom-scripts")), 0);
}

void TestKandjiCopy::blueprintAloneBringsItsItems()
{
    // Only the blueprint is given: its two assigned items are found in the source's library.
    const auto outcome = await(copy({}, m_blueprint, true));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    const QJsonArray items = outcome.result.toObject().value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(entry(outcome, 0).value(QLatin1String("kind")).toString(), QStringLiteral("custom-profiles"));
    QCOMPARE(entry(outcome, 1).value(QLatin1String("kind")).toString(), QStringLiteral("custom-apps"));
    QCOMPARE(entry(outcome, 1).value(QLatin1String("status")).toString(), QStringLiteral("created"));
    const QJsonObject blueprint = outcome.result.toObject().value(QLatin1String("blueprint")).toObject();
    QCOMPARE(blueprint.value(QLatin1String("type")).toString(), QStringLiteral("classic"));
    QVERIFY(!blueprint.contains(QLatin1String("note")));
    const QStringList assigned = m_target->service().blueprintItems(blueprint.value(QLatin1String("targetId")).toString());
    QCOMPARE(assigned.size(), 2);
    QVERIFY(assigned.contains(entry(outcome, 0).value(QLatin1String("targetId")).toString()));
    QVERIFY(assigned.contains(entry(outcome, 1).value(QLatin1String("targetId")).toString()));
}

void TestKandjiCopy::mapBlueprintAssignmentsAreNotCopied()
{
    const QString map = m_source->service().addBlueprint(QStringLiteral("Kiosks"), QStringLiteral("map")).value(QLatin1String("id")).toString();
    m_source->service().assignDirect(map, m_profile);
    const auto preview = await(copy({}, map, false));
    QVERIFY(!preview.error);
    QJsonObject blueprint = preview.result.toObject().value(QLatin1String("blueprint")).toObject();
    QCOMPARE(blueprint.value(QLatin1String("type")).toString(), QStringLiteral("map"));
    QVERIFY(blueprint.value(QLatin1String("note")).toString().contains(QLatin1String("its assignments are not copied")));
    QCOMPARE(blueprint.value(QLatin1String("assignments")).toArray().at(0).toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("not copied"));

    const auto applied = await(copy({}, map, true));
    QVERIFY(!applied.error);
    QCOMPARE(entry(applied, 0).value(QLatin1String("status")).toString(), QStringLiteral("created")); // the item itself is copied
    blueprint = applied.result.toObject().value(QLatin1String("blueprint")).toObject();
    QCOMPARE(blueprint.value(QLatin1String("status")).toString(), QStringLiteral("created"));
    QVERIFY(m_target->service().blueprintItems(blueprint.value(QLatin1String("targetId")).toString()).isEmpty());
    QCOMPARE(blueprint.value(QLatin1String("assignments")).toArray().at(0).toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("not copied"));
}

QTEST_GUILESS_MAIN(TestKandjiCopy)
#include "tst_kandjicopy.moc"
