#include "kandjiselfservice.h"

#include "kandjiclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>

KandjiSelfServiceBox::KandjiSelfServiceBox(KandjiClient *client, const QJsonObject &item, QWidget *parent)
    : QWidget(parent)
    , m_show(new QCheckBox(tr("Show in Self Service"), this))
    , m_category(new QComboBox(this))
    , m_recommended(new QCheckBox(tr("Recommended"), this))
    , m_initialCategory(item.value(QLatin1String("self_service_category_id")).toString())
{
    m_show->setObjectName(QStringLiteral("showInSelfService"));
    m_category->setObjectName(QStringLiteral("selfServiceCategory"));
    m_recommended->setObjectName(QStringLiteral("selfServiceRecommended"));
    m_show->setChecked(item.value(QLatin1String("show_in_self_service")).toBool());
    m_recommended->setChecked(item.value(QLatin1String("self_service_recommended")).toBool());
    m_category->addItem(tr("(no category)"), QString());
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_show);
    form->addRow(tr("Category:"), m_category);
    form->addRow(m_recommended);
    auto sync = [this] {
        m_category->setEnabled(m_show->isChecked());
        m_recommended->setEnabled(m_show->isChecked());
    };
    sync();
    connect(m_show, &QCheckBox::toggled, this, [this, sync] { sync(); Q_EMIT changed(); });
    connect(m_category, &QComboBox::currentIndexChanged, this, &KandjiSelfServiceBox::changed);
    connect(m_recommended, &QCheckBox::toggled, this, &KandjiSelfServiceBox::changed);

    KandjiListJob *job = client->categories();
    connect(job, &Job::finished, this, [this, job] {
        const QSignalBlocker blocker(m_category);
        for (const QJsonValue &v : job->result().toObject().value(QLatin1String("results")).toArray()) {
            const QJsonObject c = v.toObject();
            m_category->addItem(c.value(QLatin1String("name")).toString(), c.value(QLatin1String("id")).toString());
            if (c.value(QLatin1String("id")).toString() == m_initialCategory)
                m_category->setCurrentIndex(m_category->count() - 1);
        }
        if (job->hasError())
            m_category->setToolTip(tr("The categories could not be loaded: %1").arg(job->error().toString()));
        m_loaded = true;
        Q_EMIT categoriesReady();
    });
}

QJsonObject KandjiSelfServiceBox::fields() const
{
    QJsonObject fields { { QStringLiteral("show_in_self_service"), m_show->isChecked() },
                         { QStringLiteral("self_service_recommended"), m_show->isChecked() && m_recommended->isChecked() } };
    // Until the categories arrive the item keeps the category it had.
    const QString category = m_loaded ? m_category->currentData().toString() : m_initialCategory;
    if (m_show->isChecked() && !category.isEmpty())
        fields.insert(QStringLiteral("self_service_category_id"), category);
    return fields;
}
