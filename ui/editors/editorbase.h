#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

// The common frame of TenantDesk's editors (records, collections, groups, ...): the subclass's
// content, a message line, and Save / Cancel. Saving is asynchronous and never closes the dialog on
// failure, so the user's input is never lost.
//
// - apply(): validates (validateInput(); problems keep the dialog open and are shown), then calls
//   startApply(); the subclass later calls finishApply(). While applying, Save is disabled and the
//   content stays editable. accept() (Save) is apply() followed by closing once it succeeded.
// - reject() (Cancel, Escape, the window's close button) asks through Prompt before discarding
//   modifications; the answer can be given ahead of time in tests.
// - isModified(): set by the subclass on user edits (setModified), cleared by a successful apply.
class EditorBase : public QDialog
{
    Q_OBJECT
public:
    explicit EditorBase(QWidget *parent = nullptr);

    bool isModified() const { return m_modified; }
    bool isApplying() const { return m_applying; }
    // The text of the message line (errors, progress).
    QString message() const;

public Q_SLOTS:
    // Validates and saves; the dialog stays open. Does nothing while a save is running.
    void apply();
    // Validates, saves, then closes when the save succeeded.
    void accept() override;
    // Closes, asking first when there are unsaved modifications. QDialog routes the window's close
    // button and Escape here too.
    void reject() override;

Q_SIGNALS:
    void modifiedChanged(bool modified);
    // A save finished: `ok`, or the message the user was shown.
    void applied(bool ok, const QString &message);

protected:
    // Every title an editor is given carries the "[*]" placeholder, so unsaved edits show as "*".
    void changeEvent(QEvent *event) override;
    // Problems with the input; an empty list lets the save start. Shown on the message line.
    virtual QStringList validateInput() = 0;
    // Starts saving; must end with finishApply(), from the event loop or at once.
    virtual void startApply() = 0;
    // Ends a save started by startApply(): on success the editor is unmodified (and closes if Save
    // was pressed); on failure `message` is shown and the dialog stays open with the input.
    void finishApply(bool ok, const QString &message = {});

    void setModified(bool modified);
    void setMessage(const QString &text, bool isError = false);
    // Enables Save (e.g. once loaded); it stays disabled while applying.
    void setSaveEnabled(bool enabled);
    // Where the subclass puts its content (above the message line).
    QVBoxLayout *contentLayout() const { return m_content; }
    QDialogButtonBox *buttonBox() const { return m_buttons; }
    QPushButton *saveButton() const { return m_save; }

private:
    void updateSaveButton();

    QVBoxLayout *m_content;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    bool m_modified = false;
    bool m_applying = false;
    bool m_closeAfterApply = false;
    bool m_saveEnabled = true;
};
