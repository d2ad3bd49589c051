#pragma once

#include "kandjiitemeditor.h"

class KandjiClient;
class QCheckBox;
class QLineEdit;
class QPlainTextEdit;

// The custom profile form: name, active, the platforms it runs on (at least one), the
// .mobileconfig to upload (checked to be a well-formed property list before anything is sent), and
// a read-only view of the profile's XML with highlighting (the chosen file's, else the server's).
class KandjiProfileEditor : public KandjiItemEditor
{
    Q_OBJECT
public:
    KandjiProfileEditor(KandjiClient *client, const QJsonObject &profile = {}, QWidget *parent = nullptr);

    QJsonObject fields() const;
    // Sets the .mobileconfig (as the file picker does) and shows its XML.
    void setProfileFile(const QString &path);

protected:
    QStringList validateInput() override;
    void startApply() override;

private:
    QLineEdit *m_name;
    QCheckBox *m_active;
    QList<QCheckBox *> m_platforms; // in KandjiRules::profilePlatformFlags() order
    QLineEdit *m_file;
    QPlainTextEdit *m_xml;
};
