#pragma once

#include "editors/editorbase.h"
#include "restresource.h"

#include <QJsonObject>
#include <QPointer>

class QCheckBox;
class QPlainTextEdit;
class QTabWidget;
class RestClient;
class SchemaForm;

// Creates or edits one item of a REST resource: a form (the resource's item schema, or one inferred
// from the item) and a raw JSON tab, kept in step when the user switches tabs.
//
// Save sends POST to the collection (a new item) or PATCH to the item (PUT with "Replace the whole
// item"), through the RestClient it is given (not owned). A refused save keeps the dialog open: the
// server's field-level messages (restFieldErrors) appear under their fields, the rest on the
// message line. itemSaved() carries the server's answer (or what was sent, when it answered no JSON).
// Object names for tests: "tabs", "rawJson", "replace"; form fields as SchemaForm names them.
class RestItemEditor : public EditorBase
{
    Q_OBJECT
public:
    // An empty `item` creates a new one.
    RestItemEditor(RestClient *client, const RestResource &resource, const QJsonObject &item, QWidget *parent = nullptr);

    bool isNew() const { return m_id.isEmpty(); }
    // The item as the current tab shows it (the raw tab's text when it parses).
    QJsonObject currentItem() const;
    SchemaForm *form() const { return m_form; }

Q_SIGNALS:
    void itemSaved(const QJsonObject &item);

protected:
    QStringList validateInput() override;
    void startApply() override;

private:
    void onTabChanged(int index);
    bool rawToForm(QString *error);

    QPointer<RestClient> m_client;
    RestResource m_resource;
    QString m_id;
    QJsonObject m_original;
    QTabWidget *m_tabs;
    SchemaForm *m_form = nullptr;
    QPlainTextEdit *m_raw;
    QCheckBox *m_replace = nullptr;
    int m_lastTab = 0;
};
