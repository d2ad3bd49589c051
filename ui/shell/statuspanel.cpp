#include "statuspanel.h"

#include "net/httpclient.h"
#include "net/job.h"
#include "statusreporter.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

StatusPanel::StatusPanel(QStatusBar *bar, StatusReporter *reporter, SessionManager *sessions, TenantRegistry *registry)
    : QObject(bar)
    , m_sessions(sessions)
    , m_registry(registry)
    , m_reporter(reporter)
    , m_outcome(new QLabel(bar))
    , m_activity(new QLabel(bar))
    , m_activityBar(new QProgressBar(bar))
    , m_jobLabel(new QLabel(bar))
    , m_jobBar(new QProgressBar(bar))
    , m_cancel(new QToolButton(bar))
{
    m_outcome->setObjectName(QStringLiteral("outcomeLabel"));
    m_activity->setObjectName(QStringLiteral("activityLabel"));
    m_activityBar->setObjectName(QStringLiteral("activityBar"));
    m_activityBar->setRange(0, 0); // busy: the number of bytes to come is rarely known
    m_activityBar->setTextVisible(false);
    m_activityBar->setMaximumWidth(100);
    m_activityBar->setMaximumHeight(bar->fontMetrics().height());
    m_jobLabel->setObjectName(QStringLiteral("jobLabel"));
    m_jobBar->setObjectName(QStringLiteral("jobProgress"));
    m_jobBar->setMaximumWidth(140);
    m_jobBar->setMaximumHeight(bar->fontMetrics().height());
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel the running job"));
    m_cancel->setAutoRaise(true);

    bar->addWidget(m_outcome, 1);
    bar->addPermanentWidget(m_jobLabel);
    bar->addPermanentWidget(m_jobBar);
    bar->addPermanentWidget(m_cancel);
    bar->addPermanentWidget(m_activity);
    bar->addPermanentWidget(m_activityBar);

    connect(reporter, &StatusReporter::outcomeReported, m_outcome, &QLabel::setText);
    connect(reporter, &StatusReporter::jobsChanged, this, &StatusPanel::updateJobs);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        const QList<Job *> jobs = m_reporter->jobs();
        if (!jobs.isEmpty())
            jobs.constLast()->cancel();
    });
    if (sessions)
        connect(sessions, &SessionManager::activityChanged, this, &StatusPanel::updateActivity);
    setActivity(0, 0);
    updateJobs();
}

void StatusPanel::setActivity(int inFlight, int queued)
{
    if (m_sessions) {
        updateActivity();
        return;
    }
    inFlight = qMax(0, inFlight);
    queued = qMax(0, queued);
    const bool busy = inFlight > 0 || queued > 0;
    const QString requests = inFlight == 1 ? tr("1 request in flight") : tr("%1 requests in flight").arg(inFlight);
    m_activity->setText(busy ? tr("%1, %2 queued").arg(requests).arg(queued) : QString());
    m_activity->setVisible(busy);
    m_activityBar->setVisible(busy);
}

void StatusPanel::updateActivity()
{
    QStringList parts;
    if (m_sessions && m_registry) {
        for (const Tenant &tenant : m_registry->tenants()) {
            const HttpClient *client = m_sessions->client(tenant.id);
            if (!client || (client->inFlight() == 0 && client->queued() == 0))
                continue;
            parts << (client->queued() > 0 ? tr("%1: %2 running, %3 queued").arg(tenant.displayName).arg(client->inFlight()).arg(client->queued())
                                           : tr("%1: %2 running").arg(tenant.displayName).arg(client->inFlight()));
        }
    }
    m_activity->setText(parts.join(QStringLiteral(" · ")));
    m_activity->setVisible(!parts.isEmpty());
    m_activityBar->setVisible(!parts.isEmpty());
}

void StatusPanel::updateJobs()
{
    const QList<Job *> jobs = m_reporter->jobs();
    const bool running = !jobs.isEmpty();
    m_jobLabel->setVisible(running);
    m_jobBar->setVisible(running);
    m_cancel->setVisible(running);
    if (!running)
        return;
    const Job *newest = jobs.constLast();
    QString label = m_reporter->labelOf(newest);
    if (jobs.size() > 1)
        label += tr(" (+%1 more)").arg(jobs.size() - 1);
    m_jobLabel->setText(label);
    const auto [done, total] = m_reporter->progressOf(newest);
    if (total > 0) {
        // QProgressBar takes ints: scale large byte counts down.
        const int scale = total > 1'000'000'000 ? 1024 : 1;
        m_jobBar->setRange(0, int(total / scale));
        m_jobBar->setValue(int(qMin(done, total) / scale));
    } else {
        m_jobBar->setRange(0, 0);
    }
}
