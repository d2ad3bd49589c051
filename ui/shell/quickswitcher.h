#pragma once

#include <QFrame>
#include <QPersistentModelIndex>

class QLineEdit;
class QListWidget;
class TenantTreeModel;

// The "Go to…" popup (Ctrl+K): a search field over every row already loaded in the Tenants tree
// (tenants and the nodes of any family below them; nothing is fetched for it), matched by
// substring or by letters in order ("bkmn" finds "bookmarks-main"), best matches first. Up/Down
// move in the list, Enter emits chosen() with the tree row and closes, Escape closes.
class QuickSwitcher : public QFrame
{
    Q_OBJECT
public:
    // model: not owned, must outlive the switcher.
    explicit QuickSwitcher(TenantTreeModel *model, QWidget *parent = nullptr);

    // Lists the loaded rows again, clears the search field and shows the popup over the parent.
    void popup();

    QLineEdit *searchField() const { return m_search; }
    QListWidget *results() const { return m_results; }

    // How well `pattern` matches `text` (case-insensitive): -1 when it does not, higher is better.
    // A prefix beats a substring, which beats letters in order; an empty pattern matches all (0).
    static int score(const QString &pattern, const QString &text);

Q_SIGNALS:
    // The user picked a row of the tree model.
    void chosen(const QModelIndex &index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Candidate
    {
        QPersistentModelIndex index;
        QString name;
        QString path; // "Tenant › bucket › collection", the ancestors of the row
    };
    void collect(const QModelIndex &parent, const QString &path);
    void updateResults();
    void choose();

    TenantTreeModel *m_model;
    QLineEdit *m_search;
    QListWidget *m_results;
    QList<Candidate> m_candidates;
};
