#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

// Light syntax highlighting for the Kandji forms, in palette colours (no fixed colours):
// shell scripts (comments, strings, keywords, variables) and property-list XML (tags, strings).
class KandjiHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Language { Shell, Xml };
    KandjiHighlighter(Language language, QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    QList<Rule> m_rules;
};
