#include "restresourcepage.h"

#include "prompt.h"
#include "restclient.h"
#include "restitemeditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

RestResourcePage::RestResourcePage(RestClient *client, const RestResource &resource, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_resource(resource)
    , m_table(new QTableWidget(this))
    , m_status(new QLabel(this))
    , m_loadMore(new QPushButton(tr("Load more"), this))
{
    m_table->setObjectName(QStringLiteral("items"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_loadMore->setObjectName(QStringLiteral("loadMore"));
    auto *title = new QLabel(QStringLiteral("<b>%1</b> — %2").arg(resource.name.toHtmlEscaped(), resource.path.toHtmlEscaped()), this);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("New…"), this);
    add->setObjectName(QStringLiteral("newItem"));
    auto *editButton = new QPushButton(tr("Edit…"), this);
    editButton->setObjectName(QStringLiteral("editItem"));
    auto *remove = new QPushButton(tr("Delete"), this);
    remove->setObjectName(QStringLiteral("deleteItem"));
    for (QPushButton *button : { add, editButton, remove, m_loadMore })
        buttons->addWidget(button);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    // Columns from the schema when there is one (the id first).
    const QStringList properties = resource.itemSchema.value(QLatin1String("properties")).toObject().keys();
    if (!properties.isEmpty()) {
        m_columns = properties;
        if (m_columns.removeAll(resource.idField) > 0)
            m_columns.prepend(resource.idField);
    }
    connect(m_loadMore, &QPushButton::clicked, this, &RestResourcePage::fetch);
    connect(add, &QPushButton::clicked, this, [this] { edit({}); });
    connect(editButton, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            edit(itemAt(m_table->currentRow()));
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) { edit(itemAt(row)); });
    connect(remove, &QPushButton::clicked, this, &RestResourcePage::removeCurrent);
    reload();
}

QJsonObject RestResourcePage::itemAt(int row) const
{
    return m_items.at(row).toObject();
}

void RestResourcePage::reload()
{
    m_items = {};
    m_next.clear();
    m_table->setRowCount(0);
    fetch();
}

void RestResourcePage::fetch()
{
    if (m_fetching || !m_client)
        return;
    m_fetching = true;
    m_loadMore->setEnabled(false);
    m_status->setText(tr("Loading…"));
    Job *job = m_client->listPage(m_resource, m_next);
    connect(job, &Job::finished, this, [this, job] {
        m_fetching = false;
        if (job->hasError()) {
            m_status->setText(tr("Could not list %1: %2").arg(m_resource.path, job->error().toString()));
            m_loadMore->setEnabled(true); // asks the same page again
            Q_EMIT pageLoaded(false);
            return;
        }
        appendRows(job->result()[QLatin1String("items")].toArray());
        m_next = job->result()[QLatin1String("next")].toString();
        const QJsonValue total = job->result()[QLatin1String("total")];
        m_loadMore->setEnabled(!m_next.isEmpty());
        m_status->setText(total.isDouble() ? tr("%1 of %2 items").arg(m_items.size()).arg(total.toInteger())
                                           : tr("%n item(s)", nullptr, int(m_items.size())));
        Q_EMIT pageLoaded(true);
    });
}

void RestResourcePage::appendRows(const QJsonArray &items)
{
    if (m_columns.isEmpty()) {
        for (const QJsonValue &item : items) {
            for (const QString &key : item.toObject().keys()) {
                if (!m_columns.contains(key))
                    m_columns << key;
            }
        }
        if (m_columns.removeAll(m_resource.idField) > 0)
            m_columns.prepend(m_resource.idField);
    }
    m_table->setColumnCount(int(m_columns.size()));
    m_table->setHorizontalHeaderLabels(m_columns);
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        for (int column = 0; column < m_columns.size(); ++column) {
            const QJsonValue cell = RestResource::valueAt(item, m_columns.at(column));
            const QString text = cell.isString() ? cell.toString()
                : cell.isDouble()                ? QString::number(cell.toDouble(), 'g', 15)
                : cell.isBool()                  ? (cell.toBool() ? tr("yes") : tr("no"))
                : cell.isObject()                ? QString::fromUtf8(QJsonDocument(cell.toObject()).toJson(QJsonDocument::Compact))
                : cell.isArray()                 ? QString::fromUtf8(QJsonDocument(cell.toArray()).toJson(QJsonDocument::Compact))
                                                 : QString();
            m_table->setItem(row, column, new QTableWidgetItem(text));
        }
        m_items.append(item);
    }
}

void RestResourcePage::edit(const QJsonObject &item)
{
    if (!m_client)
        return;
    auto *editor = new RestItemEditor(m_client, m_resource, item, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setWindowModality(Qt::WindowModal);
    connect(editor, &RestItemEditor::itemSaved, this, &RestResourcePage::reload);
    m_editor = editor;
    editor->show();
}

void RestResourcePage::removeCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_client)
        return;
    const QString id = m_resource.idOf(itemAt(row));
    if (id.isEmpty() || !Prompt::question(this, tr("Delete item"), tr("Delete %1 %2 on the server?").arg(m_resource.name, id)))
        return;
    RestJob *job = m_client->remove(m_resource.itemEndpoint(id));
    connect(job, &Job::finished, this, [this, job] {
        if (job->hasError())
            m_status->setText(tr("Could not delete: %1").arg(job->error().toString()));
        else
            reload();
        Q_EMIT itemDeleted(!job->hasError());
    });
}
