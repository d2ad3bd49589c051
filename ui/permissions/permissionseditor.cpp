#include "permissions/permissionseditor.h"

#include "kintoclient.h"
#include "prompt.h"
#include "widgets/tonedlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPermissions, "tenantdesk.ui.permissions")

namespace {

const QString Everyone = QStringLiteral("system.Everyone");
const QString Authenticated = QStringLiteral("system.Authenticated");

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString())
            list.append(item.toString());
    }
    return list;
}

bool isGroupPrincipal(const QString &principal)
{
    return principal.startsWith(QLatin1String("/buckets/"));
}

bool isUserPrincipal(const QString &principal)
{
    return !principal.isEmpty() && !principal.startsWith(QLatin1String("system.")) && !isGroupPrincipal(principal);
}

// Which parent permissions grant a permission of this object (kinto/authorization.py
// PERMISSIONS_INHERITANCE_TREE, without the object's own entries): parent resource -> permissions.
QList<QPair<QString, QStringList>> grantedBy(KintoEndpoint type, const QString &permission)
{
    const QStringList readers { QStringLiteral("read"), QStringLiteral("write") };
    const QStringList writers { QStringLiteral("write") };
    const QString bucket = QStringLiteral("bucket");
    const QString collection = QStringLiteral("collection");
    switch (type) {
    case KintoEndpoint::Collection:
    case KintoEndpoint::Group:
        if (permission == QLatin1String("read"))
            return { { bucket, readers } };
        return { { bucket, writers } }; // write, record:create
    case KintoEndpoint::Record:
        if (permission == QLatin1String("read"))
            return { { bucket, readers }, { collection, readers } };
        return { { bucket, writers }, { collection, writers } };
    default:
        return {};
    }
}

} // namespace

PermissionsEditor::PermissionsEditor(KintoClient *client, const KintoRef &ref, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_ref(ref)
    , m_permissionNames(permissionNames(ref.type))
{
    setObjectName(QStringLiteral("permissionsEditor"));
    if (client) {
        m_bucket = ref.bucket.isEmpty() ? client->settings().bucket : ref.bucket;
        m_collection = ref.collection.isEmpty() ? client->settings().collection : ref.collection;
    }
    buildUi();
    startLoading();
}

PermissionsEditor::~PermissionsEditor()
{
    // Jobs report to this dialog: once it is gone they must not call back.
    for (const QPointer<Job> &job : std::as_const(m_pending)) {
        if (job)
            job->disconnect(this);
    }
    if (m_saveJob)
        m_saveJob->disconnect(this);
}

QStringList PermissionsEditor::permissionNames(KintoEndpoint type)
{
    const QString read = QStringLiteral("read");
    const QString write = QStringLiteral("write");
    switch (type) {
    case KintoEndpoint::Bucket:
        return { read, write, QStringLiteral("collection:create"), QStringLiteral("group:create") };
    case KintoEndpoint::Collection:
        return { read, write, QStringLiteral("record:create") };
    case KintoEndpoint::Group:
    case KintoEndpoint::Record:
        return { read, write };
    default:
        return {};
    }
}

QString PermissionsEditor::widgetKey(const QString &permission)
{
    QString key = permission;
    return key.replace(QLatin1Char(':'), QLatin1Char('_'));
}

QString PermissionsEditor::describe(const QString &permission)
{
    if (permission == QLatin1String("read"))
        return tr("read: see the object (and, for a bucket or collection, what it contains)");
    if (permission == QLatin1String("write"))
        return tr("write: change or delete the object and everything in it");
    return tr("%1: create %2s in it").arg(permission, permission.section(QLatin1Char(':'), 0, 0));
}

void PermissionsEditor::buildUi()
{
    QString what;
    switch (m_ref.type) {
    case KintoEndpoint::Bucket: what = tr("bucket %1").arg(m_bucket); break;
    case KintoEndpoint::Collection: what = tr("collection %1/%2").arg(m_bucket, m_collection); break;
    case KintoEndpoint::Group: what = tr("group %1/%2").arg(m_bucket, m_ref.id); break;
    case KintoEndpoint::Record: what = tr("record %1/%2/%3").arg(m_bucket, m_collection, m_ref.id); break;
    default: what = tr("(not an object with permissions)"); break;
    }
    setWindowTitle(tr("Permissions of %1").arg(what));

    m_title = new QLabel(tr("Who may do what on the %1. Kinto always keeps you in write.").arg(what), this);
    m_title->setWordWrap(true);

    auto *own = new QWidget;
    auto *ownLayout = new QVBoxLayout(own);
    for (const QString &permission : std::as_const(m_permissionNames)) {
        const QString key = widgetKey(permission);
        auto *box = new QGroupBox(describe(permission), own);
        box->setObjectName(key + QStringLiteral("Box"));
        PermissionWidgets w;
        w.everyone = new QCheckBox(tr("Everyone"), box);
        w.everyone->setToolTip(tr("system.Everyone: anyone, even without credentials"));
        w.everyone->setObjectName(key + QStringLiteral("Everyone"));
        w.authenticated = new QCheckBox(tr("Authenticated users"), box);
        w.authenticated->setToolTip(tr("system.Authenticated: anyone who signed in"));
        w.authenticated->setObjectName(key + QStringLiteral("Authenticated"));
        w.list = new QListWidget(box);
        w.list->setObjectName(key + QStringLiteral("List"));
        w.list->setAccessibleName(tr("Principals who may %1").arg(describe(permission)));
        w.list->setSelectionMode(QAbstractItemView::ExtendedSelection);
        w.list->setSortingEnabled(true);
        w.list->setMinimumHeight(70);
        w.principal = new QComboBox(box);
        w.principal->setObjectName(key + QStringLiteral("Principal"));
        w.principal->setAccessibleName(tr("Principal to add"));
        w.principal->setEditable(true);
        w.principal->setInsertPolicy(QComboBox::NoInsert);
        w.principal->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        w.principal->lineEdit()->setPlaceholderText(tr("account:alice, /buckets/b/groups/g, …"));
        w.add = new QPushButton(tr("Add"), box);
        w.add->setObjectName(key + QStringLiteral("Add"));
        w.remove = new QPushButton(tr("Remove"), box);
        w.remove->setObjectName(key + QStringLiteral("Remove"));
        w.remove->setEnabled(false);

        auto *checks = new QHBoxLayout;
        checks->addWidget(w.everyone);
        checks->addWidget(w.authenticated);
        checks->addStretch(1);
        auto *adder = new QHBoxLayout;
        adder->addWidget(w.principal, 1);
        adder->addWidget(w.add);
        adder->addWidget(w.remove);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->addLayout(checks);
        boxLayout->addWidget(w.list);
        boxLayout->addLayout(adder);
        ownLayout->addWidget(box);

        connect(w.add, &QPushButton::clicked, this, [this, permission] {
            QComboBox *combo = m_widgets.value(permission).principal;
            if (addPrincipal(permission, combo->currentText()))
                combo->setCurrentText(QString());
        });
        connect(w.principal->lineEdit(), &QLineEdit::returnPressed, w.add, &QPushButton::click);
        // Picking an offer puts the principal itself in the field, ready for Add.
        connect(w.principal, &QComboBox::activated, w.principal, [combo = w.principal](int index) {
            combo->setEditText(combo->itemData(index).toString());
        });
        connect(w.remove, &QPushButton::clicked, this, [this, permission] {
            const auto selected = m_widgets.value(permission).list->selectedItems();
            QStringList names;
            for (const QListWidgetItem *item : selected)
                names.append(item->text());
            for (const QString &name : std::as_const(names))
                removePrincipal(permission, name);
        });
        connect(w.list, &QListWidget::itemSelectionChanged, this, [this, permission] {
            const PermissionWidgets &pw = m_widgets[permission];
            pw.remove->setEnabled(!pw.list->selectedItems().isEmpty() && !m_saving);
        });
        m_widgets.insert(permission, w);
    }
    ownLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Permissions of this object"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(own);

    m_inherited = new QTreeWidget(this);
    m_inherited->setObjectName(QStringLiteral("inheritedTree"));
    m_inherited->setAccessibleName(tr("Inherited permissions"));
    m_inherited->setColumnCount(3);
    m_inherited->setHeaderLabels({ tr("Permission"), tr("Granted by"), tr("Principals") });
    m_inherited->setRootIsDecorated(false);
    m_inherited->header()->setStretchLastSection(true);
    m_inherited->setWordWrap(true);
    auto *inheritedBox = new QGroupBox(tr("Inherited (read-only)"), this);
    auto *inheritedLayout = new QVBoxLayout(inheritedBox);
    inheritedLayout->addWidget(m_inherited);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(inheritedBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 520, 460 });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("permissionsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reload = new QPushButton(tr("Reload"), this);
    m_reload->setObjectName(QStringLiteral("permissionsReload"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("permissionsSave"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("permissionsCancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PermissionsEditor::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PermissionsEditor::reject);
    connect(m_reload, &QPushButton::clicked, this, &PermissionsEditor::reload);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_reload);
    bottom->addWidget(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    resize(1000, 640);
}

void PermissionsEditor::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    setTone(m_status, error ? std::optional(Tones::Tone::Error) : std::nullopt);
}

QString PermissionsEditor::statusText() const
{
    return m_status->text();
}

void PermissionsEditor::setBusy(bool busy)
{
    const bool editable = !busy && m_loaded;
    for (const PermissionWidgets &w : std::as_const(m_widgets)) {
        w.everyone->setEnabled(editable);
        w.authenticated->setEnabled(editable);
        w.list->setEnabled(editable);
        w.principal->setEnabled(editable);
        w.add->setEnabled(editable);
        w.remove->setEnabled(editable && !w.list->selectedItems().isEmpty());
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(editable);
    m_reload->setEnabled(!busy);
}

// --- Loading

Job *PermissionsEditor::track(Job *job)
{
    m_pending.append(job);
    connect(job, &Job::finished, this, [this, job] {
        m_pending.removeAll(job);
        if (m_pending.isEmpty())
            loadFinished();
    });
    return job;
}

void PermissionsEditor::reload()
{
    if (m_saving)
        return;
    startLoading();
}

void PermissionsEditor::startLoading()
{
    for (const QPointer<Job> &job : std::as_const(m_pending)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
    m_pending.clear();
    m_loaded = false;
    m_objectError = ApiError();
    m_objectPermissions = {};
    m_lastModified = 0;
    m_parents.clear();
    m_groups.clear();
    m_accounts.clear();
    m_currentUser.clear();
    setBusy(true);

    if (!m_client || m_permissionNames.isEmpty()) {
        m_objectError = ApiError(ApiError::Kind::Invalid, tr("This object has no permissions to edit."));
        setStatus(m_objectError.message(), true);
        return;
    }
    setStatus(tr("Loading permissions…"));

    // Handlers run before track()'s, which is connected last: results are stored when the last
    // job's finish triggers loadFinished().
    Job *object = m_client->get(m_ref);
    connect(object, &Job::finished, this, [this, object] {
        if (object->hasError()) {
            m_objectError = object->error();
            return;
        }
        const QJsonObject body = object->result().toObject();
        m_objectPermissions = body.value(QLatin1String("permissions")).toObject();
        m_lastModified = body.value(QLatin1String("data")).toObject().value(QLatin1String("last_modified")).toVariant().toLongLong();
    });
    track(object);

    QList<KintoRef> parents;
    if (m_ref.type == KintoEndpoint::Collection || m_ref.type == KintoEndpoint::Group || m_ref.type == KintoEndpoint::Record) {
        parents.append(KintoRef::ofBucket(m_bucket));
        m_parents.append({ QStringLiteral("bucket"), tr("bucket %1").arg(m_bucket), {}, {} });
    }
    if (m_ref.type == KintoEndpoint::Record) {
        parents.append(KintoRef::ofCollection(m_bucket, m_collection));
        m_parents.append({ QStringLiteral("collection"), tr("collection %1").arg(m_collection), {}, {} });
    }
    for (int i = 0; i < parents.size(); ++i) {
        Job *parent = m_client->get(parents.at(i));
        connect(parent, &Job::finished, this, [this, parent, i] {
            if (i >= m_parents.size())
                return;
            if (parent->hasError())
                m_parents[i].error = parent->error().toString();
            else
                m_parents[i].permissions = parent->result().toObject().value(QLatin1String("permissions")).toObject();
        });
        track(parent);
    }

    KintoListJob *groups = m_client->getGroups(m_bucket);
    connect(groups, &Job::finished, this, [this, groups] {
        if (groups->hasError())
            return; // no groups to offer: typing a principal still works
        for (const QJsonValue &value : groups->result().toArray()) {
            const QJsonObject group = value.toObject();
            const QString id = group.value(QLatin1String("id")).toString();
            if (!id.isEmpty())
                m_groups.append(QStringLiteral("/buckets/%1/groups/%2").arg(m_bucket, id));
            for (const QString &member : toStringList(group.value(QLatin1String("members")))) {
                if (isUserPrincipal(member))
                    m_accounts.insert(member);
            }
        }
    });
    track(groups);

    Job *info = m_client->serverInfo();
    connect(info, &Job::finished, this, [this, info] {
        if (!info->hasError())
            m_currentUser = info->result().toObject().value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
    });
    track(info);

    // People who changed things recently: a cheap page of the history, when there is one.
    KintoListOptions recent;
    recent.limit = 200;
    recent.pages = 1;
    recent.fields = { QStringLiteral("user_id") };
    KintoListJob *history = m_client->getHistory(m_bucket, recent);
    connect(history, &Job::finished, this, [this, history] {
        if (history->hasError())
            return; // no history plugin, or not readable: fine
        for (const QJsonValue &value : history->result().toArray()) {
            const QString user = value.toObject().value(QLatin1String("user_id")).toString();
            if (isUserPrincipal(user))
                m_accounts.insert(user);
        }
    });
    track(history);
}

void PermissionsEditor::loadFinished()
{
    if (m_objectError) {
        setStatus(tr("Could not load the permissions: %1").arg(m_objectError.toString()), true);
        setBusy(false);
        Q_EMIT loadFailed(m_objectError);
        return;
    }
    m_loaded = true;
    populate();
    setBusy(false);
    setStatus(m_currentUser.isEmpty() ? tr("Loaded.") : tr("Loaded. You are %1.").arg(m_currentUser));
    Q_EMIT loaded();
}

void PermissionsEditor::populate()
{
    // Existing principals are known accounts too.
    const auto noteAccounts = [this](const QJsonObject &permissions) {
        for (auto it = permissions.constBegin(); it != permissions.constEnd(); ++it) {
            for (const QString &principal : toStringList(it.value())) {
                if (isUserPrincipal(principal))
                    m_accounts.insert(principal);
            }
        }
    };
    noteAccounts(m_objectPermissions);
    for (const Parent &parent : std::as_const(m_parents))
        noteAccounts(parent.permissions);
    if (isUserPrincipal(m_currentUser))
        m_accounts.insert(m_currentUser);

    for (const QString &permission : std::as_const(m_permissionNames)) {
        PermissionWidgets &w = m_widgets[permission];
        const QStringList principals = toStringList(m_objectPermissions.value(permission));
        w.everyone->setChecked(principals.contains(Everyone));
        w.authenticated->setChecked(principals.contains(Authenticated));
        w.list->clear();
        for (const QString &principal : principals) {
            if (principal != Everyone && principal != Authenticated)
                addPrincipal(permission, principal);
        }
        if (permission == QLatin1String("write") && !m_currentUser.isEmpty() && !principals.contains(m_currentUser))
            addPrincipal(permission, m_currentUser);
    }
    fillOffers();
    fillInherited();
}

void PermissionsEditor::fillOffers()
{
    QStringList groups = m_groups;
    std::sort(groups.begin(), groups.end());
    QStringList accounts(m_accounts.cbegin(), m_accounts.cend());
    std::sort(accounts.begin(), accounts.end());
    m_offered = groups + accounts;
    for (PermissionWidgets &w : m_widgets) {
        w.principal->clear();
        for (const QString &group : std::as_const(groups))
            w.principal->addItem(tr("%1 (group)").arg(group.section(QLatin1Char('/'), -1)), group);
        for (const QString &account : std::as_const(accounts))
            w.principal->addItem(account, account);
        w.principal->setCurrentIndex(-1);
        w.principal->setEditText(QString());
    }
}

void PermissionsEditor::fillInherited()
{
    m_inherited->clear();
    if (m_parents.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_inherited, { QString(), tr("A bucket inherits nothing."), QString() });
        item->setFlags(Qt::ItemIsEnabled);
        return;
    }
    for (const QString &permission : std::as_const(m_permissionNames)) {
        for (const auto &grant : grantedBy(m_ref.type, permission)) {
            for (const Parent &parent : std::as_const(m_parents)) {
                if (parent.resource != grant.first)
                    continue;
                if (!parent.error.isEmpty()) {
                    new QTreeWidgetItem(m_inherited, { permission, parent.label,
                                                       tr("(not readable: %1)").arg(parent.error) });
                    break;
                }
                for (const QString &parentPermission : grant.second) {
                    const QStringList principals = toStringList(parent.permissions.value(parentPermission));
                    if (principals.isEmpty())
                        continue;
                    new QTreeWidgetItem(m_inherited, { permission, tr("%1: %2").arg(parent.label, parentPermission),
                                                       principals.join(QStringLiteral(", ")) });
                }
            }
        }
    }
    for (int column = 0; column < m_inherited->columnCount(); ++column)
        m_inherited->resizeColumnToContents(column);
}

QStringList PermissionsEditor::inheritedPrincipals(const QString &permission) const
{
    QStringList result;
    for (int i = 0; i < m_inherited->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_inherited->topLevelItem(i);
        if (item->text(0) != permission || item->text(2).startsWith(QLatin1Char('(')))
            continue;
        for (const QString &principal : item->text(2).split(QStringLiteral(", "), Qt::SkipEmptyParts)) {
            if (!result.contains(principal))
                result.append(principal);
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

// --- Editing

bool PermissionsEditor::addPrincipal(const QString &permission, const QString &principalText)
{
    if (!m_widgets.contains(permission))
        return false;
    PermissionWidgets &w = m_widgets[permission];
    const QString principal = principalText.trimmed();
    if (principal.isEmpty()) {
        setStatus(tr("Type a principal (account:alice, /buckets/b/groups/g) or pick one."), true);
        return false;
    }
    if (principal.contains(QLatin1Char(' ')) || principal.contains(QLatin1Char('\t'))) {
        setStatus(tr("\"%1\" is not a principal: principals have no spaces.").arg(principal), true);
        return false;
    }
    if (principal == Everyone) {
        w.everyone->setChecked(true);
        return true;
    }
    if (principal == Authenticated) {
        w.authenticated->setChecked(true);
        return true;
    }
    if (!w.list->findItems(principal, Qt::MatchExactly).isEmpty()) {
        setStatus(tr("%1 already has %2.").arg(principal, permission));
        return false;
    }
    auto *item = new QListWidgetItem(principal, w.list);
    if (isGroupPrincipal(principal))
        item->setToolTip(tr("Group %1: its members").arg(principal));
    if (permission == QLatin1String("write") && principal == m_currentUser) {
        item->setToolTip(tr("You: Kinto keeps the user who saves in write."));
        QFont font = item->font();
        font.setItalic(true);
        item->setFont(font);
    }
    return true;
}

bool PermissionsEditor::removePrincipal(const QString &permission, const QString &principal)
{
    if (!m_widgets.contains(permission))
        return false;
    PermissionWidgets &w = m_widgets[permission];
    if (principal == Everyone || principal == Authenticated) {
        QCheckBox *box = principal == Everyone ? w.everyone : w.authenticated;
        const bool was = box->isChecked();
        box->setChecked(false);
        return was;
    }
    if (permission == QLatin1String("write") && principal == m_currentUser) {
        setStatus(tr("%1 stays in write: Kinto adds the user who saves anyway.").arg(principal));
        return false;
    }
    const auto items = w.list->findItems(principal, Qt::MatchExactly);
    if (items.isEmpty())
        return false;
    qDeleteAll(items);
    return true;
}

QStringList PermissionsEditor::principals(const QString &permission) const
{
    const auto it = m_widgets.constFind(permission);
    if (it == m_widgets.cend())
        return {};
    QStringList result;
    if (it->everyone->isChecked())
        result.append(Everyone);
    if (it->authenticated->isChecked())
        result.append(Authenticated);
    for (int row = 0; row < it->list->count(); ++row)
        result.append(it->list->item(row)->text());
    std::sort(result.begin(), result.end());
    return result;
}

QJsonObject PermissionsEditor::currentPermissions() const
{
    QJsonObject permissions;
    for (const QString &permission : std::as_const(m_permissionNames))
        permissions.insert(permission, QJsonArray::fromStringList(principals(permission)));
    return permissions;
}

QJsonObject PermissionsEditor::permissionsToSave() const
{
    QJsonObject permissions = currentPermissions();
    if (!m_currentUser.isEmpty() && permissions.contains(QLatin1String("write"))) {
        QStringList writers = toStringList(permissions.value(QLatin1String("write")));
        if (!writers.contains(m_currentUser)) {
            writers.append(m_currentUser);
            std::sort(writers.begin(), writers.end());
            permissions.insert(QLatin1String("write"), QJsonArray::fromStringList(writers));
        }
    }
    return permissions;
}

bool PermissionsEditor::isModified() const
{
    if (!m_loaded)
        return false;
    for (const QString &permission : std::as_const(m_permissionNames)) {
        QStringList before = toStringList(m_objectPermissions.value(permission));
        QStringList now = principals(permission);
        if (permission == QLatin1String("write") && !m_currentUser.isEmpty() && !before.contains(m_currentUser))
            before.append(m_currentUser); // shown from the start: not an edit of the user's
        std::sort(before.begin(), before.end());
        if (before != now)
            return true;
    }
    return false;
}

// --- Saving

void PermissionsEditor::save()
{
    if (!m_loaded || m_saving || !m_client)
        return;
    const QJsonObject permissions = permissionsToSave();
    KintoWrite write;
    write.ifMatch = m_lastModified; // refused (412) if the object changed since it was loaded
    write.safe = m_lastModified > 0;
    Job *job = m_client->patch(m_ref, KintoPatch::basic({}, permissions), write);
    m_saveJob = job;
    m_saving = true;
    setBusy(true);
    setStatus(tr("Saving…"));
    qCInfo(lcPermissions) << "saving the permissions of" << m_client->endpoint(m_ref);
    connect(job, &Job::finished, this, [this, job] {
        m_saving = false;
        setBusy(false);
        if (job->hasError()) {
            const ApiError error = job->error();
            if (error.isPreconditionFailed()) {
                setStatus(tr("Someone changed this object after you opened it (HTTP 412): nothing was saved. "
                             "Your edits are still here; Reload shows the server's version."), true);
            } else {
                setStatus(tr("Could not save: %1").arg(error.toString()), true);
            }
            Q_EMIT saveFailed(error);
            return;
        }
        const QJsonObject body = job->result().toObject();
        m_objectPermissions = body.value(QLatin1String("permissions")).toObject();
        m_lastModified = body.value(QLatin1String("data")).toObject().value(QLatin1String("last_modified")).toVariant().toLongLong();
        setStatus(tr("Saved."));
        Q_EMIT saved(m_objectPermissions);
        accept();
    });
}

void PermissionsEditor::reject()
{
    if (m_saving)
        return; // the answer decides: wait for it
    if (isModified() && !Prompt::question(this, tr("Permissions"), tr("Discard your changes to the permissions?")))
        return;
    QDialog::reject();
}
