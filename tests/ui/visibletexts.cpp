#include "visibletexts.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTableView>
#include <QTextEdit>
#include <QTreeView>
#include <QWidget>
#include <QXmlStreamReader>

namespace {

const QRegularExpression Placeholder(QStringLiteral("%L?(\\d{1,2}|n)"));

bool hasLetter(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetter())
            return true;
    }
    return false;
}

// Whether `widget` is shown, or would be once `root` is: it and its parents up to `root` are
// not hidden.
bool shownUnder(const QWidget *widget, const QWidget *root)
{
    for (const QWidget *w = widget; w && w != root; w = w->parentWidget()) {
        if (w->isHidden())
            return false;
    }
    return true;
}

QString nameOf(const QObject *object)
{
    QString name = QString::fromLatin1(object->metaObject()->className());
    if (!object->objectName().isEmpty())
        name += QLatin1Char('#') + object->objectName();
    return name;
}

void addText(QList<VisibleText> &out, const QString &text, const QString &where)
{
    if (!text.trimmed().isEmpty())
        out.append({text, where});
}

// The tooltip an action shows when none is set: its text without accelerators and ellipsis.
QString defaultToolTip(const QString &text)
{
    QAction probe(text);
    return probe.toolTip();
}

void addAction(QList<VisibleText> &out, QAction *action, const QString &where)
{
    if (action->isSeparator() || !action->isVisible())
        return;
    const QString at = where + QStringLiteral(" › action");
    addText(out, action->text(), at);
    if (action->toolTip() != defaultToolTip(action->text()))
        addText(out, action->toolTip(), at + QStringLiteral(" tooltip"));
    addText(out, action->statusTip(), at + QStringLiteral(" status tip"));
    if (action->menu())
        out += menuTexts(action->menu(), where + QStringLiteral(" › ") + action->text());
}

void addHeaders(QList<VisibleText> &out, QAbstractItemView *view, const QString &where)
{
    QAbstractItemModel *model = view->model();
    if (!model)
        return;
    QHeaderView *header = nullptr;
    if (auto *table = qobject_cast<QTableView *>(view))
        header = table->horizontalHeader();
    else if (auto *tree = qobject_cast<QTreeView *>(view))
        header = tree->header();
    if (!header || header->isHidden())
        return;
    for (int column = 0; column < model->columnCount(); ++column) {
        if (!header->isSectionHidden(column))
            addText(out, model->headerData(column, Qt::Horizontal).toString(), where + QStringLiteral(" header"));
    }
}

} // namespace

bool TsCatalogue::load(const QString &tsFile, QString *error, bool translations)
{
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(tsFile, file.errorString());
        return false;
    }
    QXmlStreamReader xml(&file);
    int count = 0;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            add(source);
            ++count;
        } else if (translations && xml.name() == QLatin1String("translation")) {
            unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            if (!numerus)
                addTranslation(source, unfinished ? QString() : xml.readElementText());
        } else if (translations && xml.name() == QLatin1String("numerusform") && !unfinished) {
            addTranslation(source, xml.readElementText());
        }
    }
    if (xml.hasError() || count == 0) {
        *error = QStringLiteral("%1: %2").arg(tsFile, xml.hasError() ? xml.errorString() : QStringLiteral("no message"));
        return false;
    }
    return true;
}

void TsCatalogue::add(const QString &source)
{
    // What Qt derives from a text: an action's default tooltip and icon text drop the accelerator
    // marks and a trailing "...".
    const QString stripped = defaultToolTip(source);
    if (stripped != source)
        addOne(stripped);
    // A window title's "[*]" is where the window manager marks unsaved changes.
    if (source.endsWith(QLatin1String("[*]")))
        addOne(source.chopped(3));
    addOne(source);
}

void TsCatalogue::addOne(const QString &source)
{
    if (!Placeholder.match(source).hasMatch()) {
        m_exact.insert(source);
        return;
    }
    QString stripped = source;
    stripped.remove(Placeholder);
    // "%1 (%2)" says nothing of its own: it would match any text, so it only splits a text into
    // the parts that fill it (fill()).
    const bool format = !hasLetter(stripped);
    // A format is tried with its parts as short as possible, then as long as possible.
    for (const QString &part : format ? QStringList{ QStringLiteral("(.+?)"), QStringLiteral("(.+)") }
                                      : QStringList{ QStringLiteral(".*") }) {
        QString pattern;
        qsizetype at = 0;
        auto matches = Placeholder.globalMatch(source);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            pattern += QRegularExpression::escape(source.mid(at, match.capturedStart() - at)) + part;
            at = match.capturedEnd();
        }
        pattern += QRegularExpression::escape(source.mid(at));
        (format ? m_formats : m_patterns)
            .emplace_back(QRegularExpression::anchoredPattern(pattern), QRegularExpression::DotMatchesEverythingOption);
    }
}

void TsCatalogue::addTranslation(const QString &source, const QString &translation)
{
    if (translation.trimmed().isEmpty())
        return;
    add(translation);
    if (translation != source)
        m_translatedSources.insert(source);
}

QList<QStringList> TsCatalogue::fills(const QString &text) const
{
    QList<QStringList> found;
    for (const QRegularExpression &format : m_formats) {
        const QRegularExpressionMatch match = format.match(text);
        if (match.hasMatch())
            found << match.capturedTexts().mid(1);
    }
    return found;
}

bool TsCatalogue::knows(const QString &text) const
{
    if (m_exact.contains(text))
        return true;
    for (const QRegularExpression &pattern : m_patterns) {
        if (pattern.match(text).hasMatch())
            return true;
    }
    return false;
}

QList<VisibleText> menuTexts(QMenu *menu, const QString &where)
{
    QList<VisibleText> out;
    Q_EMIT menu->aboutToShow(); // menus filled when they open
    addText(out, menu->title(), where + QStringLiteral(" › menu"));
    for (QAction *action : menu->actions())
        addAction(out, action, where);
    return out;
}

QList<VisibleText> visibleTexts(QWidget *root)
{
    QList<VisibleText> out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    const QString top = nameOf(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!shownUnder(widget, root) || qobject_cast<QMenu *>(widget))
            continue;
        const QString where = top + QStringLiteral(" › ") + nameOf(widget);
        if (widget->isWindow() || qobject_cast<QDockWidget *>(widget))
            addText(out, widget->windowTitle().remove(QLatin1String("[*]")), where + QStringLiteral(" title"));
        addText(out, widget->toolTip(), where + QStringLiteral(" tooltip"));
        addText(out, widget->statusTip(), where + QStringLiteral(" status tip"));
        addText(out, widget->whatsThis(), where + QStringLiteral(" what's this"));
        if (auto *label = qobject_cast<QLabel *>(widget))
            addText(out, label->text(), where);
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            addText(out, button->text(), where);
        else if (auto *box = qobject_cast<QGroupBox *>(widget))
            addText(out, box->title(), where);
        else if (auto *edit = qobject_cast<QLineEdit *>(widget))
            addText(out, edit->placeholderText(), where + QStringLiteral(" placeholder"));
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            addText(out, plain->placeholderText(), where + QStringLiteral(" placeholder"));
        else if (auto *rich = qobject_cast<QTextEdit *>(widget))
            addText(out, rich->placeholderText(), where + QStringLiteral(" placeholder"));
        else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            if (!combo->isEditable()) {
                for (int i = 0; i < combo->count(); ++i)
                    addText(out, combo->itemText(i), where + QStringLiteral(" item"));
            } else if (combo->lineEdit()) {
                addText(out, combo->lineEdit()->placeholderText(), where + QStringLiteral(" placeholder"));
            }
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                addText(out, tabs->tabText(i), where + QStringLiteral(" tab"));
                addText(out, tabs->tabToolTip(i), where + QStringLiteral(" tab tooltip"));
            }
        } else if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
            addHeaders(out, view, where);
        }
        for (QAction *action : widget->actions())
            addAction(out, action, where);
    }
    return out;
}
