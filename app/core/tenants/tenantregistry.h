#pragma once

#include "tenant.h"

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class Job;
class QSettings;
class SecretStore;

// The configured tenants, persisted with QSettings under "tenants/<id>" (id, displayName, service,
// baseUrl, auth, userName, options, secretPurposes). Options are stored as JSON text: a saved
// tenant's options come back as JSON types (strings, bools, numbers as qlonglong/double, lists as
// QVariantList). Secrets are never written to the settings: they go to a SecretStore, and the
// tenant records only their purpose names, so remove() can delete them.
//
// The registry reads the settings once, at construction, and writes every change through at once.
// Two registries over the same settings do not see each other's changes.
class TenantRegistry : public QObject
{
    Q_OBJECT
public:
    // settings: owned by the caller, must outlive the registry.
    explicit TenantRegistry(QSettings *settings, QObject *parent = nullptr);
    // An INI file at filePath, owned by the registry.
    explicit TenantRegistry(const QString &filePath, QObject *parent = nullptr);
    ~TenantRegistry() override;

    // All tenants, sorted by display name (case-insensitively), then id.
    QList<Tenant> tenants() const;
    std::optional<Tenant> tenant(const QString &id) const;

    // Why tenant cannot be saved (empty name, base URL not http(s) with a host, malformed id), or
    // an empty string when it can. For forms that validate before saving.
    static QString validationError(const Tenant &tenant);

    // Adds tenant; an empty id is replaced by a new UUID. Returns the id, or an empty string (and
    // the reason in *error) when the tenant is invalid, its id is taken or the settings cannot be
    // written. tenant.secretPurposes is ignored: a new tenant has no secrets until storeSecret().
    // Emits tenantAdded.
    QString add(const Tenant &tenant, QString *error = nullptr);

    // Replaces the tenant with the same id. secretPurposes is kept from the registry (a stale copy
    // must not lose the index of stored secrets). Returns false (and the reason in *error) when the
    // tenant is unknown or invalid. Emits tenantChanged when something changed.
    bool update(const Tenant &tenant, QString *error = nullptr);

    // Deletes the tenant's secrets (one store->remove() per recorded purpose) and then the tenant.
    // The job finishes when every deletion is done. If one fails the tenant is kept, with the
    // purposes that were not deleted, and the job fails with that error (so a later attempt can
    // still find the secrets). An unknown id fails with ApiError::Kind::NotFound.
    // Emits tenantRemoved on success. store may be null only when the tenant has no secrets.
    Job *remove(const QString &id, SecretStore *store);

    // Writes secret to store under (tenantId, purpose) and records the purpose name (never the
    // value) in the tenant's secretPurposes. The name is recorded before the write, so an
    // interrupted write leaves at worst a name without a secret, never a secret nobody knows about.
    // Fails with ApiError::Kind::NotFound for an unknown tenant, Kind::Invalid for an empty
    // purpose.
    Job *storeSecret(const QString &tenantId, const QString &purpose, const QString &secret,
                     SecretStore *store);

    // Deletes one secret and removes its purpose name once the deletion succeeded.
    Job *removeSecret(const QString &tenantId, const QString &purpose, SecretStore *store);

Q_SIGNALS:
    void tenantAdded(const QString &id);
    void tenantChanged(const QString &id);
    void tenantRemoved(const QString &id);

private:
    void load();
    // Writes tenant (or removes its group when tenant is null) and syncs. Returns false with a
    // message when the settings could not be written.
    bool save(const QString &id, const Tenant *tenant, QString *error);
    void setSecretPurposes(const QString &id, const QStringList &purposes);
    int indexOf(const QString &id) const;

    std::unique_ptr<QSettings> m_ownedSettings;
    QSettings *m_settings = nullptr;
    QList<Tenant> m_tenants;
};
