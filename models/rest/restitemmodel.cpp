#include "restitemmodel.h"

#include "restclient.h"

RestItemModel::RestItemModel(RestClient *client, const RestResource &resource, QObject *parent)
    : PagedListModel(parent)
    , m_resource(resource)
{
    QPointer<RestClient> guarded(client);
    setStrategy(std::make_unique<NextLinkStrategy>(
        [guarded, resource](const PageRequest &request) -> Job * {
            RestResource asked = resource; // the page size asked, where the API takes one
            if (request.pageSize > 0 && asked.paging.pageSize > 0)
                asked.paging.pageSize = request.pageSize;
            return guarded ? guarded->listPage(asked, request.link) : nullptr;
        },
        QStringLiteral("items"), QStringLiteral("next"), QStringLiteral("total")));
    setPageSize(resource.paging.pageSize);
    m_available = resource.itemSchema.value(QLatin1String("properties")).toObject().keys();
    if (m_available.removeAll(resource.idField) > 0 || m_available.isEmpty())
        m_available.prepend(resource.idField);
    connect(this, &QAbstractItemModel::modelReset, this, [this] { m_scanned = 0; });
    connect(this, &PagedListModel::pageLoaded, this, &RestItemModel::learnColumns);
    applyColumns();
}

QString RestItemModel::idAt(int row) const
{
    return row >= 0 && row < loadedCount() ? m_resource.idOf(rowObject(row)) : QString();
}

void RestItemModel::setHiddenColumns(const QStringList &fields)
{
    m_hidden = fields;
    m_hidden.removeDuplicates();
    applyColumns();
}

void RestItemModel::setColumnHidden(const QString &field, bool hidden)
{
    QStringList fields = m_hidden;
    if (hidden)
        fields.append(field);
    else
        fields.removeAll(field);
    setHiddenColumns(fields);
}

void RestItemModel::learnColumns()
{
    const bool fromSchema = m_resource.itemSchema.contains(QLatin1String("properties"));
    const int loaded = loadedCount();
    bool grew = false;
    for (int row = fromSchema ? loaded : m_scanned; row < loaded; ++row) {
        const QJsonObject item = rowObject(row);
        for (auto it = item.begin(); it != item.end(); ++it) {
            if (!m_available.contains(it.key())) {
                m_available.append(it.key());
                grew = true;
            }
        }
    }
    if (grew) {
        applyColumns();
        Q_EMIT availableColumnsChanged(m_available);
    }
    m_scanned = loaded; // after applyColumns(), which may reset the model
}

void RestItemModel::applyColumns()
{
    QStringList shown;
    for (const QString &field : std::as_const(m_available)) {
        if (!m_hidden.contains(field))
            shown.append(field);
    }
    setColumnFields(shown);
}
