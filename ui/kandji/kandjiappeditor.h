#pragma once

#include "kandjiitemeditor.h"

#include <QPointer>

class Job;
class KandjiClient;
class KandjiSelfServiceBox;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// The custom app form: name, active, install type and enforcement, unzip location (zip only),
// audit / preinstall / postinstall scripts (monospace, shell highlighting), restart, Self Service,
// and the installer file with its SHA-256, upload progress and a Cancel upload button.
// Kandji's rules (KandjiRules::checkApp: audit script only with continuously_enforce, zip needs an
// unzip location, no enforcement needs Self Service and a category) are checked before anything is
// sent. Creating needs an installer; updating uploads one only when its SHA-256 differs from the
// server's (KandjiAppJob).
class KandjiAppEditor : public KandjiItemEditor
{
    Q_OBJECT
public:
    KandjiAppEditor(KandjiClient *client, const QJsonObject &app = {}, QWidget *parent = nullptr);

    QJsonObject fields() const;
    // Sets the installer (as the file picker does) and shows its SHA-256.
    void setInstaller(const QString &path);
    QString installer() const;

protected:
    QStringList validateInput() override;
    void startApply() override;

private:
    void chooseFile();
    void syncEnabled();

    QPointer<Job> m_upload;
    QLineEdit *m_name;
    QCheckBox *m_active;
    QComboBox *m_type;
    QComboBox *m_enforcement;
    QLineEdit *m_unzip;
    QPlainTextEdit *m_audit;
    QPlainTextEdit *m_preinstall;
    QPlainTextEdit *m_postinstall;
    QCheckBox *m_restart;
    KandjiSelfServiceBox *m_selfService;
    QLineEdit *m_file;
    QLabel *m_sha;
    QProgressBar *m_progress;
    QPushButton *m_cancelUpload;
};
