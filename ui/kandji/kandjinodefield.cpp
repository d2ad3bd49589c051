#include "kandjinodefield.h"

#include "kandjiclient.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

KandjiNodeField::KandjiNodeField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    m_edit->setObjectName(QStringLiteral("assignmentNode"));
    m_edit->setPlaceholderText(tr("Node id, such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(tr("In Kandji's web app, open the map and hold the Option (⌥) key: each node shows its id."));
    m_problem->setObjectName(QStringLiteral("nodeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    auto *hint = new QLabel(tr("A map blueprint assigns items to one node of its map. Find the node's id in Kandji's "
                               "web app: open the map and hold the Option (⌥) key."), this);
    hint->setObjectName(QStringLiteral("nodeHint"));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Assignment &node:"), m_edit);
    layout->addRow(hint);
    layout->addRow(m_problem);
    connect(m_edit, &QLineEdit::textChanged, this, &KandjiNodeField::update);
}

bool KandjiNodeField::isMap(const QJsonObject &blueprint)
{
    return blueprint.value(QLatin1String("type")).toString() == QLatin1String("map");
}

void KandjiNodeField::setNode(const QString &id)
{
    if (id.compare(m_edit->text().trimmed(), Qt::CaseInsensitive) != 0) // the same node as typed is kept as typed
        m_edit->setText(id);
}

QString KandjiNodeField::node() const
{
    QString normalized;
    return KandjiClient::isValidId(m_edit->text().trimmed(), &normalized) ? normalized : QString();
}

QString KandjiNodeField::problem() const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty())
        return tr("Enter the assignment node: a map blueprint needs the id of the node to assign to "
                  "(in Kandji's web app, open the map and hold the Option (⌥) key).");
    if (node().isEmpty())
        return tr("\"%1\" is not an assignment node id: a node id is a UUID, such as "
                  "3f2504e0-4f89-41d3-9a0c-0305e82c3301.").arg(text);
    return {};
}

bool KandjiNodeField::check()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    if (!why.isEmpty())
        m_edit->setFocus();
    return why.isEmpty();
}

void KandjiNodeField::update()
{
    // A wrong shape is named as it is typed; an empty field only when something is to be sent.
    const QString why = m_edit->text().trimmed().isEmpty() ? QString() : problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    if (!node().isEmpty())
        Q_EMIT nodeChanged(node());
}
