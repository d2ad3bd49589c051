#pragma once

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

class QWidget;
class QMenu;

// The catalogue of translatable strings: every <source> of a Qt .ts file (lupdate's output).
// A text is known when it is one of them, or one with its %1..%99 / %n / %L1 placeholders filled.
class TsCatalogue
{
public:
    // Reads the sources of `tsFile`, and its finished translations when `translations`; false
    // with *error set when it cannot be read or has no message.
    bool load(const QString &tsFile, QString *error, bool translations = false);
    // Adds a text known by other means (Qt's own translated button texts).
    void add(const QString &source);
    bool knows(const QString &text) const;
    // Whether `text` is exactly a source that has a translation of its own (so, when shown with that
    // translation loaded, the code asked for it in another context than lupdate saw).
    bool hasTranslation(const QString &text) const { return m_translatedSources.contains(text); }
    // For each format made only of placeholders and punctuation ("%1: %2 (%3)") that `text`
    // fills, the texts that fill it.
    QList<QStringList> fills(const QString &text) const;
    int size() const { return m_exact.size() + int(m_patterns.size()); }

private:
    void addOne(const QString &source);
    void addTranslation(const QString &source, const QString &translation);

    QSet<QString> m_exact;
    QSet<QString> m_translatedSources;
    std::vector<QRegularExpression> m_patterns;
    std::vector<QRegularExpression> m_formats; // placeholders only, each captured
};

// A visible text and where it was seen ("QLabel in PreferencesDialog", ...).
struct VisibleText
{
    QString text;
    QString where;
};

// The texts a user reads on `root` and the widgets below it that are shown, or would be once
// `root` is (a wizard's other pages): labels, buttons, group box titles, tab texts, item views'
// header labels, placeholders, tooltips, window titles, combo box items, menus and their actions
// (recursively). Item view cells and the text of edit fields are data, not collected.
QList<VisibleText> visibleTexts(QWidget *root);
// A menu's title and its actions' texts, tooltips and status tips, recursively.
QList<VisibleText> menuTexts(QMenu *menu, const QString &where);
