#include "jamfroleeditor.h"

#include "jamfclient.h"
#include "jamf/jamfprivilegepicker.h"
#include "jamfprivileges.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QVBoxLayout>

JamfRoleEditor::JamfRoleEditor(JamfClient *client, const JamfRole &role, QWidget *parent)
    : EditorBase(parent)
    , m_client(client)
    , m_role(role)
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

    m_picker = new JamfPrivilegePicker;
    contentLayout()->addWidget(m_picker, 1);
    m_picker->setSelected(role.privileges);
    resize(520, 640);

    connect(m_name, &QLineEdit::textEdited, this, [this] { setModified(true); });
    connect(m_preset, &QComboBox::activated, this, &JamfRoleEditor::applyPreset);
    connect(m_picker, &JamfPrivilegePicker::selectionChanged, this, [this] { setModified(true); });

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
            m_picker->setCatalogue(names);
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
    m_picker->setSelected(presets().at(index - 1).second);
    if (m_name->text().trimmed().isEmpty() && index == 1)
        m_name->setText(QStringLiteral("Patcher-Role"));
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
    role.privileges = m_picker->selected();
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

JamfPrivilegeModel *JamfRoleEditor::privilegeModel() const
{
    return m_picker->model();
}
