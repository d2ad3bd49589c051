#include "kandjicopyjob.h"

#include "kandjiappjob.h"
#include "kandjiassignjob.h"
#include "kandjirules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

using Library = KandjiClient::Library;

static const QList<Library> allLibraries { Library::Profiles, Library::Scripts, Library::Apps };

static QJsonArray resultsOf(Job *job)
{
    return job->result().toObject().value(QLatin1String("results")).toArray();
}

static QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

KandjiCopyJob::KandjiCopyJob(KandjiClient *source, KandjiClient *target, const QList<Item> &items, const QString &blueprintId,
                             bool apply, const QString &workDir, QObject *parent)
    : Job(parent)
    , m_source(source)
    , m_target(target)
    , m_items(items)
    , m_blueprintId(blueprintId)
    , m_workDir(workDir)
    , m_apply(apply)
{
}

void KandjiCopyJob::start()
{
    m_steps << [this] { loadTarget(); };
    if (!m_blueprintId.isEmpty())
        m_steps << [this] { planBlueprint(); } << [this] { addAssignedItems(); };
    m_steps << [this] { loadSource(); };
    if (m_apply) {
        // Queued once the items are known (the blueprint's assigned items are added while planning).
        m_steps << [this] {
            for (int i = 0; i < m_items.size(); ++i)
                m_steps << [this, i] { applyItem(i); };
            if (!m_blueprintId.isEmpty())
                m_steps << [this] { applyBlueprint(); };
            next();
        };
    }
    QMetaObject::invokeMethod(this, &KandjiCopyJob::next, Qt::QueuedConnection);
}

void KandjiCopyJob::next()
{
    if (isFinished())
        return;
    if (!m_source || !m_target) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("A Kandji tenant went away during the copy.")));
        return;
    }
    if (m_steps.isEmpty()) {
        QJsonObject report { { QStringLiteral("items"), m_entries } };
        if (!m_blueprint.isEmpty())
            report.insert(QStringLiteral("blueprint"), m_blueprint);
        succeed(report);
        return;
    }
    const Step step = m_steps.takeFirst();
    step();
}

void KandjiCopyJob::then(Job *job, const std::function<void(Job *)> &onSuccess, bool fatal)
{
    addChild(job);
    connect(job, &Job::finished, this, [this, job, onSuccess, fatal] {
        if (isFinished())
            return;
        if (job->hasError() && fatal) {
            fail(job->error());
            return;
        }
        onSuccess(job);
    });
}

void KandjiCopyJob::loadTarget()
{
    auto pending = std::make_shared<int>(int(allLibraries.size()) + 2);
    auto done = [this, pending] {
        if (--*pending == 0)
            next();
    };
    for (Library library : allLibraries) {
        then(m_target->list(library), [this, library, done](Job *job) {
            m_targetLists.insert(int(library), resultsOf(job));
            done();
        });
    }
    then(m_target->categories(), [this, done](Job *job) {
        m_targetCategories = resultsOf(job);
        done();
    });
    then(m_source->categories(), [this, done](Job *job) {
        m_sourceCategories = resultsOf(job);
        done();
    });
}

QString KandjiCopyJob::targetIdByName(Library library, const QString &name) const
{
    for (const QJsonValue &v : m_targetLists.value(int(library))) {
        if (text(v.toObject(), "name") == name)
            return text(v.toObject(), "id");
    }
    return {};
}

void KandjiCopyJob::loadSource()
{
    m_sourceItems = QList<QJsonObject>(m_items.size());
    if (m_items.isEmpty()) {
        next();
        return;
    }
    auto pending = std::make_shared<int>(int(m_items.size()));
    for (int i = 0; i < m_items.size(); ++i) {
        then(m_source->get(m_items.at(i).library, m_items.at(i).id), [this, i, pending](Job *job) {
            m_sourceItems[i] = job->result().toObject();
            if (--*pending > 0)
                return;
            for (int k = 0; k < m_items.size(); ++k) {
                const QString name = text(m_sourceItems.at(k), "name");
                const QString targetId = targetIdByName(m_items.at(k).library, name);
                m_entries.append(QJsonObject { { QStringLiteral("kind"), KandjiClient::libraryName(m_items.at(k).library) },
                                               { QStringLiteral("name"), name },
                                               { QStringLiteral("sourceId"), text(m_sourceItems.at(k), "id") },
                                               { QStringLiteral("targetId"), targetId },
                                               { QStringLiteral("action"), targetId.isEmpty() ? QStringLiteral("create") : QStringLiteral("update") },
                                               { QStringLiteral("status"), QStringLiteral("planned") } });
            }
            next();
        });
    }
}

void KandjiCopyJob::planBlueprint()
{
    then(m_source->getBlueprint(m_blueprintId), [this](Job *got) {
        m_sourceBlueprint = got->result().toObject();
        const QString name = text(m_sourceBlueprint, "name");
        then(m_source->listBlueprintItems(m_blueprintId), [this, name](Job *items) {
            m_sourceAssignments = resultsOf(items);
            then(m_target->listBlueprints(name), [this, name](Job *found) {
                QString targetId;
                for (const QJsonValue &v : resultsOf(found)) {
                    if (text(v.toObject(), "name") == name)
                        targetId = text(v.toObject(), "id");
                }
                const QString type = text(m_sourceBlueprint, "type");
                const bool map = type == QLatin1String("map");
                QJsonArray assignments;
                for (const QJsonValue &v : std::as_const(m_sourceAssignments))
                    assignments.append(QJsonObject { { QStringLiteral("name"), text(v.toObject(), "name") },
                                                     { QStringLiteral("sourceId"), text(v.toObject(), "id") },
                                                     { QStringLiteral("status"), map ? QStringLiteral("not copied") : QStringLiteral("planned") } });
                m_blueprint = QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("type"), type },
                                            { QStringLiteral("sourceId"), m_blueprintId },
                                            { QStringLiteral("targetId"), targetId },
                                            { QStringLiteral("action"), targetId.isEmpty() ? QStringLiteral("create") : QStringLiteral("update") },
                                            { QStringLiteral("status"), QStringLiteral("planned") },
                                            { QStringLiteral("assignments"), assignments } };
                if (map)
                    m_blueprint.insert(QStringLiteral("note"),
                                       tr("\"%1\" is a map blueprint: its assignments are not copied, because Kandji's API does not "
                                          "tell which node of the map each item is on. Assign them to the target map's nodes "
                                          "in Kandji's web app, or from its blueprint view here.").arg(name));
                next();
            });
        });
    });
}

void KandjiCopyJob::addAssignedItems()
{
    // The blueprint's items come too: each assigned item not given is looked up in the source's library.
    QStringList missing;
    for (const QJsonValue &v : std::as_const(m_sourceAssignments)) {
        const QString id = text(v.toObject(), "id");
        if (std::none_of(m_items.cbegin(), m_items.cend(), [&id](const Item &item) { return item.id.compare(id, Qt::CaseInsensitive) == 0; }))
            missing << id.toLower();
    }
    if (missing.isEmpty()) {
        next();
        return;
    }
    auto pending = std::make_shared<int>(int(allLibraries.size()));
    auto found = std::make_shared<QHash<QString, Library>>();
    for (Library library : allLibraries) {
        then(m_source->list(library), [this, library, pending, found, missing](Job *job) {
            for (const QJsonValue &v : resultsOf(job))
                found->insert(text(v.toObject(), "id").toLower(), library);
            if (--*pending > 0)
                return;
            for (const QString &id : missing)
                if (found->contains(id))
                    m_items.append({ found->value(id), id });
            next();
        });
    }
}

QJsonObject KandjiCopyJob::fieldsFor(int index, QString *error) const
{
    static const QHash<int, QStringList> copied {
        { int(Library::Profiles), { QStringLiteral("name"), QStringLiteral("active"), QStringLiteral("runs_on_mac"), QStringLiteral("runs_on_iphone"),
                                    QStringLiteral("runs_on_ipad"), QStringLiteral("runs_on_tv"), QStringLiteral("runs_on_vision") } },
        { int(Library::Scripts), { QStringLiteral("name"), QStringLiteral("active"), QStringLiteral("execution_frequency"), QStringLiteral("restart"),
                                   QStringLiteral("script"), QStringLiteral("remediation_script"), QStringLiteral("show_in_self_service"),
                                   QStringLiteral("self_service_recommended") } },
        { int(Library::Apps), { QStringLiteral("name"), QStringLiteral("active"), QStringLiteral("install_type"), QStringLiteral("install_enforcement"),
                                QStringLiteral("unzip_location"), QStringLiteral("audit_script"), QStringLiteral("preinstall_script"),
                                QStringLiteral("postinstall_script"), QStringLiteral("restart"), QStringLiteral("show_in_self_service"),
                                QStringLiteral("self_service_recommended") } },
    };
    const QJsonObject source = m_sourceItems.at(index);
    QJsonObject fields;
    for (const QString &key : copied.value(int(m_items.at(index).library))) {
        const QJsonValue v = source.value(key);
        if (v.isBool() || v.isString())
            fields.insert(key, v);
    }
    if (m_items.at(index).library == Library::Apps && fields.value(QLatin1String("install_type")).toString() != QLatin1String("zip"))
        fields.remove(QStringLiteral("unzip_location")); // "" for non-zip apps
    const QString category = text(source, "self_service_category_id");
    if (m_items.at(index).library != Library::Profiles && !category.isEmpty()) {
        QString name;
        for (const QJsonValue &v : m_sourceCategories)
            if (text(v.toObject(), "id") == category)
                name = text(v.toObject(), "name");
        QString mapped;
        for (const QJsonValue &v : m_targetCategories)
            if (!name.isEmpty() && text(v.toObject(), "name").compare(name, Qt::CaseInsensitive) == 0)
                mapped = text(v.toObject(), "id");
        if (mapped.isEmpty()) {
            *error = tr("The Self Service category \"%1\" does not exist on the target tenant.").arg(name.isEmpty() ? category : name);
            return {};
        }
        fields.insert(QStringLiteral("self_service_category_id"), mapped);
    }
    return fields;
}

void KandjiCopyJob::applyItem(int index)
{
    const QJsonObject entry = m_entries.at(index).toObject();
    const QString targetId = text(entry, "targetId");
    QString why;
    const QJsonObject fields = fieldsFor(index, &why);
    if (!why.isEmpty()) {
        finishItem(index, ApiError(ApiError::Kind::Invalid, why), {});
        return;
    }
    const QJsonObject source = m_sourceItems.at(index);
    auto finishWith = [this, index](Job *job) { finishItem(index, job->error(), job->result()); };
    switch (m_items.at(index).library) {
    case Library::Profiles: {
        const QString path = QDir(m_workDir).filePath(text(source, "id") + QStringLiteral(".mobileconfig"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text(source, "profile").toUtf8()) < 0) {
            finishItem(index, ApiError(ApiError::Kind::Invalid, tr("Cannot write \"%1\": %2").arg(path, file.errorString())), {});
            return;
        }
        file.close();
        then(targetId.isEmpty() ? m_target->createProfile(fields, path) : m_target->updateProfile(targetId, fields, path), finishWith, false);
        return;
    }
    case Library::Scripts:
        then(targetId.isEmpty() ? m_target->createScript(fields) : m_target->updateScript(targetId, fields), finishWith, false);
        return;
    case Library::Apps: {
        const QString fileName = KandjiRules::fileNameFromKey(text(source, "file_key"));
        const QString dir = QDir(m_workDir).filePath(text(source, "id"));
        QDir().mkpath(dir);
        const QString path = QDir(dir).filePath(fileName.isEmpty() ? QStringLiteral("installer") : fileName);
        then(m_source->downloadApp(source, path), [this, index, targetId, fields, path, finishWith](Job *download) {
            if (download->hasError()) {
                finishItem(index, download->error(), {});
                return;
            }
            then(targetId.isEmpty() ? static_cast<Job *>(m_target->createApp(fields, path))
                                    : static_cast<Job *>(m_target->updateApp(targetId, fields, path)),
                 [finishWith, path](Job *job) {
                     QFile::remove(path);
                     finishWith(job);
                 }, false);
        }, false);
        return;
    }
    }
}

void KandjiCopyJob::finishItem(int index, const ApiError &error, const QJsonValue &result)
{
    QJsonObject entry = m_entries.at(index).toObject();
    if (error) {
        entry.insert(QStringLiteral("status"), QStringLiteral("failed"));
        entry.insert(QStringLiteral("error"), error.toString());
    } else {
        const QString targetId = text(result.toObject(), "id");
        entry.insert(QStringLiteral("status"), text(entry, "action") == QLatin1String("create") ? QStringLiteral("created") : QStringLiteral("updated"));
        entry.insert(QStringLiteral("targetId"), targetId);
        m_copied.insert(text(entry, "sourceId"), targetId);
    }
    m_entries[index] = entry;
    Q_EMIT itemDone(index + 1, int(m_items.size()) + (m_blueprintId.isEmpty() ? 0 : 1), entry);
    next();
}

void KandjiCopyJob::applyBlueprint()
{
    if (!text(m_blueprint, "targetId").isEmpty()) {
        m_blueprint.insert(QStringLiteral("status"), QStringLiteral("updated"));
        assignAll();
        return;
    }
    const QJsonObject fields { { QStringLiteral("name"), text(m_sourceBlueprint, "name") },
                               { QStringLiteral("type"), text(m_sourceBlueprint, "type") },
                               { QStringLiteral("description"), text(m_sourceBlueprint, "description") } };
    then(m_target->createBlueprint(fields), [this](Job *created) {
        if (created->hasError()) {
            m_blueprint.insert(QStringLiteral("status"), QStringLiteral("failed"));
            m_blueprint.insert(QStringLiteral("error"), created->error().toString());
            Q_EMIT itemDone(int(m_items.size()) + 1, int(m_items.size()) + 1, m_blueprint);
            next();
            return;
        }
        m_blueprint.insert(QStringLiteral("targetId"), text(created->result().toObject(), "id"));
        m_blueprint.insert(QStringLiteral("status"), QStringLiteral("created"));
        assignAll();
    }, false);
}

void KandjiCopyJob::assignAll()
{
    QJsonArray assignments = m_blueprint.value(QLatin1String("assignments")).toArray();
    if (text(m_sourceBlueprint, "type") == QLatin1String("map") || assignments.isEmpty()) {
        Q_EMIT itemDone(int(m_items.size()) + 1, int(m_items.size()) + 1, m_blueprint);
        next();
        return;
    }
    QStringList targetIds;
    QList<int> positions; // assignments index of each target id
    for (int i = 0; i < assignments.size(); ++i) {
        QJsonObject a = assignments.at(i).toObject();
        QString itemId = m_copied.value(text(a, "sourceId"));
        for (Library library : allLibraries) {
            if (itemId.isEmpty())
                itemId = targetIdByName(library, text(a, "name"));
        }
        if (itemId.isEmpty()) {
            a.insert(QStringLiteral("status"), QStringLiteral("not on target"));
            assignments[i] = a;
            continue;
        }
        targetIds << itemId;
        positions << i;
    }
    auto *job = new KandjiAssignJob(m_target, text(m_blueprint, "targetId"), targetIds, KandjiAssignJob::Action::Assign, {}, this);
    then(job, [this, assignments, positions](Job *done) mutable {
        const QJsonArray report = done->result().toArray();
        for (int k = 0; k < report.size() && k < positions.size(); ++k) {
            QJsonObject a = assignments.at(positions.at(k)).toObject();
            const QJsonObject outcome = report.at(k).toObject();
            a.insert(QStringLiteral("status"), outcome.value(QLatin1String("status")));
            if (outcome.contains(QLatin1String("error")))
                a.insert(QStringLiteral("error"), outcome.value(QLatin1String("error")));
            assignments[positions.at(k)] = a;
        }
        m_blueprint.insert(QStringLiteral("assignments"), assignments);
        Q_EMIT itemDone(int(m_items.size()) + 1, int(m_items.size()) + 1, m_blueprint);
        next();
    });
    job->start();
}
