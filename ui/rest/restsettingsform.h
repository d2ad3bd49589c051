#pragma once

#include "restsettings.h"

#include <QGroupBox>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

// The transport settings of a REST tenant (RestSettings without the base URL), in a group box:
// timeout, retries, backoff factor, retry statuses, raise on error with ignored statuses, JSON
// serialisation, and a certificate pin (TLS stays verified; the pin accepts one certificate).
// Object names for tests: "timeout", "retries", "backoff", "retryStatuses", "raiseOnError",
// "ignoredStatuses", "serialize", "pinnedCertificate".
class RestSettingsForm : public QGroupBox
{
    Q_OBJECT
public:
    explicit RestSettingsForm(QWidget *parent = nullptr);

    void setSettings(const RestSettings &settings);
    // The settings as entered (baseUrl left as in `base`); false and *error naming the field
    // when a status list or the pin is malformed.
    bool settings(const RestSettings &base, RestSettings *settings, QString *error) const;

private:
    QSpinBox *m_timeout;
    QSpinBox *m_retries;
    QDoubleSpinBox *m_backoff;
    QLineEdit *m_retryStatuses;
    QCheckBox *m_raiseOnError;
    QLineEdit *m_ignoredStatuses;
    QCheckBox *m_serialize;
    QLineEdit *m_pin;
};
