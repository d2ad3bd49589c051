#pragma once

#include "editors/editorbase.h"
#include "jamftypes.h"

#include <QPointer>

class JamfClient;
class JamfPrivilegeModel;
class JamfPrivilegePicker;
class QComboBox;
class QLineEdit;

// Creates or edits one Jamf Pro API role: its display name and its privileges, picked from the
// server's catalogue (grouped by object, a type-ahead filter, a group's check box selects all of
// it, the count of the selected) or from a preset. Save creates the role (no id) or replaces it;
// a refusal (name taken, missing privilege) is shown and the dialog stays open.
// The client is not owned; saved() carries the role as the server stored it.
class JamfRoleEditor : public EditorBase
{
    Q_OBJECT
public:
    JamfRoleEditor(JamfClient *client, const JamfRole &role, QWidget *parent = nullptr);

    JamfRole role() const { return m_role; }
    JamfPrivilegeModel *privilegeModel() const;

    // The presets offered (name -> privileges); the first entry of the combo box is "none".
    static QList<QPair<QString, QStringList>> presets();

Q_SIGNALS:
    void saved(const JamfRole &role);

protected:
    QStringList validateInput() override;
    void startApply() override;

private:
    void applyPreset(int index);

    QPointer<JamfClient> m_client;
    JamfRole m_role;
    QLineEdit *m_name;
    QComboBox *m_preset;
    JamfPrivilegePicker *m_picker;
};
