#include "restsettingsform.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>

#include <algorithm>

namespace {

QString statusText(const QSet<int> &statuses)
{
    QList<int> sorted(statuses.begin(), statuses.end());
    std::sort(sorted.begin(), sorted.end(), std::greater<int>());
    QStringList parts;
    for (int status : sorted)
        parts << QString::number(status);
    return parts.join(QStringLiteral(", "));
}

template <typename W>
W *named(W *widget, const char *name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

} // namespace

RestSettingsForm::RestSettingsForm(QWidget *parent)
    : QGroupBox(tr("Connection settings"), parent)
    , m_timeout(named(new QSpinBox(this), "timeout"))
    , m_retries(named(new QSpinBox(this), "retries"))
    , m_backoff(named(new QDoubleSpinBox(this), "backoff"))
    , m_retryStatuses(named(new QLineEdit(this), "retryStatuses"))
    , m_raiseOnError(named(new QCheckBox(tr("Error statuses are errors, except:"), this), "raiseOnError"))
    , m_ignoredStatuses(named(new QLineEdit(this), "ignoredStatuses"))
    , m_serialize(named(new QCheckBox(tr("Send bodies as JSON"), this), "serialize"))
    , m_pin(named(new QLineEdit(this), "pinnedCertificate"))
{
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_retries->setRange(0, 20);
    m_backoff->setRange(0, 60);
    m_backoff->setSingleStep(0.1);
    m_ignoredStatuses->setPlaceholderText(tr("e.g. 404, 409"));
    m_pin->setPlaceholderText(tr("SHA-256 of a self-signed certificate (optional)"));
    m_pin->setToolTip(tr("Certificates are always verified; a pin accepts exactly this one certificate."));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Timeout:"), m_timeout);
    form->addRow(tr("Retries:"), m_retries);
    form->addRow(tr("Backoff factor:"), m_backoff);
    form->addRow(tr("Retry on statuses:"), m_retryStatuses);
    form->addRow(m_raiseOnError, m_ignoredStatuses);
    form->addRow(m_serialize);
    form->addRow(tr("Certificate pin:"), m_pin);
    connect(m_raiseOnError, &QCheckBox::toggled, m_ignoredStatuses, &QWidget::setEnabled);
    setSettings(RestSettings {});
}

void RestSettingsForm::setSettings(const RestSettings &settings)
{
    m_timeout->setValue(settings.timeoutSeconds);
    m_retries->setValue(settings.retries);
    m_backoff->setValue(settings.backoffFactor);
    m_retryStatuses->setText(statusText(settings.retryStatuses));
    m_raiseOnError->setChecked(settings.raiseOnError);
    m_ignoredStatuses->setEnabled(settings.raiseOnError);
    m_ignoredStatuses->setText(statusText(settings.ignoredStatuses));
    m_serialize->setChecked(settings.serialize);
    m_pin->setText(QString::fromLatin1(settings.pinnedCertificate));
}

bool RestSettingsForm::settings(const RestSettings &base, RestSettings *settings, QString *error) const
{
    RestSettings s = base;
    s.timeoutSeconds = m_timeout->value();
    s.retries = m_retries->value();
    s.backoffFactor = m_backoff->value();
    if (!RestSettings::parseStatuses(m_retryStatuses->text(), &s.retryStatuses)) {
        *error = tr("Retry on statuses: enter HTTP statuses (100–599) separated by commas.");
        return false;
    }
    s.raiseOnError = m_raiseOnError->isChecked();
    if (!RestSettings::parseStatuses(m_ignoredStatuses->text(), &s.ignoredStatuses)) {
        *error = tr("Ignored statuses: enter HTTP statuses (100–599) separated by commas.");
        return false;
    }
    s.serialize = m_serialize->isChecked();
    const QString pin = m_pin->text().trimmed();
    static const QRegularExpression sha256(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (!pin.isEmpty() && !sha256.match(QString(pin).remove(QLatin1Char(':'))).hasMatch()) {
        *error = tr("Certificate pin: enter the certificate's SHA-256 fingerprint (64 hex digits, colons allowed).");
        return false;
    }
    s.pinnedCertificate = pin.toLatin1();
    *settings = s;
    return true;
}
