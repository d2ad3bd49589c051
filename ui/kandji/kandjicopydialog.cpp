#include "kandjicopydialog.h"

#include "kandjifamily.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

KandjiCopyDialog::KandjiCopyDialog(KandjiClient *source, const QString &sourceTenantId, const QList<KandjiCopyJob::Item> &items,
                                   const QString &blueprintId, TenantRegistry *registry, SessionManager *sessions, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_items(items)
    , m_blueprint(blueprintId)
    , m_sessions(sessions)
    , m_target(new QComboBox(this))
    , m_table(new QTableWidget(0, 4, this))
    , m_status(new QLabel(this))
    , m_note(new QLabel(this))
    , m_preview(new QPushButton(tr("Preview"), this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_workDir(QDir::temp().filePath(QStringLiteral("tenantdesk-kandji-copy-%1").arg(quintptr(this), 0, 16)))
{
    setWindowTitle(tr("Copy to Another Kandji Tenant"));
    m_target->setObjectName(QStringLiteral("targetTenant"));
    m_table->setObjectName(QStringLiteral("copyReport"));
    m_table->setAccessibleName(tr("Copy report"));
    m_table->setTabKeyNavigation(false);
    m_status->setObjectName(QStringLiteral("copyStatus"));
    m_note->setObjectName(QStringLiteral("copyNote"));
    m_note->setWordWrap(true);
    m_note->setFrameShape(QFrame::StyledPanel);
    m_note->setMargin(6);
    m_note->setVisible(false);
    m_preview->setObjectName(QStringLiteral("previewButton"));
    m_copy->setObjectName(QStringLiteral("copyButton"));
    for (const Tenant &tenant : registry->tenants()) {
        if (tenant.family == KandjiFamily::Id && tenant.id != sourceTenantId)
            m_target->addItem(tenant.displayName, tenant.id);
    }
    m_table->setHorizontalHeaderLabels({ tr("Item"), tr("Kind"), tr("Action"), tr("Result") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status->setWordWrap(true);
    m_copy->setEnabled(false); // after a preview
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_preview, QDialogButtonBox::ActionRole);
    buttons->addButton(m_copy, QDialogButtonBox::AcceptRole);
    auto *form = new QFormLayout;
    form->addRow(tr("To tenant:"), m_target);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(760, 480);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, &KandjiCopyDialog::preview);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_copy, &QPushButton::clicked, this, &KandjiCopyDialog::copy);
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] { m_copy->setEnabled(false); });
    if (m_target->count() == 0) {
        m_preview->setEnabled(false);
        m_status->setText(tr("There is no other Kandji tenant to copy to: add one first."));
    }
}

void KandjiCopyDialog::preview()
{
    run(false);
}

void KandjiCopyDialog::copy()
{
    run(true);
}

void KandjiCopyDialog::run(bool apply)
{
    const QString targetId = m_target->currentData().toString();
    if (targetId.isEmpty() || !m_source)
        return;
    m_preview->setEnabled(false);
    m_copy->setEnabled(false);
    m_status->setText(tr("Connecting to %1…").arg(m_target->currentText()));
    Job *open = m_sessions->open(targetId);
    connect(open, &Job::finished, this, [this, open, targetId, apply] {
        auto *session = qobject_cast<KandjiSession *>(m_sessions->session(targetId));
        if (open->hasError() || !session) {
            m_status->setText(tr("Cannot connect to the target: %1").arg(open->hasError() ? open->error().toString() : tr("not a Kandji tenant")));
            m_preview->setEnabled(true);
            return;
        }
        QDir().mkpath(m_workDir);
        auto *job = new KandjiCopyJob(m_source, session->client(), m_items, m_blueprint, apply, m_workDir, this);
        connect(job, &KandjiCopyJob::itemDone, this, [this](int done, int total, const QJsonObject &entry) {
            m_status->setText(tr("Copying… %1 of %2: %3").arg(done).arg(total).arg(entry.value(QLatin1String("name")).toString()));
        });
        connect(job, &Job::finished, this, [this, job, apply] {
            m_preview->setEnabled(true);
            QDir(m_workDir).removeRecursively();
            if (job->hasError()) {
                m_status->setText(job->error().toString());
                return;
            }
            showReport(job->result().toObject(), apply);
            m_copy->setEnabled(!apply);
            Q_EMIT finishedRun(apply);
        });
        m_status->setText(apply ? tr("Copying…") : tr("Planning…"));
        job->start();
    });
}

void KandjiCopyDialog::showReport(const QJsonObject &report, bool applied)
{
    m_report = report;
    QJsonArray rows = report.value(QLatin1String("items")).toArray();
    const int itemCount = int(rows.size());
    const QJsonObject blueprint = report.value(QLatin1String("blueprint")).toObject();
    if (!blueprint.isEmpty()) {
        QJsonObject row = blueprint;
        row.insert(QStringLiteral("kind"), tr("blueprint (%1)").arg(blueprint.value(QLatin1String("type")).toString()));
        rows.append(row);
        for (const QJsonValue &a : blueprint.value(QLatin1String("assignments")).toArray()) {
            QJsonObject assignment = a.toObject();
            assignment.insert(QStringLiteral("kind"), tr("assignment"));
            assignment.insert(QStringLiteral("action"), tr("assign"));
            if (assignment.value(QLatin1String("status")).toString() == QLatin1String("not copied")) {
                assignment.insert(QStringLiteral("action"), tr("skip"));
                assignment.insert(QStringLiteral("error"), tr("map node unknown"));
            }
            rows.append(assignment);
        }
    }
    const QString note = blueprint.value(QLatin1String("note")).toString();
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_table->setRowCount(int(rows.size()));
    int failed = 0, creating = 0;
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonObject row = rows.at(r).toObject();
        const QString status = row.value(QLatin1String("status")).toString();
        failed += status == QLatin1String("failed") ? 1 : 0;
        creating += r < itemCount && row.value(QLatin1String("action")).toString() == QLatin1String("create") ? 1 : 0;
        const QString result = row.contains(QLatin1String("error")) ? status + QStringLiteral(": ") + row.value(QLatin1String("error")).toString() : status;
        const QStringList cells { row.value(QLatin1String("name")).toString(), row.value(QLatin1String("kind")).toString(),
                                  row.value(QLatin1String("action")).toString(), result };
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
    if (applied) {
        m_status->setText(failed ? tr("%n row(s) failed: see the Result column.", nullptr, failed)
                                 : tr("Copied: %n row(s), none failed.", nullptr, int(rows.size())));
        return;
    }
    QString plan = tr("Preview, nothing written yet: %1 item(s) to create, %2 to update.").arg(creating).arg(itemCount - creating);
    if (!blueprint.isEmpty())
        plan += QLatin1Char(' ')
            + (blueprint.value(QLatin1String("action")).toString() == QLatin1String("create") ? tr("The blueprint \"%1\" will be created") : tr("The blueprint \"%1\" will be updated"))
                  .arg(blueprint.value(QLatin1String("name")).toString())
            + (note.isEmpty() ? tr(" with %n assignment(s).", nullptr, int(blueprint.value(QLatin1String("assignments")).toArray().size()))
                              : tr(" without its assignments."));
    m_status->setText(plan + QLatin1Char(' ') + tr("Click Copy to apply."));
}
