#include "jamfroleeditor.h"

#include "jamfclient.h"
#include "jamfprivilegemodel.h"
#include "jamfprivileges.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

JamfRoleEditor::JamfRoleEditor(JamfClient *client, const JamfRole &role, QWidget *parent)
    : EditorBase(parent)
    , m_client(client)
    , m_role(role)
    , m_model(new JamfPrivilegeModel(this))
    , m_filter(new JamfPrivilegeFilter(this))
{
    setWindowTitle(role.id.isEmpty() ? tr("New API role") : tr("API role %1").arg(role.displayName));

    auto *form = new QFormLayout;
    m_name = new QLineEdit(role.displayName);
    m_name->setObjectName(QStringLiteral("displayName"));
    form->addRow(tr("&Display name:"), m_name);
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->addItem(tr("(none)"));
    for (const auto &preset : presets())
        m_preset->addItem(preset.first);
    form->addRow(tr("&Preset:"), m_preset);
    contentLayout()->addLayout(form);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("filter"));
    m_search->setPlaceholderText(tr("Filter privileges, e.g. \"read computers\""));
    m_search->setClearButtonEnabled(true);
    contentLayout()->addWidget(m_search);

    m_filter->setSourceModel(m_model);
    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("privileges"));
    m_tree->setModel(m_filter);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    contentLayout()->addWidget(m_tree, 1);
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("selectedCount"));
    contentLayout()->addWidget(m_count);

    m_model->setSelected(role.privileges);
    updateCount(m_model->selectedCount());
    resize(520, 640);

    connect(m_name, &QLineEdit::textEdited, this, [this] { setModified(true); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        if (!text.trimmed().isEmpty())
            m_tree->expandAll(); // what matches is what the user wants to see
    });
    connect(m_preset, &QComboBox::activated, this, &JamfRoleEditor::applyPreset);
    connect(m_model, &JamfPrivilegeModel::selectionChanged, this, [this](int count) {
        updateCount(count);
        setModified(true);
    });

    // The server's own catalogue (a newer server knows more names); the compiled-in one meanwhile.
    if (m_client) {
        Job *job = m_client->privileges();
        connect(job, &Job::finished, this, [this, job] {
            if (job->hasError())
                return; // the compiled-in list stays; saving will say what the server refuses
            QStringList names;
            for (const QJsonValue &v : job->result().toArray())
                names << v.toString();
            const bool modified = isModified();
            const QStringList selected = m_model->selected();
            m_model->setCatalogue(names);
            m_model->setSelected(selected); // names the server does not list stay visible
            setModified(modified);
        });
    }
    setModified(false);
}

QList<QPair<QString, QStringList>> JamfRoleEditor::presets()
{
    QStringList readOnly;
    for (const QString &privilege : JamfPrivileges::catalogue()) {
        if (privilege.startsWith(QLatin1String("Read ")))
            readOnly << privilege;
    }
    return { { tr("Patcher (read-only reports)"), JamfPrivileges::patcherPreset() },
        { tr("Read everything"), readOnly },
        { tr("Manage API roles and clients"),
            { QStringLiteral("Create API Integrations"), QStringLiteral("Read API Integrations"),
                QStringLiteral("Update API Integrations"), QStringLiteral("Delete API Integrations"),
                QStringLiteral("Create API Roles"), QStringLiteral("Read API Roles"), QStringLiteral("Update API Roles"),
                QStringLiteral("Delete API Roles") } } };
}

void JamfRoleEditor::applyPreset(int index)
{
    if (index <= 0)
        return;
    m_model->setSelected(presets().at(index - 1).second);
    if (m_name->text().trimmed().isEmpty() && index == 1)
        m_name->setText(QStringLiteral("Patcher-Role"));
}

void JamfRoleEditor::updateCount(int count)
{
    m_count->setText(tr("%n privilege(s) selected", nullptr, count));
}

QStringList JamfRoleEditor::validateInput()
{
    QStringList problems;
    if (m_name->text().trimmed().isEmpty())
        problems << tr("Enter a display name.");
    if (!m_client)
        problems << tr("The tenant's session is closed.");
    return problems;
}

void JamfRoleEditor::startApply()
{
    JamfRole role = m_role;
    role.displayName = m_name->text().trimmed();
    role.privileges = m_model->selected();
    Job *job = role.id.isEmpty() ? m_client->createRole(role) : m_client->replaceRole(role);
    connect(job, &Job::finished, this, [this, job] {
        if (job->hasError()) {
            const ApiError &error = job->error();
            QString text = error.message();
            if (error.serviceCode() == QLatin1String("DUPLICATE_FIELD"))
                text = tr("An API role named \"%1\" exists already: choose another name, or edit that role.")
                           .arg(m_name->text().trimmed());
            finishApply(false, text.isEmpty() ? error.toString() : text);
            return;
        }
        m_role = JamfRole::fromJson(job->result().toObject());
        setWindowTitle(tr("API role %1").arg(m_role.displayName));
        finishApply(true);
        Q_EMIT saved(m_role);
    });
}
