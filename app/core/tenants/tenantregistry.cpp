#include "tenantregistry.h"

#include "logging.h"
#include "net/job.h"
#include "secrets/secretstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace {

const QString tenantsGroup = QStringLiteral("tenants");

QString groupOf(const QString &id)
{
    return tenantsGroup + QLatin1Char('/') + id;
}

ApiError unknownTenant(const QString &id)
{
    return ApiError(ApiError::Kind::NotFound, TenantRegistry::tr("No tenant with id %1").arg(id));
}

// Options are stored as one line of JSON, so the settings file stays readable (and greppable).
// Values are normalised the same way when a tenant is saved, so a tenant reads back as it was
// saved.
QVariantMap normalisedOptions(const QVariantMap &options)
{
    return QJsonObject::fromVariantMap(options).toVariantMap();
}

// Reports reason through the optional out-parameter; returns false for "refused".
bool refuse(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return false;
}

} // namespace

TenantRegistry::TenantRegistry(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    load();
}

TenantRegistry::TenantRegistry(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_ownedSettings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
    , m_settings(m_ownedSettings.get())
{
    load();
}

TenantRegistry::~TenantRegistry() = default;

QList<Tenant> TenantRegistry::tenants() const
{
    QList<Tenant> sorted = m_tenants;
    std::sort(sorted.begin(), sorted.end(), [](const Tenant &a, const Tenant &b) {
        const int byName = a.displayName.compare(b.displayName, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return sorted;
}

std::optional<Tenant> TenantRegistry::tenant(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    return m_tenants.at(index);
}

QString TenantRegistry::validationError(const Tenant &tenant)
{
    // The id becomes a settings group and part of keychain keys: no separators in it.
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (!tenant.id.isEmpty() && !idPattern.match(tenant.id).hasMatch())
        return tr("The tenant id \"%1\" may only contain letters, digits, '.', '_' and '-'.")
            .arg(tenant.id);
    if (tenant.displayName.trimmed().isEmpty())
        return tr("The tenant needs a name.");
    if (tenant.family.isEmpty())
        return tr("The tenant needs a service family (e.g. \"kinto\").");
    const QUrl &url = tenant.baseUrl;
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || url.host().isEmpty()) {
        return tr("The base URL must be an http:// or https:// address with a host name (got "
                  "\"%1\").")
            .arg(url.toDisplayString());
    }
    return {};
}

QString TenantRegistry::add(const Tenant &tenant, QString *error)
{
    Tenant added = tenant;
    added.options = normalisedOptions(tenant.options);
    added.secretPurposes.clear();
    if (added.id.isEmpty())
        added.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString reason = validationError(added);
    if (reason.isEmpty() && indexOf(added.id) >= 0)
        reason = tr("A tenant with id %1 already exists.").arg(added.id);
    if (!reason.isEmpty() || !save(added.id, &added, &reason)) {
        refuse(error, reason);
        return {};
    }
    m_tenants.append(added);
    qCInfo(lcTenants) << "added" << added.id << added.family
                      << added.baseUrl.toDisplayString();
    Q_EMIT tenantAdded(added.id);
    return added.id;
}

bool TenantRegistry::update(const Tenant &tenant, QString *error)
{
    const int index = indexOf(tenant.id);
    if (index < 0)
        return refuse(error, unknownTenant(tenant.id).message());
    if (const QString reason = validationError(tenant); !reason.isEmpty())
        return refuse(error, reason);
    Tenant updated = tenant;
    updated.options = normalisedOptions(tenant.options);
    updated.secretPurposes = m_tenants.at(index).secretPurposes;
    if (updated == m_tenants.at(index))
        return true;
    if (QString reason; !save(updated.id, &updated, &reason))
        return refuse(error, reason);
    m_tenants[index] = updated;
    qCInfo(lcTenants) << "updated" << updated.id;
    Q_EMIT tenantChanged(updated.id);
    return true;
}

Job *TenantRegistry::remove(const QString &id, SecretStore *store)
{
    auto *job = new Job;
    const std::optional<Tenant> current = tenant(id);
    if (!current) {
        job->failLater(unknownTenant(id));
        return job;
    }
    const QStringList purposes = current->secretPurposes;
    if (!purposes.isEmpty() && !store) {
        job->failLater(ApiError(ApiError::Kind::Invalid,
                                tr("The tenant has secrets but no secret store was given.")));
        return job;
    }

    struct Progress
    {
        qsizetype pending = 0;
        QStringList deleted;
        ApiError firstError;
    };
    auto progress = std::make_shared<Progress>();
    progress->pending = purposes.size();

    // Runs once every deletion is done. A purpose recorded meanwhile under another name (a
    // concurrent storeSecret()) keeps the tenant, so that secret is not left without its index.
    QPointer<TenantRegistry> self(this);
    auto finish = [self, id, job, progress] {
        if (!self) {
            job->fail(ApiError(ApiError::Kind::Cancelled, tr("The tenant registry was closed.")));
            return;
        }
        const std::optional<Tenant> now = self->tenant(id);
        if (!now) {
            job->fail(unknownTenant(id));
            return;
        }
        QStringList remaining = now->secretPurposes;
        for (const QString &purpose : std::as_const(progress->deleted))
            remaining.removeAll(purpose);
        if (!remaining.isEmpty()) {
            self->setSecretPurposes(id, remaining);
            ApiError error = progress->firstError;
            if (!error)
                error = ApiError(
                    ApiError::Kind::Conflict,
                    tr("Secrets were stored for the tenant while it was being removed."));
            qCWarning(lcTenants) << "kept" << id
                                 << "because secrets could not be deleted:" << remaining
                                 << error.message();
            job->fail(error);
            return;
        }
        QString reason;
        if (!self->save(id, nullptr, &reason)) {
            job->fail(ApiError(ApiError::Kind::Unavailable, reason));
            return;
        }
        self->m_tenants.removeAt(self->indexOf(id));
        qCInfo(lcTenants) << "removed" << id;
        Q_EMIT self->tenantRemoved(id);
        job->succeed();
    };

    if (purposes.isEmpty()) {
        QTimer::singleShot(0, job, finish);
        return job;
    }
    for (const QString &purpose : purposes) {
        Job *deletion = store->remove(id, purpose);
        job->addChild(deletion);
        connect(deletion, &Job::finished, job, [progress, purpose, finish](Job *deletion) {
            if (deletion->hasError()) {
                if (!progress->firstError)
                    progress->firstError = deletion->error();
            } else {
                progress->deleted.append(purpose);
            }
            if (--progress->pending == 0)
                finish();
        });
    }
    return job;
}

Job *TenantRegistry::storeSecret(const QString &tenantId, const QString &purpose,
                                 const QString &secret, SecretStore *store)
{
    auto *job = new Job;
    const std::optional<Tenant> current = tenant(tenantId);
    if (!current) {
        job->failLater(unknownTenant(tenantId));
        return job;
    }
    if (purpose.isEmpty() || !store) {
        job->failLater(
            ApiError(ApiError::Kind::Invalid, tr("A secret needs a purpose and a secret store.")));
        return job;
    }
    const bool wasRecorded = current->secretPurposes.contains(purpose);
    if (!wasRecorded)
        setSecretPurposes(tenantId, current->secretPurposes + QStringList{purpose});

    Job *write = store->write(tenantId, purpose, secret);
    job->addChild(write);
    QPointer<TenantRegistry> self(this);
    connect(write, &Job::finished, job, [self, job, tenantId, purpose, wasRecorded](Job *write) {
        if (write->hasError()) {
            // Nothing was written: drop a name recorded for this write only.
            if (self && !wasRecorded) {
                if (const std::optional<Tenant> now = self->tenant(tenantId)) {
                    QStringList purposes = now->secretPurposes;
                    purposes.removeAll(purpose);
                    self->setSecretPurposes(tenantId, purposes);
                }
            }
            job->fail(write->error());
            return;
        }
        qCDebug(lcTenants) << "stored secret" << purpose << "for" << tenantId << "(set)";
        job->succeed();
    });
    return job;
}

Job *TenantRegistry::removeSecret(const QString &tenantId, const QString &purpose,
                                  SecretStore *store)
{
    if (indexOf(tenantId) < 0 || !store) {
        auto *job = new Job;
        job->failLater(store ? unknownTenant(tenantId)
                             : ApiError(ApiError::Kind::Invalid, tr("No secret store was given.")));
        return job;
    }
    Job *deletion = store->remove(tenantId, purpose);
    auto *job = new Job;
    job->addChild(deletion);
    QPointer<TenantRegistry> self(this);
    connect(deletion, &Job::finished, job, [self, job, tenantId, purpose](Job *deletion) {
        if (deletion->hasError()) {
            job->fail(deletion->error());
            return;
        }
        if (self) {
            if (const std::optional<Tenant> now = self->tenant(tenantId)) {
                QStringList purposes = now->secretPurposes;
                purposes.removeAll(purpose);
                self->setSecretPurposes(tenantId, purposes);
            }
        }
        job->succeed();
    });
    return job;
}

void TenantRegistry::load()
{
    m_tenants.clear();
    m_settings->beginGroup(tenantsGroup);
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        const QString family = m_settings->value(QStringLiteral("service")).toString();
        const std::optional<AuthKind> auth
            = Tenant::authFromName(m_settings->value(QStringLiteral("auth")).toString());
        if (!family.isEmpty() && auth) {
            Tenant t;
            t.id = id;
            t.displayName = m_settings->value(QStringLiteral("displayName")).toString();
            t.family = family;
            t.baseUrl = QUrl(m_settings->value(QStringLiteral("baseUrl")).toString());
            t.auth = *auth;
            t.userName = m_settings->value(QStringLiteral("userName")).toString();
            t.options = QJsonDocument::fromJson(
                            m_settings->value(QStringLiteral("options")).toString().toUtf8())
                            .object()
                            .toVariantMap();
            t.secretPurposes = m_settings->value(QStringLiteral("secretPurposes")).toStringList();
            m_tenants.append(t);
        } else {
            qCWarning(lcTenants) << "skipping tenant" << id << "with unknown service or auth in"
                                 << m_settings->fileName();
        }
        m_settings->endGroup();
    }
    m_settings->endGroup();
    qCDebug(lcTenants) << "loaded" << m_tenants.size() << "tenants from" << m_settings->fileName();
}

bool TenantRegistry::save(const QString &id, const Tenant *tenant, QString *error)
{
    m_settings->remove(groupOf(id));
    if (tenant) {
        m_settings->beginGroup(groupOf(id));
        m_settings->setValue(QStringLiteral("id"), tenant->id);
        m_settings->setValue(QStringLiteral("displayName"), tenant->displayName);
        m_settings->setValue(QStringLiteral("service"), tenant->family);
        m_settings->setValue(QStringLiteral("baseUrl"), tenant->baseUrl.toString());
        m_settings->setValue(QStringLiteral("auth"), Tenant::authName(tenant->auth));
        m_settings->setValue(QStringLiteral("userName"), tenant->userName);
        m_settings->setValue(
            QStringLiteral("options"),
            QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(tenant->options))
                                  .toJson(QJsonDocument::Compact)));
        m_settings->setValue(QStringLiteral("secretPurposes"), tenant->secretPurposes);
        m_settings->endGroup();
    }
    m_settings->sync();
    if (m_settings->status() == QSettings::NoError)
        return true;
    const QString reason
        = tr("Could not write the tenant settings to %1.").arg(m_settings->fileName());
    qCWarning(lcTenants) << reason;
    if (error)
        *error = reason;
    return false;
}

void TenantRegistry::setSecretPurposes(const QString &id, const QStringList &purposes)
{
    const int index = indexOf(id);
    if (index < 0 || m_tenants.at(index).secretPurposes == purposes)
        return;
    m_tenants[index].secretPurposes = purposes;
    save(id, &m_tenants.at(index), nullptr);
    Q_EMIT tenantChanged(id);
}

int TenantRegistry::indexOf(const QString &id) const
{
    for (int i = 0; i < m_tenants.size(); ++i) {
        if (m_tenants.at(i).id == id)
            return i;
    }
    return -1;
}
