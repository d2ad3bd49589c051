#include "kandjihighlighters.h"

#include <QGuiApplication>
#include <QPalette>

KandjiHighlighter::KandjiHighlighter(Language language, QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const QPalette palette = QGuiApplication::palette();
    QTextCharFormat keyword;
    keyword.setForeground(palette.color(QPalette::Link));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat string;
    string.setForeground(palette.color(QPalette::LinkVisited));
    QTextCharFormat comment;
    comment.setForeground(palette.color(QPalette::PlaceholderText));
    comment.setFontItalic(true);
    QTextCharFormat variable;
    variable.setForeground(palette.color(QPalette::Link));

    if (language == Language::Shell) {
        m_rules << Rule { QRegularExpression(QStringLiteral("\\b(if|then|else|elif|fi|for|while|until|do|done|case|esac|in|function|return|exit|local|export)\\b")), keyword }
                << Rule { QRegularExpression(QStringLiteral("\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?")), variable }
                << Rule { QRegularExpression(QStringLiteral("\"(\\\\.|[^\"\\\\])*\"|'[^']*'")), string }
                << Rule { QRegularExpression(QStringLiteral("(^|\\s)#.*$")), comment };
    } else {
        m_rules << Rule { QRegularExpression(QStringLiteral("</?[A-Za-z][A-Za-z0-9:_-]*|/?>")), keyword }
                << Rule { QRegularExpression(QStringLiteral("\"[^\"]*\"")), string }
                << Rule { QRegularExpression(QStringLiteral("<!--.*-->|<\\?.*\\?>|<!DOCTYPE[^>]*>")), comment };
    }
}

void KandjiHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
}
