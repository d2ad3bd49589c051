#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

// The strong confirmation of a destructive action (deleting a blueprint unmanages every device on
// it): the consequence is stated, and the action button ("confirmButton") stays disabled until
// the exact name is typed into "confirmName" (case and spaces count). Accepting is the only way
// to say yes; Escape, Cancel and closing say no.
class KandjiConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    KandjiConfirmDialog(const QString &title, const QString &consequence, const QString &name, const QString &action,
                        QWidget *parent = nullptr);

private:
    QLineEdit *m_name;
    QPushButton *m_confirm;
};
