#pragma once

#include "tenants/preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

// Edits Preferences. OK and Apply emit applied() with the values shown; whoever opened the
// dialog stores and applies them (MainWindow: QSettings, open sessions, the request log, the
// theme). Restore Defaults fills in the defaults without applying them.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);

Q_SIGNALS:
    void applied(const Preferences &preferences);

private:
    QSpinBox *m_maxConcurrent;
    QSpinBox *m_timeout;
    QSpinBox *m_deadline;
    QSpinBox *m_maxRetries;
    QDoubleSpinBox *m_backoff;
    QCheckBox *m_retryNetwork;
    QSpinBox *m_logSize;
    QSpinBox *m_pageSize;
    QComboBox *m_theme;
};
