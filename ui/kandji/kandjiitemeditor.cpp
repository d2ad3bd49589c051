#include "kandjiitemeditor.h"

#include "kandjiclient.h"

KandjiItemEditor::KandjiItemEditor(KandjiClient *client, const QJsonObject &item, QWidget *parent)
    : EditorBase(parent)
    , m_client(client)
    , m_id(item.value(QLatin1String("id")).toString())
{
}

KandjiClient *KandjiItemEditor::clientForSave()
{
    if (!m_client)
        finishApply(false, tr("The tenant's session was closed."));
    return m_client;
}

void KandjiItemEditor::finishWith(Job *job, const std::function<QString()> &onSaved)
{
    connect(job, &Job::finished, this, [this, job, onSaved] {
        if (job->hasError()) {
            finishApply(false, job->error().isCancelled() ? tr("Cancelled.") : job->error().toString());
            return;
        }
        m_saved = job->result().toObject();
        m_id = m_saved.value(QLatin1String("id")).toString();
        finishApply(true, onSaved ? onSaved() : tr("Saved."));
    });
}
