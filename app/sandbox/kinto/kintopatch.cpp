#include "kintopatch.h"

#include <QJsonValue>
#include <QStringList>

#include <functional>

namespace KintoPatch {

void mergePatch(QJsonObject &target, const QJsonObject &changes)
{
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (it.value().isObject()) {
            QJsonObject child = target.value(it.key()).toObject();
            mergePatch(child, it.value().toObject());
            target.insert(it.key(), child);
        } else if (it.value().isNull()) {
            target.remove(it.key());
        } else {
            target.insert(it.key(), it.value());
        }
    }
}

namespace {

// Called on the container holding the last token of a pointer.
using LeafOp = std::function<bool(QJsonValue &container, const QString &token, QString *error)>;

bool parsePointer(const QString &pointer, QStringList *tokens, QString *error)
{
    if (!pointer.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("Location must start with /");
        return false;
    }
    *tokens = pointer.mid(1).split(QLatin1Char('/'));
    for (QString &t : *tokens)
        t = t.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
    return true;
}

bool arrayIndex(const QString &token, qsizetype size, bool allowEnd, qsizetype *index)
{
    if (allowEnd && token == QLatin1String("-")) {
        *index = size;
        return true;
    }
    bool ok = false;
    const qsizetype i = token.toLongLong(&ok);
    if (!ok || i < 0 || i > size || (!allowEnd && i == size))
        return false;
    *index = i;
    return true;
}

bool walk(QJsonValue &node, const QStringList &tokens, qsizetype i, const LeafOp &leaf, QString *error)
{
    if (i == tokens.size() - 1)
        return leaf(node, tokens.at(i), error);
    const QString &token = tokens.at(i);
    if (node.isObject()) {
        QJsonObject o = node.toObject();
        if (!o.contains(token)) {
            *error = QStringLiteral("member '%1' not found").arg(token);
            return false;
        }
        QJsonValue child = o.value(token);
        if (!walk(child, tokens, i + 1, leaf, error))
            return false;
        o.insert(token, child);
        node = o;
        return true;
    }
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        qsizetype index = 0;
        if (!arrayIndex(token, a.size(), false, &index)) {
            *error = QStringLiteral("index '%1' out of range").arg(token);
            return false;
        }
        QJsonValue child = a.at(index);
        if (!walk(child, tokens, i + 1, leaf, error))
            return false;
        a.replace(index, child);
        node = a;
        return true;
    }
    *error = QStringLiteral("member '%1' not found").arg(token);
    return false;
}

bool valueAt(const QJsonValue &root, const QStringList &tokens, QJsonValue *out)
{
    QJsonValue current = root;
    for (const QString &t : tokens) {
        if (current.isObject()) {
            const QJsonObject o = current.toObject();
            if (!o.contains(t))
                return false;
            current = o.value(t);
        } else if (current.isArray()) {
            qsizetype index = 0;
            if (!arrayIndex(t, current.toArray().size(), false, &index))
                return false;
            current = current.toArray().at(index);
        } else {
            return false;
        }
    }
    *out = current;
    return true;
}

bool addAt(QJsonValue &root, const QStringList &tokens, const QJsonValue &value, QString *error)
{
    return walk(root, tokens, 0, [&](QJsonValue &container, const QString &token, QString *err) {
        if (container.isObject()) {
            QJsonObject o = container.toObject();
            o.insert(token, value);
            container = o;
            return true;
        }
        if (container.isArray()) {
            QJsonArray a = container.toArray();
            qsizetype index = 0;
            if (!arrayIndex(token, a.size(), true, &index)) {
                *err = QStringLiteral("can't insert outside of list");
                return false;
            }
            a.insert(index, value);
            container = a;
            return true;
        }
        *err = QStringLiteral("invalid document for add");
        return false;
    }, error);
}

bool removeAt(QJsonValue &root, const QStringList &tokens, const QString &verb, QString *error)
{
    return walk(root, tokens, 0, [&](QJsonValue &container, const QString &token, QString *err) {
        if (container.isObject()) {
            QJsonObject o = container.toObject();
            if (!o.contains(token)) {
                *err = QStringLiteral("can't %1 a non-existent object '%2'").arg(verb, token);
                return false;
            }
            o.remove(token);
            container = o;
            return true;
        }
        if (container.isArray()) {
            QJsonArray a = container.toArray();
            qsizetype index = 0;
            if (!arrayIndex(token, a.size(), false, &index)) {
                *err = QStringLiteral("can't %1 outside of list").arg(verb);
                return false;
            }
            a.removeAt(index);
            container = a;
            return true;
        }
        *err = QStringLiteral("can't %1 a non-existent object '%2'").arg(verb, token);
        return false;
    }, error);
}

} // namespace

bool jsonPatch(QJsonObject &document, const QJsonArray &operations, QString *error)
{
    QJsonValue root = document;
    for (const QJsonValue &opValue : operations) {
        const QJsonObject op = opValue.toObject();
        const QString name = op.value(QStringLiteral("op")).toString();
        QStringList path;
        if (!parsePointer(op.value(QStringLiteral("path")).toString(), &path, error))
            return false;
        if (name == QLatin1String("add")) {
            if (!addAt(root, path, op.value(QStringLiteral("value")), error))
                return false;
        } else if (name == QLatin1String("remove")) {
            if (!removeAt(root, path, QStringLiteral("remove"), error))
                return false;
        } else if (name == QLatin1String("replace")) {
            if (!removeAt(root, path, QStringLiteral("replace"), error)
                || !addAt(root, path, op.value(QStringLiteral("value")), error))
                return false;
        } else if (name == QLatin1String("move") || name == QLatin1String("copy")) {
            QStringList from;
            if (!parsePointer(op.value(QStringLiteral("from")).toString(), &from, error))
                return false;
            QJsonValue value;
            if (!valueAt(root, from, &value)) {
                *error = QStringLiteral("can't %1 from a non-existent location").arg(name);
                return false;
            }
            if (name == QLatin1String("move") && !removeAt(root, from, QStringLiteral("remove"), error))
                return false;
            if (!addAt(root, path, value, error))
                return false;
        } else if (name == QLatin1String("test")) {
            QJsonValue value;
            if (!valueAt(root, path, &value) || value != op.value(QStringLiteral("value"))) {
                *error = QStringLiteral("test failed");
                return false;
            }
        } else {
            *error = QStringLiteral("Unknown operation '%1'").arg(name);
            return false;
        }
    }
    document = root.toObject();
    return true;
}

} // namespace KintoPatch
