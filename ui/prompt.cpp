#include "prompt.h"

#include <QMessageBox>

namespace Prompt {

static std::optional<bool> s_answer;
static QString s_lastMessage;

bool question(QWidget *parent, const QString &title, const QString &text)
{
    s_lastMessage = text;
    if (s_answer)
        return *s_answer;
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

void information(QWidget *parent, const QString &title, const QString &text)
{
    s_lastMessage = text;
    if (!s_answer)
        QMessageBox::information(parent, title, text);
}

void warning(QWidget *parent, const QString &title, const QString &text)
{
    s_lastMessage = text;
    if (!s_answer)
        QMessageBox::warning(parent, title, text);
}

void setAnswerForTests(std::optional<bool> answer)
{
    s_answer = answer;
}

QString lastMessage()
{
    return s_lastMessage;
}

} // namespace Prompt
