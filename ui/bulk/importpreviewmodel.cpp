#include "importpreviewmodel.h"
#include "tones.h"

#include <QBrush>
#include <QColor>

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ImportPreviewModel::setRows(const QList<RecordFormats::ImportRow> &rows, const QStringList &columns)
{
    beginResetModel();
    m_rows = rows;
    m_columns = columns;
    m_columns.removeAll(QStringLiteral("id"));
    m_states.clear();
    m_messages.clear();
    for (const RecordFormats::ImportRow &row : rows) {
        m_states << (row.problem.isEmpty() ? RowState::Ready : RowState::Invalid);
        m_messages << row.problem;
    }
    endResetModel();
}

int ImportPreviewModel::invalidRows() const
{
    return int(m_states.count(RowState::Invalid));
}

void ImportPreviewModel::setResult(int row, RowState state, const QString &message)
{
    if (row < 0 || row >= m_rows.size())
        return;
    if (m_states.at(row) == state && m_messages.at(row) == message)
        return;
    m_states[row] = state;
    m_messages[row] = message;
    if (row < rowCount())
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void ImportPreviewModel::setPreviewLimit(int limit)
{
    limit = qMax(0, limit);
    if (limit == m_limit)
        return;
    beginResetModel();
    m_limit = limit;
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(qMin<qsizetype>(m_rows.size(), m_limit));
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstDataColumn + int(m_columns.size());
}

static QString stateName(ImportPreviewModel::RowState state)
{
    switch (state) {
    case ImportPreviewModel::RowState::Ready: return ImportPreviewModel::tr("ready");
    case ImportPreviewModel::RowState::Invalid: return ImportPreviewModel::tr("invalid");
    case ImportPreviewModel::RowState::Created: return ImportPreviewModel::tr("created");
    case ImportPreviewModel::RowState::Failed: return ImportPreviewModel::tr("failed");
    case ImportPreviewModel::RowState::NotSent: return ImportPreviewModel::tr("not sent");
    }
    return {};
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = index.row();
    const RecordFormats::ImportRow &row = m_rows.at(r);
    switch (role) {
    case StateRole: return int(m_states.at(r));
    case MessageRole: return m_messages.at(r);
    case RecordIdRole: return row.id;
    case Qt::ForegroundRole:
        if (m_states.at(r) == RowState::Invalid || m_states.at(r) == RowState::Failed)
            return QBrush(Tones::color(Tones::Tone::Error));
        return {};
    case Qt::ToolTipRole:
        return index.column() == StatusColumn && !m_messages.at(r).isEmpty() ? QVariant(m_messages.at(r)) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn: return row.number;
        case StatusColumn:
            return m_messages.at(r).isEmpty() ? stateName(m_states.at(r))
                                              : stateName(m_states.at(r)) + QStringLiteral(": ") + m_messages.at(r);
        case IdColumn: return row.id;
        default: return RecordFormats::cellText(row.data.value(m_columns.at(index.column() - FirstDataColumn)));
        }
    default: return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn: return tr("#");
    case StatusColumn: return tr("Status");
    case IdColumn: return tr("id");
    default: return m_columns.at(section - FirstDataColumn);
    }
}

QHash<int, QByteArray> ImportPreviewModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(StateRole, "state");
    names.insert(MessageRole, "message");
    names.insert(RecordIdRole, "recordId");
    return names;
}
