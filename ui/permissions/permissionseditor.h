#pragma once

#include "kintotypes.h"
#include "net/apierror.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class Job;
class KintoClient;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

// Edits the permissions of one Kinto bucket, collection, group or record (Kinto Admin's
// Permissions tab, with groups and accounts offered as in kinto-admin #278).
//
// On construction the dialog loads, in parallel: the object (its permissions and last_modified),
// its parents (bucket; bucket and collection for a record) for the inherited permissions, the
// bucket's groups, the server info (the current user) and the bucket's recent history (user ids
// of people who changed things). Only the object is required; the rest fills the offers and the
// inherited list when readable.
//
// Each permission of the object's type gets a list of principals, Everyone/Authenticated
// checkboxes, and an editable combo offering the groups ("/buckets/b/groups/g") and the known
// accounts. Inherited permissions are shown read-only. Save sends every permission with a PATCH
// guarded by If-Match (the object's last_modified when loaded): a change made meanwhile fails
// with 412, the edits stay and Reload fetches the server's version. The current user is always
// kept in write (Kinto adds it anyway). The dialog accepts itself once the server saved.
class PermissionsEditor : public QDialog
{
    Q_OBJECT
public:
    // client: not owned, must outlive the dialog. ref: a Bucket, Collection, Group or Record.
    PermissionsEditor(KintoClient *client, const KintoRef &ref, QWidget *parent = nullptr);
    ~PermissionsEditor() override;

    // The permissions an object type has (permissions.rst); empty for other endpoint types.
    static QStringList permissionNames(KintoEndpoint type);
    // "collection:create" -> "collection_create": the objectName prefix of that permission's widgets
    // (<key>List, <key>Principal, <key>Add, <key>Remove, <key>Everyone, <key>Authenticated).
    static QString widgetKey(const QString &permission);

    KintoRef ref() const { return m_ref; }
    bool isLoaded() const { return m_loaded; }
    bool isModified() const;
    // The principals the form currently holds for `permission` (checkboxes included), sorted.
    QStringList principals(const QString &permission) const;
    // What Save would send: every permission of the type, the current user kept in write.
    QJsonObject permissionsToSave() const;
    // The principals offered in the combos: groups of the bucket, then known accounts.
    QStringList offeredPrincipals() const { return m_offered; }
    // Principals granted `permission` on this object through its parents.
    QStringList inheritedPrincipals(const QString &permission) const;
    QString currentUser() const { return m_currentUser; }
    QString statusText() const;

    // Adds `principal` to `permission` as the Add button does. False (with a status message) when
    // the principal is empty, has spaces, or is already there.
    bool addPrincipal(const QString &permission, const QString &principal);
    // Removes it; the current user cannot be removed from write. False when not removed.
    bool removePrincipal(const QString &permission, const QString &principal);

    // Fetches everything again; unsaved edits are dropped.
    void reload();
    // Sends the permissions (see the class comment). No effect before loading or while saving.
    void save();

    void reject() override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const ApiError &error);
    // The server stored the permissions (its answer's "permissions").
    void saved(const QJsonObject &permissions);
    void saveFailed(const ApiError &error);

private:
    struct PermissionWidgets
    {
        QCheckBox *everyone = nullptr;
        QCheckBox *authenticated = nullptr;
        QListWidget *list = nullptr;
        QComboBox *principal = nullptr;
        QPushButton *add = nullptr;
        QPushButton *remove = nullptr;
    };
    // One parent's permissions as read (or why they could not be).
    struct Parent
    {
        QString resource; // "bucket", "collection"
        QString label;    // "bucket main"
        QJsonObject permissions;
        QString error;
    };

    void buildUi();
    void startLoading();
    Job *track(Job *job);
    void loadFinished();
    void populate();
    void fillOffers();
    void fillInherited();
    void setStatus(const QString &text, bool error = false);
    void setBusy(bool busy);
    QJsonObject currentPermissions() const; // the form, without forcing the current user
    static QString describe(const QString &permission);

    QPointer<KintoClient> m_client;
    KintoRef m_ref;
    QString m_bucket;     // resolved (never empty once constructed)
    QString m_collection; // resolved for collections and records
    QStringList m_permissionNames;
    QHash<QString, PermissionWidgets> m_widgets;

    // Loading state.
    QList<QPointer<Job>> m_pending;
    bool m_loaded = false;
    bool m_saving = false;
    ApiError m_objectError;
    QJsonObject m_objectPermissions; // as loaded
    qint64 m_lastModified = 0;
    QList<Parent> m_parents;
    QStringList m_groups;        // group principals
    QSet<QString> m_accounts;    // known user principals
    QString m_currentUser;
    QStringList m_offered;
    QPointer<Job> m_saveJob;

    QLabel *m_title = nullptr;
    QTreeWidget *m_inherited = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_reload = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
