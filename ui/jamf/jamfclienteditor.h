#pragma once

#include "editors/editorbase.h"
#include "jamftypes.h"

#include <QPointer>

class JamfClient;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

// Creates or edits one Jamf Pro API client: display name, roles (a checkable list of the server's
// roles, by display name), token lifetime (15 min … 8 h presets, or any number of seconds) and
// enabled. Save creates (POST) or replaces (PUT) it; a refusal keeps the dialog open with the
// server's reason. The client is not owned; saved() carries the client as the server stored it.
// Credentials are not made here (Rotate secret does that).
class JamfClientEditor : public EditorBase
{
    Q_OBJECT
public:
    JamfClientEditor(JamfClient *client, const JamfApiClient &apiClient, QWidget *parent = nullptr);

    JamfApiClient apiClient() const { return m_apiClient; }

Q_SIGNALS:
    void saved(const JamfApiClient &client);

protected:
    QStringList validateInput() override;
    void startApply() override;

private:
    QStringList checkedRoles() const;

    QPointer<JamfClient> m_client;
    JamfApiClient m_apiClient;
    QLineEdit *m_name;
    QListWidget *m_roles;
    QComboBox *m_lifetime;
    QSpinBox *m_seconds;
    QCheckBox *m_enabled;
};
