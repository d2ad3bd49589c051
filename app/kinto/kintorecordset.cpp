#include "kintorecordset.h"

#include <QCborMap>
#include <QCborValue>

static QByteArray encode(const QJsonObject &record)
{
    return QCborValue::fromJsonValue(record).toCbor();
}

void KintoRecordSet::append(const QJsonObject &record)
{
    m_records.append(encode(record));
    m_bytes += m_records.constLast().size();
}

void KintoRecordSet::append(const QJsonArray &records)
{
    m_records.reserve(m_records.size() + records.size());
    for (const QJsonValue &record : records)
        append(record.toObject());
}

void KintoRecordSet::replace(qsizetype index, const QJsonObject &record)
{
    if (index < 0 || index >= m_records.size())
        return;
    m_bytes -= m_records.at(index).size();
    m_records[index] = encode(record);
    m_bytes += m_records.at(index).size();
    if (m_cachedIndex == index)
        m_cachedIndex = -1;
}

void KintoRecordSet::insert(qsizetype index, const QJsonObject &record)
{
    index = qBound<qsizetype>(0, index, m_records.size());
    m_records.insert(index, encode(record));
    m_bytes += m_records.at(index).size();
    m_cachedIndex = -1;
}

void KintoRecordSet::remove(qsizetype index, qsizetype count)
{
    if (index < 0 || count <= 0 || index + count > m_records.size())
        return;
    for (qsizetype i = index; i < index + count; ++i)
        m_bytes -= m_records.at(i).size();
    m_records.remove(index, count);
    m_cachedIndex = -1;
}

void KintoRecordSet::clear()
{
    m_records.clear();
    m_bytes = 0;
    m_cachedIndex = -1;
}

QJsonObject KintoRecordSet::at(qsizetype index) const
{
    if (index < 0 || index >= m_records.size())
        return {};
    if (index != m_cachedIndex) {
        m_cached = QCborValue::fromCbor(m_records.at(index)).toJsonValue().toObject();
        m_cachedIndex = index;
    }
    return m_cached;
}

QJsonValue KintoRecordSet::valueAt(const QJsonObject &record, const QString &dottedField)
{
    QJsonValue value = record;
    for (QStringView part : QStringView(dottedField).split(QLatin1Char('.'))) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(part);
    }
    return value;
}

QJsonValue KintoRecordSet::value(qsizetype index, const QString &dottedField) const
{
    return valueAt(at(index), dottedField);
}

QString KintoRecordSet::id(qsizetype index) const
{
    return at(index).value(QLatin1String("id")).toString();
}

qsizetype KintoRecordSet::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (QCborValue::fromCbor(m_records.at(i)).toMap().value(QLatin1String("id")).toString() == id)
            return i;
    }
    return -1;
}

QJsonArray KintoRecordSet::toArray() const
{
    QJsonArray array;
    for (qsizetype i = 0; i < m_records.size(); ++i)
        array.append(at(i));
    return array;
}
