#pragma once

#include <QString>

#include <optional>

class QWidget;

// The one way the UI asks the user something or tells them something in a modal box, so tests can
// answer ahead of time: with an answer set, no box is shown; question() returns the answer and
// every message is recorded (lastMessage()).
namespace Prompt {

bool question(QWidget *parent, const QString &title, const QString &text);
void information(QWidget *parent, const QString &title, const QString &text);
void warning(QWidget *parent, const QString &title, const QString &text);

// Tests: answer every question with `answer` (std::nullopt restores real boxes).
void setAnswerForTests(std::optional<bool> answer);
// The text of the last question or message (recorded in both modes).
QString lastMessage();

} // namespace Prompt
