#include "preferencesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QSpinBox *spinBox(QWidget *parent, const char *name, int low, int high, const QString &suffix = {})
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(low, high);
    box->setSuffix(suffix);
    return box;
}
} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_maxConcurrent(spinBox(this, "prefMaxConcurrent", 1, 32))
    , m_timeout(spinBox(this, "prefTimeout", 5, 600, tr(" s")))
    , m_deadline(spinBox(this, "prefDeadline", 0, 3600, tr(" s")))
    , m_maxRetries(spinBox(this, "prefMaxRetries", 0, 10))
    , m_backoff(new QDoubleSpinBox(this))
    , m_retryNetwork(new QCheckBox(tr("Retry after &network errors and timeouts"), this))
    , m_logSize(spinBox(this, "prefLogSize", 100, 100000))
    , m_pageSize(spinBox(this, "prefPageSize", 10, 1000))
    , m_theme(new QComboBox(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_deadline->setSpecialValueText(tr("None"));
    m_deadline->setToolTip(tr("A request with its retries and waits fails after this long"));
    m_timeout->setToolTip(tr("An attempt fails when no data comes for this long"));
    m_maxConcurrent->setToolTip(tr("Requests sent at the same time to one tenant; a tenant's own setting wins"));
    m_backoff->setObjectName(QStringLiteral("prefBackoff"));
    m_backoff->setRange(0.0, 10.0);
    m_backoff->setSingleStep(0.1);
    m_backoff->setDecimals(1);
    m_backoff->setSuffix(tr(" s"));
    m_backoff->setToolTip(tr("Waits between retries: this, then twice as long each time"));
    m_retryNetwork->setObjectName(QStringLiteral("prefRetryNetwork"));
    m_logSize->setSingleStep(500);
    m_logSize->setSuffix(tr(" requests"));
    m_pageSize->setSuffix(tr(" rows"));
    m_theme->setObjectName(QStringLiteral("prefTheme"));
    m_theme->addItem(tr("System"), int(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), int(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Preferences::Theme::Dark));

    auto *network = new QGroupBox(tr("Requests (every tenant)"), this);
    auto *networkForm = new QFormLayout(network);
    networkForm->addRow(tr("At most &in flight:"), m_maxConcurrent);
    networkForm->addRow(tr("&Timeout:"), m_timeout);
    networkForm->addRow(tr("&Deadline:"), m_deadline);
    networkForm->addRow(tr("&Retries:"), m_maxRetries);
    networkForm->addRow(tr("First retry &after:"), m_backoff);
    networkForm->addRow(QString(), m_retryNetwork);

    auto *display = new QGroupBox(tr("Display"), this);
    auto *displayForm = new QFormLayout(display);
    displayForm->addRow(tr("Request &log keeps:"), m_logSize);
    displayForm->addRow(tr("&Page size:"), m_pageSize);
    displayForm->addRow(tr("T&heme:"), m_theme);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply | QDialogButtonBox::RestoreDefaults, this);
    buttons->setObjectName(QStringLiteral("preferencesButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT applied(this->preferences());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { Q_EMIT applied(this->preferences()); });
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setPreferences(Preferences()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(network);
    layout->addWidget(display);
    layout->addWidget(buttons);

    // Top to bottom, as the fields are laid out.
    const QList<QWidget *> order {m_maxConcurrent, m_timeout, m_deadline, m_maxRetries, m_backoff,
                                  m_retryNetwork, m_logSize, m_pageSize, m_theme, buttons};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    setPreferences(preferences);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.maxConcurrent = m_maxConcurrent->value();
    p.timeoutSeconds = m_timeout->value();
    p.deadlineSeconds = m_deadline->value();
    p.maxRetries = m_maxRetries->value();
    p.backoffFactor = m_backoff->value();
    p.retryNetworkErrors = m_retryNetwork->isChecked();
    p.requestLogSize = m_logSize->value();
    p.pageSize = m_pageSize->value();
    p.theme = Preferences::Theme(m_theme->currentData().toInt());
    return p;
}

void PreferencesDialog::setPreferences(const Preferences &p)
{
    m_maxConcurrent->setValue(p.maxConcurrent);
    m_timeout->setValue(p.timeoutSeconds);
    m_deadline->setValue(p.deadlineSeconds);
    m_maxRetries->setValue(p.maxRetries);
    m_backoff->setValue(p.backoffFactor);
    m_retryNetwork->setChecked(p.retryNetworkErrors);
    m_logSize->setValue(p.requestLogSize);
    m_pageSize->setValue(p.pageSize);
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(p.theme))));
}
