#pragma once

#include <QDialog>
#include <QPointer>

class HttpJob;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class SessionManager;

// An ad-hoc request for one tenant (method, path, JSON body), sent through the tenant's own
// session (its HttpClient: base URL, authentication, retries, the request log), the way one would
// in Postman. The answer is shown redacted the way the request log shows it. One request at a
// time; closing the dialog cancels a running one. The tenant must be connected.
class RequestComposer : public QDialog
{
    Q_OBJECT
public:
    // sessions: not owned, may be null (nothing can be sent). tenantName is for people.
    RequestComposer(SessionManager *sessions, const QString &tenantId, const QString &tenantName,
                    QWidget *parent = nullptr);
    ~RequestComposer() override;

    QComboBox *methodField() const { return m_method; }
    QLineEdit *pathField() const { return m_path; }
    QPlainTextEdit *bodyField() const { return m_body; }
    QPushButton *sendButton() const { return m_send; }
    // The outcome line ("200 OK in 12 ms", or why nothing was sent) and the answer.
    QString statusText() const;
    QString responseText() const;

Q_SIGNALS:
    // The request finished (the answer is shown); `outcome` is the status line.
    void finished(const QString &outcome);

private:
    void send();
    void onFinished(HttpJob *job);
    void setStatus(const QString &text, bool error);

    QPointer<SessionManager> m_sessions;
    QString m_tenantId;
    QComboBox *m_method;
    QLineEdit *m_path;
    QPlainTextEdit *m_body;
    QPushButton *m_send;
    QLabel *m_status;
    QPlainTextEdit *m_response;
    QPointer<HttpJob> m_job;
};
