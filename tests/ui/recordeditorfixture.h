#pragma once

// Shared by the record editor, conflict dialog and record actions tests: a Kinto sandbox with a
// bucket "shop" holding "things" (a JSON schema using every type the form supports) and "raw" (no
// schema), the client under test, and a separate client that re-reads (and changes) what the
// server holds behind the editor's back.

#include "kintoclient.h"
#include "kintosandbox.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTest>
#include <QWidget>

#include <memory>

namespace RecordEditorFixture {

inline const char ThingsSchema[] = R"json({
  "type": "object",
  "required": ["title", "status"],
  "properties": {
    "title": {"type": "string", "title": "Title", "minLength": 3, "maxLength": 40},
    "code": {"type": "string", "title": "Code", "pattern": "^[A-Z]{3}-[0-9]+$"},
    "status": {"type": "string", "title": "Status", "enum": ["open", "pending", "closed"]},
    "priority": {"type": "integer", "title": "Priority", "minimum": 1, "maximum": 5},
    "count": {"type": "integer", "title": "Count"},
    "price": {"type": "number", "title": "Price", "minimum": 0},
    "done": {"type": "boolean", "title": "Done"},
    "due": {"type": "string", "title": "Due", "format": "date"},
    "seen": {"type": "string", "title": "Seen", "format": "date-time"},
    "homepage": {"type": "string", "title": "Homepage", "format": "uri"},
    "contact": {"type": "string", "title": "Contact", "format": "email"},
    "tags": {"type": "array", "title": "Tags", "items": {"type": "string"}},
    "owner": {"type": "object", "title": "Owner", "required": ["name"],
              "properties": {"name": {"type": "string"}, "email": {"type": "string", "format": "email"}}},
    "parts": {"type": "array", "title": "Parts",
              "items": {"type": "object", "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}}}
  }
})json";

inline QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

struct Server
{
    QNetworkAccessManager nam;
    std::unique_ptr<KintoSandbox> sandbox = std::make_unique<KintoSandbox>();
    std::unique_ptr<KintoClient> client;  // the one under test
    std::unique_ptr<KintoClient> checker; // another session: reads and writes behind the editor's back
    int served = 0;                       // requests the sandbox answered

    // Starts the sandbox and creates the bucket and collections. False (with a reason) on failure.
    bool start(QString *why)
    {
        if (!sandbox->start()) {
            *why = QStringLiteral("sandbox did not start");
            return false;
        }
        sandbox->addAccount(QStringLiteral("alice"), QStringLiteral("alice"));
        QObject::connect(sandbox.get(), &KintoSandbox::requestServed, sandbox.get(), [this] { ++served; });
        KintoClient::Settings settings;
        settings.serverUrl = sandbox->baseUrl();
        settings.auth = QStringLiteral("alice:alice");
        settings.bucket = QStringLiteral("shop");
        client = std::make_unique<KintoConnection>(&nam, settings);
        checker = std::make_unique<KintoConnection>(&nam, settings);
        const QJsonObject things { { QStringLiteral("schema"), json(ThingsSchema) } };
        const auto ok = [why](Job *job) {
            std::unique_ptr<Job> owned(TestSupport::keep(job));
            if (TestSupport::waitFor(job) && !job->hasError())
                return true;
            *why = job->error().toString();
            return false;
        };
        return ok(checker->createBucket(QStringLiteral("shop")))
            && ok(checker->createCollection(QStringLiteral("shop"), QStringLiteral("things"), things))
            && ok(checker->createCollection(QStringLiteral("shop"), QStringLiteral("raw")));
    }

    // The record as the server holds it now (its data); empty when it does not exist.
    QJsonObject record(const QString &collection, const QString &id)
    {
        std::unique_ptr<Job> job(TestSupport::keep(checker->getRecord(QStringLiteral("shop"), collection, id)));
        if (!TestSupport::waitFor(job.get()) || job->hasError())
            return {};
        return job->result().toObject().value(QLatin1String("data")).toObject();
    }

    // Writes a record directly (create or replace, no precondition); returns the server's data.
    QJsonObject put(const QString &collection, const QString &id, const QJsonObject &data)
    {
        KintoWrite unsafe;
        unsafe.safe = false;
        std::unique_ptr<Job> job(TestSupport::keep(
            checker->updateRecord(QStringLiteral("shop"), collection, id, data, unsafe)));
        if (!TestSupport::waitFor(job.get()) || job->hasError())
            return {};
        return job->result().toObject().value(QLatin1String("data")).toObject();
    }
};

// Types into a line edit like a person: click, select all, type (empty text clears it).
inline void typeInto(QWidget *edit, const QString &text)
{
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

} // namespace RecordEditorFixture
