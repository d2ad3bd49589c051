#pragma once

#include "conflictdialog.h"
#include "editorbase.h"
#include "schemaform.h"

#include <QJsonObject>
#include <QPointer>

class Job;
class KintoClient;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

// Creates, edits or duplicates one Kinto record. Loads the collection (for its JSON schema and
// uiSchema: fields follow its "ui:order", else the schema's own property order) and,
// when editing or duplicating, the record; then shows a "Form" tab generated from the schema (none
// without a schema) and a "JSON" tab (objectName "jsonEdit") with the whole record, kept in sync
// both ways. A JSON syntax error is shown with its line and column ("jsonError") and blocks saving,
// as do field validation errors: nothing is sent until the input is valid.
//
// Saving: a safe create (If-None-Match: *) for a new record, else an update with If-Match: the
// last_modified of the version the editor started from; an edit that changes nothing sends nothing
// (no new version, no history entry) and closes as saved, without recordSaved(). On 412 a ConflictDialog offers reload /
// overwrite / merge. On any failure the dialog stays open with the input and the server's message
// (validation details also under their fields). The client is not owned and must outlive the editor.
class RecordEditor : public EditorBase
{
    Q_OBJECT
public:
    enum class Mode { Create, Edit, Duplicate };

    RecordEditor(KintoClient *client, const QString &bucket, const QString &collection, QWidget *parent = nullptr);
    ~RecordEditor() override;

    // Start loading; loaded() or loadFailed() follows from the event loop. Call one, once.
    void startCreate(const QJsonObject &initial = {});
    void startEdit(const QString &recordId);
    void startDuplicate(const QString &recordId);

    Mode mode() const { return m_mode; }
    bool isLoaded() const { return m_loaded; }
    QString bucket() const { return m_bucket; }
    QString collection() const { return m_collection; }
    // The id of the record being edited; empty for a new record until it is saved.
    QString recordId() const { return m_recordId; }
    // The user's input, as a record (unknown properties included).
    QJsonObject data() const { return m_data; }
    // The record as the server last returned it (empty for a new record).
    QJsonObject serverRecord() const { return m_base; }
    // The collection's schema (empty when it has none or it could not be read).
    QJsonObject schema() const { return m_schema; }
    // The current JSON syntax problem ("line L, column C: ..."), empty when the text parses.
    QString jsonError() const { return m_jsonError; }

    SchemaForm *form() const { return m_form; }
    QPlainTextEdit *jsonEdit() const { return m_json; }
    // The conflict dialog while one is open.
    ConflictDialog *conflictDialog() const { return m_conflict; }

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);
    // The record to edit or duplicate does not exist on the server (404); loadFailed() follows.
    void recordGone(const QString &id);
    // A save succeeded: `before` is the server's version it replaced (empty for a create), `after`
    // the server's answer. Emitted before the dialog closes.
    void recordSaved(const QJsonObject &before, const QJsonObject &after);
    // A 412 opened the conflict dialog (window-modal, not yet answered).
    void conflictShown(ConflictDialog *dialog);

protected:
    QStringList validateInput() override;
    void startApply() override;

private:
    void load(const QString &recordId);
    void onLoadStep();
    void buildViews();
    void showData(); // m_data into the form and the JSON text, without marking modified
    void onFormChanged();
    void onJsonChanged();
    void onSaved(Job *job);
    // Shows `saved` (the server's record after this save) as the new state and ends the save.
    void finishSaved(const QJsonObject &saved, const QString &message);
    void showConflict(const QJsonObject &theirs);

    KintoClient *m_client;
    QString m_bucket;
    QString m_collection;
    Mode m_mode = Mode::Create;
    QString m_recordId;
    QJsonObject m_data;
    QJsonObject m_base;
    QJsonObject m_schema;
    QJsonObject m_uiSchema; // the collection's, with the schema's own property order where it gives none
    QString m_schemaProblem;
    QString m_loadError;
    QString m_jsonError;
    int m_loading = 0;
    bool m_loaded = false;
    bool m_syncing = false;
    bool m_unsafeNext = false; // the next save overwrites without If-Match (the record was deleted)

    QTabWidget *m_tabs = nullptr;
    SchemaForm *m_form = nullptr;
    QPlainTextEdit *m_json = nullptr;
    QLabel *m_jsonErrorLabel = nullptr;
    QPointer<ConflictDialog> m_conflict;
};
