#include "kandjiconfirmdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

KandjiConfirmDialog::KandjiConfirmDialog(const QString &title, const QString &consequence, const QString &name,
                                         const QString &action, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
{
    setWindowTitle(title);
    auto *text = new QLabel(consequence, this);
    text->setObjectName(QStringLiteral("consequence"));
    text->setWordWrap(true);
    auto *ask = new QLabel(tr("Type <b>%1</b> to confirm:").arg(name.toHtmlEscaped()), this);
    ask->setTextFormat(Qt::RichText);
    m_name->setObjectName(QStringLiteral("confirmName"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(action, QDialogButtonBox::DestructiveRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setEnabled(false);
    m_confirm->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_name, &QLineEdit::textChanged, this, [this, name](const QString &typed) { m_confirm->setEnabled(typed == name); });
    connect(m_confirm, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(ask);
    layout->addWidget(m_name);
    layout->addWidget(buttons);
}
