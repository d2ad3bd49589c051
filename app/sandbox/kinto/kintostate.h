#pragma once

#include "kintostore.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

// A file stored by the attachments plugin, served at its "location".
struct KintoAttachmentFile
{
    QByteArray mimetype;
    QByteArray bytes;
};

// The server settings the sandbox honours (Kinto's names in brackets).
struct KintoSettings
{
    QString origin = QStringLiteral("http://127.0.0.1"); // for Next-Page, "url", attachment locations
    int paginateBy = 0;                                    // kinto.paginate_by; 0 = none
    int batchMaxRequests = 25;                             // kinto.batch_max_requests
    QSet<QString> adminPrincipals;                         // allowed everything
    QSet<QString> bucketCreatePrincipals{QStringLiteral("system.Authenticated")}; // bucket_create_principals
    // multiauth.policies = account basicauth: credentials that match no account authenticate as
    // "basicauth:<hmac of user:password>" instead of leaving the request anonymous.
    bool basicAuth = false;
    QByteArray userIdHmacSecret = "sandbox-secret";        // kinto.userid_hmac_secret
};

// Everything a Kinto sandbox holds. Plain values: copying it is cheap (implicit sharing), which is
// how a batch takes a snapshot it can roll back to.
struct KintoState
{
    KintoStore store;
    QHash<QString, KintoAttachmentFile> files; // relative path below /attachments/ -> file
    KintoSettings settings;
};
