#include "stringlistedit.h"

#include <QCompleter>
#include <QKeyEvent>
#include <QLabel>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

StringListEdit::StringListEdit(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget)
    , m_input(new QLineEdit)
    , m_add(new QPushButton(tr("Add")))
    , m_remove(new QPushButton(tr("Remove")))
{
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 5);
    m_remove->setEnabled(false);
    // Return adds the entry instead of pressing the dialog's default button.
    m_add->setAutoDefault(false);
    m_remove->setAutoDefault(false);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 0, 0, 1, 2);
    layout->addWidget(m_remove, 0, 2, Qt::AlignTop);
    layout->addWidget(m_input, 1, 0, 1, 2);
    layout->addWidget(m_add, 1, 2);

    // Return in the input adds the entry; QLineEdit would pass it on to the dialog's default button.
    m_input->installEventFilter(this);
    connect(m_add, &QPushButton::clicked, this, &StringListEdit::addTyped);
    connect(m_remove, &QPushButton::clicked, this, &StringListEdit::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
}

bool StringListEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !m_input->text().trimmed().isEmpty()) {
            addTyped();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void StringListEdit::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QString name = accessibleName();
    if (name.isEmpty() && parentWidget()) {
        for (const QLabel *label : parentWidget()->findChildren<QLabel *>(Qt::FindDirectChildrenOnly)) {
            if (label->buddy() == this)
                name = label->text().remove(QLatin1Char('&')).remove(QLatin1Char(':')).trimmed();
        }
    }
    if (name.isEmpty())
        return;
    if (m_list->accessibleName().isEmpty())
        m_list->setAccessibleName(name);
    if (m_input->accessibleName().isEmpty())
        m_input->setAccessibleName(tr("New entry for %1").arg(name));
}

void StringListEdit::setObjectNames(const QString &name)
{
    setObjectName(name);
    m_list->setObjectName(name + QStringLiteral("List"));
    m_input->setObjectName(name + QStringLiteral("Input"));
    m_add->setObjectName(name + QStringLiteral("Add"));
    m_remove->setObjectName(name + QStringLiteral("Remove"));
}

QStringList StringListEdit::values() const
{
    QStringList result;
    for (int row = 0; row < m_list->count(); ++row)
        result << m_list->item(row)->text();
    return result;
}

void StringListEdit::setValues(const QStringList &values)
{
    m_list->clear();
    for (const QString &value : values) {
        const QString entry = value.trimmed();
        if (!entry.isEmpty() && m_list->findItems(entry, Qt::MatchExactly).isEmpty())
            m_list->addItem(entry);
    }
    Q_EMIT changed();
}

void StringListEdit::setPlaceholderText(const QString &text)
{
    m_input->setPlaceholderText(text);
}

void StringListEdit::setSuggestions(const QStringList &suggestions)
{
    auto *completer = new QCompleter(suggestions, m_input);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_input->setCompleter(completer);
}

void StringListEdit::addTyped()
{
    const QString entry = m_input->text().trimmed();
    if (entry.isEmpty())
        return;
    if (m_list->findItems(entry, Qt::MatchExactly).isEmpty()) {
        m_list->addItem(entry);
        Q_EMIT changed();
    }
    m_input->clear();
}

void StringListEdit::removeSelected()
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    qDeleteAll(selected);
    Q_EMIT changed();
}
