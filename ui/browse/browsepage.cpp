#include "browsepage.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
const QString Separator = QStringLiteral(" \u203a "); // " › "
}

BrowsePage::BrowsePage(const QStringList &crumbs, const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_breadcrumb(new QLabel(crumbs.join(Separator)))
    , m_buttons(new QHBoxLayout)
    , m_layout(new QVBoxLayout(this))
{
    m_breadcrumb->setObjectName(QStringLiteral("breadcrumb"));
    m_breadcrumb->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_breadcrumb->setForegroundRole(QPalette::PlaceholderText);

    auto *heading = new QLabel(title);
    heading->setObjectName(QStringLiteral("pageTitle"));
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    heading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons->setContentsMargins(0, 0, 0, 0);
    m_buttons->addStretch();

    m_layout->addWidget(m_breadcrumb);
    m_layout->addWidget(heading);
    m_layout->addLayout(m_buttons);
}

QString BrowsePage::breadcrumb() const
{
    return m_breadcrumb->text();
}

void BrowsePage::addButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setDefaultAction(action);
    m_buttons->insertWidget(m_buttons->count() - 1, button);
}

void BrowsePage::setBody(QWidget *body)
{
    if (m_body) {
        m_layout->removeWidget(m_body);
        m_body->deleteLater();
    }
    m_body = body;
    if (body)
        m_layout->addWidget(body, 1);
}
