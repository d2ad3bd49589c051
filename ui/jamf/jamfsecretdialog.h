#pragma once

#include <QDialog>
#include <QJsonObject>

#include "appcontext.h"

class QLabel;
class QLineEdit;
class QPushButton;

// Shows a rotated API client secret, the one time Jamf gives it: Copy puts it on the clipboard
// and clears the clipboard again after clipboardSeconds (if it still holds the secret); "Store in
// the keychain" writes it as the tenant's client secret (offered when the tenant signs in as this
// client) and closes the tenant's session so the next one uses it. The secret is dropped from the
// dialog when it closes; it is never logged.
class JamfSecretDialog : public QDialog
{
    Q_OBJECT
public:
    // `credentials`: {"clientId", "clientSecret"} as Jamf answered.
    JamfSecretDialog(const QJsonObject &credentials, const QString &tenantId, const AppContext &context, QWidget *parent = nullptr);
    ~JamfSecretDialog() override;

    static inline int clipboardSeconds = 60;

private:
    void copy();
    void store();

    AppContext m_context;
    QString m_tenantId;
    QString m_clientId;
    QLineEdit *m_secret;
    QPushButton *m_store;
    QLabel *m_status;
};
