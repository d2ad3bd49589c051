#pragma once

#include "kandjiitemeditor.h"

class KandjiClient;
class KandjiSelfServiceBox;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

// The custom script form: name, active, execution frequency, restart, the script and remediation
// script (monospace, shell highlighting) and the Self Service settings. Kandji's rules
// (KandjiRules::checkScript) are checked before anything is sent; a refusal keeps the form open.
// Creates a script when `script` is empty, else updates it (every field is sent).
class KandjiScriptEditor : public KandjiItemEditor
{
    Q_OBJECT
public:
    KandjiScriptEditor(KandjiClient *client, const QJsonObject &script = {}, QWidget *parent = nullptr);

    // The fields as they would be sent.
    QJsonObject fields() const;

protected:
    QStringList validateInput() override;
    void startApply() override;

private:
    QLineEdit *m_name;
    QCheckBox *m_active;
    QComboBox *m_frequency;
    QCheckBox *m_restart;
    QPlainTextEdit *m_script;
    QPlainTextEdit *m_remediation;
    KandjiSelfServiceBox *m_selfService;
};
