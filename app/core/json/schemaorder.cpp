#include "schemaorder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonDocument>

namespace {

const QChar Separator(0x1f);
const QString UiOrder = QStringLiteral("ui:order");
const QString Properties = QStringLiteral("properties");
const QString Items = QStringLiteral("items");
constexpr int MaxDepth = 256; // deeper text is not read (it is no schema a person wrote)

class Scanner
{
public:
    Scanner(const QByteArray &text, QHash<QString, QStringList> &keys)
        : m_text(text)
        , m_keys(keys)
    {
    }

    // Reads one value at m_pos; false on a fault (the scan stops there).
    bool value(const QString &path, int depth)
    {
        skipSpace();
        if (m_pos >= m_text.size() || depth > MaxDepth)
            return false;
        const char c = m_text.at(m_pos);
        if (c == '{')
            return object(path, depth);
        if (c == '[')
            return array(path, depth);
        if (c == '"') {
            QString ignored;
            return string(&ignored);
        }
        // A number or a literal: up to the next delimiter.
        while (m_pos < m_text.size() && !QByteArrayView(",]} \t\r\n").contains(m_text.at(m_pos)))
            ++m_pos;
        return true;
    }

private:
    bool object(const QString &path, int depth)
    {
        ++m_pos; // '{'
        m_keys[path]; // an empty object has no keys, but is there
        for (;;) {
            skipSpace();
            if (peek('}'))
                return true;
            QString key;
            if (!string(&key))
                return false;
            skipSpace();
            if (!peek(':'))
                return false;
            QStringList &keys = m_keys[path]; // looked up each time: nested objects grow the hash
            if (!keys.contains(key))
                keys.append(key);
            if (!value(path + Separator + key, depth + 1))
                return false;
            skipSpace();
            if (peek(','))
                continue;
            return peek('}');
        }
    }

    bool array(const QString &path, int depth)
    {
        ++m_pos; // '['
        for (;;) {
            skipSpace();
            if (peek(']'))
                return true;
            if (!value(path + Separator + QStringLiteral("[]"), depth + 1))
                return false;
            skipSpace();
            if (peek(','))
                continue;
            return peek(']');
        }
    }

    // A string token at m_pos, decoded into *out.
    bool string(QString *out)
    {
        if (!peek('"'))
            return false;
        const qsizetype start = m_pos;
        bool escaped = false;
        while (m_pos < m_text.size() && m_text.at(m_pos) != '"') {
            if (m_text.at(m_pos) == '\\') {
                escaped = true;
                ++m_pos;
            }
            ++m_pos;
        }
        if (m_pos >= m_text.size())
            return false;
        const QByteArray raw = m_text.mid(start, m_pos - start);
        ++m_pos; // closing quote
        if (!escaped) {
            *out = QString::fromUtf8(raw);
            return true;
        }
        const QJsonDocument decoded = QJsonDocument::fromJson("[\"" + raw + "\"]");
        *out = decoded.array().at(0).toString();
        return decoded.isArray();
    }

    bool peek(char c)
    {
        if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && QByteArrayView(" \t\r\n").contains(m_text.at(m_pos)))
            ++m_pos;
    }

    const QByteArray &m_text;
    QHash<QString, QStringList> &m_keys;
    qsizetype m_pos = 0;
};

} // namespace

JsonKeyOrder::JsonKeyOrder(const QByteArray &json)
{
    Scanner(json, m_keys).value(QString(), 0);
}

QStringList JsonKeyOrder::keys(const QStringList &path) const
{
    QString joined;
    for (const QString &step : path)
        joined += Separator + step;
    return m_keys.value(joined);
}

namespace SchemaOrder {

QStringList properties(const QJsonObject &schema)
{
    const QStringList names = schema.value(Properties).toObject().keys();
    QStringList order;
    for (const QJsonValue &entry : schema.value(UiOrder).toArray())
        order << entry.toString();
    if (!order.contains(QLatin1String("*")))
        order << QStringLiteral("*");
    QStringList out;
    for (const QString &name : std::as_const(order)) {
        if (name == QLatin1String("*")) {
            for (const QString &other : names) {
                if (!order.contains(other))
                    out << other;
            }
        } else if (names.contains(name) && !out.contains(name)) {
            out << name;
        }
    }
    return out;
}

QJsonObject withUiOrder(QJsonObject schema, const QJsonObject &uiSchema)
{
    if (uiSchema.value(UiOrder).isArray())
        schema.insert(UiOrder, uiSchema.value(UiOrder));
    QJsonObject properties = schema.value(Properties).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        QJsonObject property = it.value().toObject();
        const QJsonObject ui = uiSchema.value(it.key()).toObject();
        if (property.contains(Properties))
            property = withUiOrder(property, ui);
        const QJsonObject items = property.value(Items).toObject();
        if (items.contains(Properties))
            property.insert(Items, withUiOrder(items, ui.value(Items).toObject()));
        it.value() = property;
    }
    if (!properties.isEmpty())
        schema.insert(Properties, properties);
    return schema;
}

QJsonObject withTextOrder(QJsonObject uiSchema, const QJsonObject &schema, const JsonKeyOrder &text,
                          const QStringList &schemaPath)
{
    const QStringList order = text.keys(schemaPath + QStringList{Properties});
    if (!order.isEmpty()) {
        // The uiSchema's order, its "*" (or its end) standing for the others in the text's order.
        QStringList given;
        for (const QJsonValue &entry : uiSchema.value(UiOrder).toArray())
            given << entry.toString();
        if (!given.contains(QLatin1String("*")))
            given << QStringLiteral("*");
        QStringList complete;
        for (const QString &name : std::as_const(given)) {
            if (name != QLatin1String("*"))
                complete << name;
            for (const QString &other : order) {
                if (name == QLatin1String("*") && !given.contains(other))
                    complete << other;
            }
        }
        uiSchema.insert(UiOrder, QJsonArray::fromStringList(complete));
    }
    const QJsonObject properties = schema.value(Properties).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = it.value().toObject();
        const QStringList path = schemaPath + QStringList{Properties, it.key()};
        QJsonObject ui = uiSchema.value(it.key()).toObject();
        const QJsonObject before = ui;
        if (property.contains(Properties))
            ui = withTextOrder(ui, property, text, path);
        const QJsonObject items = property.value(Items).toObject();
        if (items.contains(Properties))
            ui.insert(Items, withTextOrder(ui.value(Items).toObject(), items, text, path + QStringList{Items}));
        if (ui != before)
            uiSchema.insert(it.key(), ui);
    }
    return uiSchema;
}

} // namespace SchemaOrder
