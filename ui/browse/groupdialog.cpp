#include "groupdialog.h"

#include "stringlistedit.h"

#include <QFormLayout>
#include <QJsonArray>

GroupDialog::GroupDialog(KintoClient *client, const QString &bucket, const QJsonObject &group,
                         const QStringList &suggestions, QWidget *parent)
    : KintoObjectDialog(client, KintoRef::ofGroup(bucket, {}), group, parent)
    , m_members(new StringListEdit)
{
    setObjectName(QStringLiteral("groupDialog"));
    m_members->setObjectNames(QStringLiteral("members"));
    m_members->setPlaceholderText(tr("account:alice, system.Authenticated, /buckets/%1/groups/…").arg(bucket));
    m_members->setSuggestions(suggestions);
    QStringList current;
    for (const QJsonValue &member : group.value(QLatin1String("members")).toArray())
        current << member.toString();
    m_members->setValues(current);
    form()->addRow(tr("&Members:"), m_members);
    connect(m_members, &StringListEdit::changed, this, [this] { setModified(true); });
    buildForm(tr("group"), {QStringLiteral("members")});
    resize(520, 460);
}

QStringList GroupDialog::members() const
{
    return m_members->values();
}

QStringList GroupDialog::validateFields()
{
    QStringList problems;
    for (const QString &member : m_members->values()) {
        if (member.contains(QLatin1Char(' ')))
            problems << tr("The member \"%1\" contains a space: a principal is written like account:alice.").arg(member);
    }
    return problems;
}

void GroupDialog::writeFields(QJsonObject &data) const
{
    data.insert(QStringLiteral("members"), QJsonArray::fromStringList(m_members->values()));
}
