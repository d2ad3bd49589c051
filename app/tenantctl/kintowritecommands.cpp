// `tenantctl kinto` commands that write: create, update, patch, delete, batch, attachment.
#include "kintocommand.h"

#include "kintocli.h"

#include <QJsonArray>

#include <functional>

using namespace KintoCli;

namespace {

// One write, from the command line or from an operation of a batch file.
struct Write
{
    QString verb; // create, update, patch, delete
    KintoRef ref;
    QJsonObject data;
    KintoWrite write;
    KintoPatch patch;
};

// Where a write's options come from: `has(name)` tells whether it was given, `json(name)` reads
// the value of data, permissions, merge, json-patch, `text(name)` the value of if-match.
struct WriteSource
{
    std::function<bool(const char *)> has;
    std::function<bool(const char *, QJsonValue *, QString *)> json;
    std::function<QString(const char *)> text;
};

bool objectOption(const WriteSource &source, const char *name, QJsonObject *object, QString *error)
{
    QJsonValue value;
    if (!source.json(name, &value, error))
        return false;
    if (!value.isObject()) {
        *error = QStringLiteral("--%1 needs a JSON object").arg(QLatin1String(name));
        return false;
    }
    *object = value.toObject();
    return true;
}

// Fills `w` (verb and ref already set) from the options; false with *error on bad input.
bool readWrite(const WriteSource &source, Write *w, QString *error)
{
    const QString &verb = w->verb;
    w->write.safe = !source.has("unsafe");
    w->write.ifNotExists = source.has("if-not-exists");
    w->write.ifExists = source.has("if-exists");
    if (source.has("if-match")) {
        bool ok = false;
        w->write.ifMatch = source.text("if-match").remove(QLatin1Char('"')).toLongLong(&ok);
        if (!ok || w->write.ifMatch <= 0) {
            *error = QStringLiteral("--if-match needs a timestamp (the object's last_modified)");
            return false;
        }
    }
    if (source.has("permissions")) {
        QJsonObject permissions;
        if (!objectOption(source, "permissions", &permissions, error))
            return false;
        w->write.permissions = permissions;
    }
    if (source.has("data") && !objectOption(source, "data", &w->data, error))
        return false;
    if (verb == QLatin1String("update") && !source.has("data")) {
        *error = QStringLiteral("update needs --data");
        return false;
    }
    if (verb != QLatin1String("patch"))
        return true;

    const int kinds = int(source.has("data")) + int(source.has("merge")) + int(source.has("json-patch"));
    if (kinds > 1 || (kinds == 0 && !w->write.permissions)) {
        *error = QStringLiteral("patch needs one of --data, --merge or --json-patch (or only --permissions)");
        return false;
    }
    w->patch = KintoPatch::basic(w->data);
    if (source.has("merge")) {
        QJsonObject merge;
        if (!objectOption(source, "merge", &merge, error))
            return false;
        w->patch = KintoPatch::merge(merge);
    } else if (source.has("json-patch")) {
        QJsonValue operations;
        if (!source.json("json-patch", &operations, error))
            return false;
        if (!operations.isArray()) {
            *error = QStringLiteral("--json-patch needs a JSON array of operations");
            return false;
        }
        w->patch = KintoPatch::json(operations.toArray());
    }
    return true;
}

// The verb and object of a write: TYPE [ID], within `bucket`/`collection` (empty: -b/-c).
bool readTarget(const QString &verb, const QString &type, const QString &id, const QString &bucket,
                const QString &collection, Write *w, QString *error)
{
    bool plural = false;
    const Kind kind = kindOf(type, &plural);
    if (kind == Kind::None || plural) {
        *error = QStringLiteral("%1: TYPE is one of %2").arg(verb, typeHelp());
        return false;
    }
    w->verb = verb;
    w->ref = refOf(kind, id, bucket, collection);
    return true;
}

bool isWriteVerb(const QString &verb)
{
    return verb == QLatin1String("create") || verb == QLatin1String("update") || verb == QLatin1String("patch")
        || verb == QLatin1String("delete");
}

// An operation of a batch file, {"action": VERB, "type": TYPE, "id"?, "bucket"?, "collection"?, and the
// command's options by name: "data", "permissions", "merge", "json-patch", "if-match", "unsafe", ...}.
bool readBatchOperation(const QJsonObject &op, int index, Write *w, QString *error)
{
    const auto fail = [&](const QString &why) {
        *error = QStringLiteral("batch operation #%1: %2").arg(index + 1).arg(why);
        return false;
    };
    static const QStringList known { QStringLiteral("action"), QStringLiteral("type"), QStringLiteral("id"),
                                     QStringLiteral("bucket"), QStringLiteral("collection"), QStringLiteral("data"),
                                     QStringLiteral("permissions"), QStringLiteral("merge"), QStringLiteral("json-patch"),
                                     QStringLiteral("if-match"), QStringLiteral("unsafe"), QStringLiteral("if-not-exists"),
                                     QStringLiteral("if-exists") };
    for (const QString &key : op.keys()) {
        if (!known.contains(key))
            return fail(QStringLiteral("unknown key \"%1\"").arg(key));
    }
    const QString verb = op.value(QLatin1String("action")).toString();
    if (!isWriteVerb(verb))
        return fail(QStringLiteral("\"action\" is one of create, update, patch, delete"));
    QString why;
    if (!readTarget(verb, op.value(QLatin1String("type")).toString(), op.value(QLatin1String("id")).toString(),
                    op.value(QLatin1String("bucket")).toString(), op.value(QLatin1String("collection")).toString(), w, &why))
        return fail(why);
    WriteSource source;
    source.has = [&op](const char *name) {
        const QJsonValue value = op.value(QLatin1String(name));
        return !value.isUndefined() && !value.isNull() && value != QJsonValue(false);
    };
    source.json = [&op](const char *name, QJsonValue *value, QString *) {
        *value = op.value(QLatin1String(name));
        return true;
    };
    source.text = [&op](const char *name) { return op.value(QLatin1String(name)).toVariant().toString(); };
    if (!readWrite(source, w, &why))
        return fail(why);
    return true;
}

} // namespace

Job *KintoCommand::startWrite(const QString &verb, QCommandLineParser &parser, const QStringList &args, QString *error)
{
    Write w;
    if (!readTarget(verb, args.at(0), args.value(1), {}, {}, &w, error))
        return nullptr;
    WriteSource source;
    source.has = [&parser](const char *name) { return isSet(parser, name); };
    source.json = [&parser](const char *name, QJsonValue *value, QString *why) {
        return readJson(parser.value(QLatin1String(name)), value, why);
    };
    source.text = [&parser](const char *name) { return parser.value(QLatin1String(name)); };
    if (!readWrite(source, &w, error))
        return nullptr;
    if (verb == QLatin1String("create"))
        return m_client->create(w.ref, w.data, w.write);
    if (verb == QLatin1String("update"))
        return m_client->update(w.ref, w.data, w.write);
    if (verb == QLatin1String("delete"))
        return m_client->remove(w.ref, w.write);
    return m_client->patch(w.ref, w.patch, w.write);
}

Job *KintoCommand::startBatch(const QStringList &args, QString *error)
{
    const QString file = args.at(0) == QLatin1String("-") ? QStringLiteral("@-") : QLatin1Char('@') + args.at(0);
    QJsonValue content;
    if (!readJson(file, &content, error))
        return nullptr;
    const QJsonObject defaults = content.toObject().value(QLatin1String("defaults")).toObject();
    const QJsonValue requests = content.isArray() ? content : content.toObject().value(QLatin1String("requests"));
    if (!requests.isArray()) {
        *error = QStringLiteral("batch: %1 holds no \"requests\" array").arg(args.at(0));
        return nullptr;
    }
    KintoBatch batch = m_client->batch();
    const QJsonArray items = requests.toArray();
    for (int index = 0; index < items.size(); ++index) {
        QJsonObject request = items.at(index).toObject();
        for (auto it = defaults.begin(); it != defaults.end(); ++it) {
            if (!request.contains(it.key()))
                request.insert(it.key(), it.value());
        }
        if (!request.contains(QLatin1String("action"))) {
            batch.add(request); // a raw {method, path, body?, headers?}
            continue;
        }
        Write w;
        if (!readBatchOperation(request, index, &w, error))
            return nullptr;
        if (w.verb == QLatin1String("create"))
            batch.create(w.ref, w.data, w.write);
        else if (w.verb == QLatin1String("update"))
            batch.update(w.ref, w.data, w.write);
        else if (w.verb == QLatin1String("patch"))
            batch.patch(w.ref, w.patch, w.write);
        else
            batch.remove(w.ref, w.write);
    }
    if (const ApiError invalid = batch.error()) {
        *error = invalid.message();
        return nullptr;
    }
    KintoBatchJob *job = batch.send();
    m_reportOnError = [job] { return QJsonValue(job->report()); };
    return job;
}

Job *KintoCommand::startAttachment(QCommandLineParser &parser, const QStringList &args, QString *error)
{
    const QString action = args.at(0);
    const QString id = args.at(1);
    if (action == QLatin1String("remove") && args.size() == 2) {
        // kinto-attachment answers 204: show the record as it is now, without its attachment.
        auto *job = new Job(this);
        Job *remove = m_client->removeAttachment({}, {}, id);
        job->addChild(remove);
        connect(remove, &Job::finished, job, [this, job, remove, id] {
            if (remove->hasError()) {
                job->fail(remove->error());
                return;
            }
            Job *record = m_client->getRecord({}, {}, id);
            job->addChild(record);
            connect(record, &Job::finished, job, [job, record] {
                if (record->hasError())
                    job->fail(record->error());
                else
                    job->succeed(record->result());
            });
        });
        return job;
    }
    if (action == QLatin1String("upload") && args.size() == 3) {
        KintoAttachmentOptions options;
        QJsonObject object;
        if (isSet(parser, "data")) {
            if (!readJsonObject(parser.value(QStringLiteral("data")), &object, error))
                return nullptr;
            options.data = object;
        }
        if (isSet(parser, "permissions")) {
            if (!readJsonObject(parser.value(QStringLiteral("permissions")), &object, error))
                return nullptr;
            options.permissions = object;
        }
        options.fileName = parser.value(QStringLiteral("filename"));
        options.mimeType = parser.value(QStringLiteral("mimetype")).toUtf8();
        return m_client->addAttachment({}, {}, id, args.at(2), options);
    }
    if (action == QLatin1String("download") && args.size() == 3) {
        // Read the record for its attachment metadata, then download and check it.
        auto *job = new Job(this);
        Job *record = m_client->getRecord({}, {}, id);
        job->addChild(record);
        const QString destination = args.at(2);
        const bool overwrite = isSet(parser, "overwrite");
        connect(record, &Job::finished, job, [this, job, record, destination, overwrite] {
            if (record->hasError()) {
                job->fail(record->error());
                return;
            }
            Job *download = m_client->downloadAttachment(record->result().toObject(), destination, overwrite);
            job->addChild(download);
            connect(download, &Job::finished, job, [job, download] {
                if (download->hasError())
                    job->fail(download->error());
                else
                    job->succeed(download->result());
            });
        });
        return job;
    }
    *error = QStringLiteral("attachment expects: upload ID FILE | download ID DEST | remove ID");
    return nullptr;
}
