#include "requestlog.h"

RequestLog::RequestLog(QObject *parent)
    : QObject(parent)
{
}

QString RequestLog::wizardLabel(const QString &name, const QUrl &url)
{
    return !name.trimmed().isEmpty() ? name.trimmed() : tr("New tenant (%1)").arg(url.host());
}

void RequestLog::append(RequestLogEntry entry)
{
    entry.id = m_nextId++;
    m_entries.append(entry);
    Q_EMIT appended(m_entries.constLast());
    trim();
}

void RequestLog::clear()
{
    m_entries.clear();
    Q_EMIT cleared();
}

void RequestLog::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    trim();
}

void RequestLog::trim()
{
    const int excess = count() - m_capacity;
    if (excess <= 0)
        return;
    m_entries.remove(0, excess);
    Q_EMIT trimmed(excess);
}
