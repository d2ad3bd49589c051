#pragma once

#include "editors/editorbase.h"

#include <QJsonObject>
#include <QPointer>

#include <functional>

class Job;
class KandjiClient;

// What the Kandji item forms share: the client they save through (not owned; a closed session
// makes a save fail with a message), the item's id (empty while it is new) and the item as the
// server answered the last successful save.
class KandjiItemEditor : public EditorBase
{
    Q_OBJECT
public:
    QJsonObject saved() const { return m_saved; }

protected:
    KandjiItemEditor(KandjiClient *client, const QJsonObject &item, QWidget *parent);

    bool isNew() const { return m_id.isEmpty(); }
    QString itemId() const { return m_id; }
    // nullptr after finishing the save with a message when the session is gone.
    KandjiClient *clientForSave();
    // Ends the save when `job` finishes: its error, or success (the answer becomes saved(), its id
    // the item's, then `onSaved` runs and `message` is shown).
    void finishWith(Job *job, const std::function<QString()> &onSaved);

private:
    QPointer<KandjiClient> m_client;
    QString m_id;
    QJsonObject m_saved;
};
