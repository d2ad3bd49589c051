#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

class QComboBox;
class QPushButton;
class QTableWidget;

// Shown when the server refused a save with 412 (the object changed since it was loaded): the
// user's version and the server's side by side, one row per top-level field (server-managed id,
// last_modified and schema left out), differing rows highlighted. The user picks:
// - Reload: take the server's version into the editor (the user's input is dropped);
// - Overwrite: save the user's version over the server's;
// - Merge: per differing row, keep "Mine" or "Theirs" (the combo box "keep_<field>"), then save.
// The dialog only records the choice: the editor that opened it does the saving.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Resolution { None, Reload, Overwrite, Merge };
    enum Column { FieldColumn, MineColumn, TheirsColumn, KeepColumn };
    // On the field column's item: true when the row differs.
    static constexpr int DiffersRole = Qt::UserRole;

    // `base` is the version the user started from (may be empty): a field the user did not change
    // defaults to "Theirs" in a merge, any other differing field to "Mine". An empty `theirs` means
    // the object is gone from the server: only Overwrite (re-creating it) is offered.
    ConflictDialog(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                   QWidget *parent = nullptr);

    Resolution resolution() const { return m_resolution; }
    const QJsonObject &mine() const { return m_mine; }
    const QJsonObject &theirs() const { return m_theirs; }
    // The server's version with the rows where "Mine" is chosen taken from the user's version
    // (a field absent there is removed).
    QJsonObject merged() const;
    // Differing fields, in table order.
    QStringList differingFields() const { return m_differing; }
    // The merge choice of a differing field (true = mine).
    bool keepsMine(const QString &field) const;
    void setKeepMine(const QString &field, bool mine);

    QTableWidget *table() const { return m_table; }

private:
    void resolve(Resolution resolution);

    QJsonObject m_mine;
    QJsonObject m_theirs;
    QStringList m_differing;
    QHash<QString, QComboBox *> m_choices;
    QTableWidget *m_table;
    Resolution m_resolution = Resolution::None;
};
