#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QTableWidget;

// Two versions of an object side by side: one row per field (the union of both versions' keys,
// sorted), the left and right values as compact JSON, rows whose values differ highlighted.
// A field missing on one side shows as empty there and counts as different. Read-only.
class DiffView : public QWidget
{
    Q_OBJECT
public:
    enum Column { FieldColumn, LeftColumn, RightColumn };

    explicit DiffView(QWidget *parent = nullptr);

    // Shows `left` and `right` under the given captions (e.g. the dates of two history entries).
    void setVersions(const QString &leftTitle, const QJsonObject &left, const QString &rightTitle,
                     const QJsonObject &right);
    void clear();

    // The fields whose values differ, sorted.
    QStringList differingFields() const { return m_differing; }
    // The fields shown (all, or only the differing ones when that box is ticked).
    QStringList shownFields() const;
    // When set, rows with equal values are hidden. Off by default.
    void setOnlyDifferences(bool only);

    // "missing" for an absent field, else compact JSON (strings unquoted); a `field` named
    // last_modified holding a number shows as a local date and time (the number is the tooltip).
    static QString displayValue(const QJsonValue &value, bool present, const QString &field = {});

private:
    void rebuild();

    QLabel *m_caption;
    QCheckBox *m_onlyDifferences;
    QTableWidget *m_table;
    QString m_leftTitle;
    QString m_rightTitle;
    QJsonObject m_left;
    QJsonObject m_right;
    QStringList m_differing;
};
