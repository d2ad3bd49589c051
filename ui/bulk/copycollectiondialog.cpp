#include "copycollectiondialog.h"

#include "copycollectionjob.h"
#include "kintoclient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

CopyCollectionDialog::CopyCollectionDialog(KintoClient *source, const QString &bucket, const QString &collection,
                                           const QList<Target> &targets, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_bucket(bucket)
    , m_collection(collection)
    , m_targets(targets)
{
    setWindowTitle(tr("Copy collection %1/%2").arg(bucket, collection));
    resize(560, 420);

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("targetCombo"));
    for (const Target &target : targets)
        m_target->addItem(target.name);
    m_targetBucket = new QLineEdit(bucket, this);
    m_targetBucket->setObjectName(QStringLiteral("bucketEdit"));
    m_targetCollection = new QLineEdit(collection, this);
    m_targetCollection->setObjectName(QStringLiteral("collectionEdit"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Target tenant:"), m_target);
    form->addRow(tr("&Bucket:"), m_targetBucket);
    form->addRow(tr("C&ollection:"), m_targetCollection);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m records"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("reportText"));
    m_report->setAccessibleName(tr("Report"));
    m_report->setReadOnly(true);

    auto *buttons = new QDialogButtonBox(this);
    m_copyButton = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_cancelButton = buttons->addButton(tr("Cancel co&py"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_report, 1);
    layout->addWidget(buttons);

    connect(m_targetBucket, &QLineEdit::textChanged, this, &CopyCollectionDialog::updateWidgets);
    connect(m_targetCollection, &QLineEdit::textChanged, this, &CopyCollectionDialog::updateWidgets);
    connect(m_copyButton, &QPushButton::clicked, this, &CopyCollectionDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    updateWidgets();
}

CopyCollectionDialog::~CopyCollectionDialog()
{
    if (m_job)
        m_job->cancel();
}

void CopyCollectionDialog::start()
{
    const int index = m_target->currentIndex();
    if (m_job || !m_source || index < 0 || !m_targets.at(index).client)
        return;
    KintoClient *target = m_targets.at(index).client;
    const QString bucket = m_targetBucket->text().trimmed();
    const QString collection = m_targetCollection->text().trimmed();
    if (target == m_source && bucket == m_bucket && collection == m_collection) {
        m_status->setText(tr("The target is the source itself: choose another tenant, bucket or collection id."));
        return;
    }
    m_report->clear();
    m_progress->setRange(0, 0);
    m_job = new CopyCollectionJob(m_source, m_bucket, m_collection, target, bucket, collection, this);
    connect(m_job, &CopyCollectionJob::step, m_status, &QLabel::setText);
    connect(m_job, &Job::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
    });
    connect(m_job, &Job::finished, this, [this](Job *finished) {
        auto *job = static_cast<CopyCollectionJob *>(finished);
        m_job = nullptr;
        if (m_progress->maximum() == 0)
            m_progress->setRange(0, 1);
        if (job->hasError()) {
            m_status->setText(job->error().isCancelled()
                                  ? tr("Cancelled after %n record(s).", nullptr, job->copied())
                                  : tr("Copy incomplete: %1").arg(job->error().toString()));
            m_report->setPlainText(job->failures().join(QLatin1Char('\n')));
        } else {
            m_status->setText(tr("Copied: attributes, permissions and %n record(s).", nullptr, job->copied()));
        }
        updateWidgets();
        Q_EMIT copied(!job->hasError());
    });
    updateWidgets();
}

void CopyCollectionDialog::updateWidgets()
{
    const bool running = m_job;
    const bool valid = KintoClient::isValidId(m_targetBucket->text().trimmed())
        && KintoClient::isValidId(m_targetCollection->text().trimmed());
    m_copyButton->setEnabled(!running && valid && m_target->count() > 0);
    m_cancelButton->setEnabled(running);
    m_closeButton->setEnabled(!running);
    m_target->setEnabled(!running);
    m_targetBucket->setEnabled(!running);
    m_targetCollection->setEnabled(!running);
}
