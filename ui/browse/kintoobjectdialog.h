#pragma once

#include "editors/editorbase.h"
#include "kintotypes.h"

#include <QJsonObject>
#include <QPointer>

class Job;
class KintoClient;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;

// The frame of the bucket, collection and group dialogs: the id, the subclass's fields, the other
// attributes as JSON, and Save / Cancel (EditorBase: nothing is lost on a failed save, closing
// with changes asks first).
//
// With an empty `object` the dialog creates: the id is typed, checked against Kinto's id pattern
// before anything is sent, and the object is created with If-None-Match: * (an existing id is
// refused by the server, and the dialog says so). Otherwise it edits `object` (the data as listed,
// with id and last_modified): the id is fixed and the write is a PUT with If-Match on the
// object's last_modified. When the server answers 412 the dialog shows the server's message and
// stays open with the input; saving again then overwrites the server's newer version, knowingly.
//
// The JSON fields report syntax errors with line and column before anything is sent.
// `ref` names the object's type and parents (its id is taken from the id field).
class KintoObjectDialog : public EditorBase
{
    Q_OBJECT
public:
    KintoObjectDialog(KintoClient *client, const KintoRef &ref, const QJsonObject &object, QWidget *parent = nullptr);

    bool isCreating() const { return m_original.isEmpty(); }
    // The id typed (creating) or edited.
    QString objectId() const;

Q_SIGNALS:
    // The save succeeded; `data` is the object as the server stored it. Emitted once, before the
    // dialog closes.
    void saved(const QJsonObject &data);

protected:
    // Builds the form; subclasses call it from their constructor once their fields exist.
    // `managedKeys` are the data keys the subclass's own fields edit (left out of the JSON field).
    void buildForm(const QString &noun, const QStringList &managedKeys);
    // Where subclasses add their rows (between the id and the other attributes).
    QFormLayout *form() const { return m_form; }
    const QJsonObject &original() const { return m_original; }
    // Subclass checks, each a message for the user; the base checks the id and the JSON field.
    virtual QStringList validateFields() { return {}; }
    // Puts the subclass's fields into `data` (the other attributes already in it).
    virtual void writeFields(QJsonObject &data) const = 0;
    // Reads a JSON text field: an empty text gives an empty object; problems say "<label>: line L,
    // column C: reason" or "<label> must be a JSON object."
    static bool parseObject(const QString &label, const QString &text, QJsonObject *object, QStringList *problems);

private:
    QStringList validateInput() override;
    void startApply() override;
    void onSaved(Job *job);

    QPointer<KintoClient> m_client;
    KintoRef m_ref;
    QJsonObject m_original;
    QString m_noun;
    QStringList m_managedKeys;
    qint64 m_ifMatch = 0;
    bool m_overwrite = false;
    QLineEdit *m_id = nullptr;
    QPlainTextEdit *m_attributes = nullptr;
    QFormLayout *m_form = nullptr;
};
