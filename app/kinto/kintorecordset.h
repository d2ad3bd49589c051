#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

// Records held compactly: each as its CBOR encoding (close to its JSON size), decoded on access.
// For large listings (a 100,000 record collection) where a QJsonArray would cost several times the
// JSON size. Not thread-safe. The last decoded record is cached, so reading several fields of one
// row (a table's columns) decodes it once.
class KintoRecordSet
{
public:
    void append(const QJsonObject &record);
    void append(const QJsonArray &records);
    void replace(qsizetype index, const QJsonObject &record);
    void insert(qsizetype index, const QJsonObject &record);
    void remove(qsizetype index, qsizetype count = 1);
    void clear();

    qsizetype size() const { return m_records.size(); }
    bool isEmpty() const { return m_records.isEmpty(); }
    QJsonObject at(qsizetype index) const;
    // A field of a record, dotted paths allowed ("address.city"); undefined when absent.
    QJsonValue value(qsizetype index, const QString &dottedField) const;
    QString id(qsizetype index) const;
    // The index of the record with that id, or -1 (linear).
    qsizetype indexOf(const QString &id) const;
    QJsonArray toArray() const;

    // Bytes held by the encodings (not counting container overhead).
    qint64 encodedBytes() const { return m_bytes; }

    static QJsonValue valueAt(const QJsonObject &record, const QString &dottedField);

private:
    QList<QByteArray> m_records;
    qint64 m_bytes = 0;
    mutable qsizetype m_cachedIndex = -1;
    mutable QJsonObject m_cached;
};
