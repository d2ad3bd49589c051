#include "collectiondialog.h"

#include "stringlistedit.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace {
const QString SchemaKey = QStringLiteral("schema");
const QString DisplayFieldsKey = QStringLiteral("displayFields");
const QString SortKey = QStringLiteral("sort");
const QString CacheExpiresKey = QStringLiteral("cache_expires");
} // namespace

CollectionDialog::CollectionDialog(KintoClient *client, const QString &bucket, const QJsonObject &collection,
                                   QWidget *parent)
    : KintoObjectDialog(client, KintoRef::ofCollection(bucket, {}), collection, parent)
    , m_schema(new QPlainTextEdit)
    , m_displayFields(new StringListEdit)
    , m_sort(new QLineEdit)
    , m_cacheExpires(new QSpinBox)
{
    setObjectName(QStringLiteral("collectionDialog"));
    m_schema->setObjectName(QStringLiteral("schemaEdit"));
    m_schema->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_schema->setTabChangesFocus(true);
    m_schema->setPlaceholderText(tr("A JSON schema the records must follow, e.g. {\"type\": \"object\", "
                                    "\"properties\": {\"title\": {\"type\": \"string\"}}}; empty for none"));
    const QJsonObject schema = collection.value(SchemaKey).toObject();
    if (!schema.isEmpty())
        m_schema->setPlainText(QString::fromUtf8(QJsonDocument(schema).toJson()));

    m_displayFields->setObjectNames(QStringLiteral("displayFields"));
    m_displayFields->setPlaceholderText(tr("A field shown as a column of the record list, e.g. title"));
    QStringList fields;
    for (const QJsonValue &field : collection.value(DisplayFieldsKey).toArray())
        fields << field.toString();
    m_displayFields->setValues(fields);

    m_sort->setObjectName(QStringLiteral("sortEdit"));
    m_sort->setPlaceholderText(QStringLiteral("-last_modified"));
    m_sort->setText(collection.value(SortKey).toString());

    m_cacheExpires->setObjectName(QStringLiteral("cacheExpiresSpin"));
    m_cacheExpires->setRange(-1, 365 * 24 * 3600);
    m_cacheExpires->setSpecialValueText(tr("Not set"));
    m_cacheExpires->setSuffix(tr(" s"));
    m_cacheExpires->setValue(collection.contains(CacheExpiresKey) ? collection.value(CacheExpiresKey).toInt() : -1);

    form()->addRow(tr("JSON &schema:"), m_schema);
    form()->addRow(tr("&Display fields:"), m_displayFields);
    form()->addRow(tr("S&ort:"), m_sort);
    form()->addRow(tr("&Cache expires:"), m_cacheExpires);
    connect(m_schema, &QPlainTextEdit::textChanged, this, [this] { setModified(true); });
    connect(m_displayFields, &StringListEdit::changed, this, [this] { setModified(true); });
    connect(m_sort, &QLineEdit::textEdited, this, [this] { setModified(true); });
    connect(m_cacheExpires, &QSpinBox::valueChanged, this, [this] { setModified(true); });
    buildForm(tr("collection"), {SchemaKey, DisplayFieldsKey, SortKey, CacheExpiresKey});
    resize(620, 640);
}

QStringList CollectionDialog::validateFields()
{
    QStringList problems;
    QJsonObject schema;
    parseObject(tr("Schema"), m_schema->toPlainText(), &schema, &problems);
    if (m_sort->text().contains(QLatin1Char(' ')))
        problems << tr("Sort is a comma-separated list of fields, each optionally preceded by \"-\", without spaces.");
    return problems;
}

void CollectionDialog::writeFields(QJsonObject &data) const
{
    QJsonObject schema;
    QStringList ignored; // validated already
    parseObject(QString(), m_schema->toPlainText(), &schema, &ignored);
    if (!schema.isEmpty())
        data.insert(SchemaKey, schema);
    const QStringList fields = m_displayFields->values();
    if (!fields.isEmpty())
        data.insert(DisplayFieldsKey, QJsonArray::fromStringList(fields));
    if (!m_sort->text().trimmed().isEmpty())
        data.insert(SortKey, m_sort->text().trimmed());
    if (m_cacheExpires->value() >= 0)
        data.insert(CacheExpiresKey, m_cacheExpires->value());
}
