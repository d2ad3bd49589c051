#pragma once

#include "json/recordformats.h"

#include <QAbstractTableModel>

// The records read from an import file, as a table: row number, status, id, then the detected
// columns. Shows at most previewLimit() rows (the first ones) while keeping every row. Each row has
// a state: Ready or Invalid before sending (Invalid rows are never sent), then Created, Failed or
// NotSent once the import ran; the Status column shows the problem or the server's message.
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class RowState { Ready, Invalid, Created, Failed, NotSent };
    enum Role {
        StateRole = Qt::UserRole + 1, // int(RowState)
        MessageRole,                  // QString: the problem, or the server's message
        RecordIdRole,                 // QString: the record id from the file (may be empty)
    };
    enum FixedColumn { NumberColumn, StatusColumn, IdColumn, FirstDataColumn };

    explicit ImportPreviewModel(QObject *parent = nullptr);

    // Replaces every row (a model reset).
    void setRows(const QList<RecordFormats::ImportRow> &rows, const QStringList &columns);
    const QList<RecordFormats::ImportRow> &rows() const { return m_rows; }
    // The data columns (without "id").
    QStringList columns() const { return m_columns; }
    int totalRows() const { return int(m_rows.size()); }
    int invalidRows() const;
    RowState state(int row) const { return m_states.at(row); }
    QString message(int row) const { return m_messages.at(row); }
    // Marks row `row` (an index into rows()); emits dataChanged when it is shown.
    void setResult(int row, RowState state, const QString &message);

    int previewLimit() const { return m_limit; }
    void setPreviewLimit(int limit);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<RecordFormats::ImportRow> m_rows;
    QList<RowState> m_states;
    QStringList m_messages;
    QStringList m_columns;
    int m_limit = 200;
};
