#pragma once

#include <QString>

// RFC 7636 Proof Key for Code Exchange, S256 only (the "plain" method is never used).
struct Pkce
{
    QString verifier;  // 43 characters of base64url from 32 random bytes (the RFC's recommendation)
    QString challenge; // BASE64URL(SHA256(verifier)), no padding

    static Pkce generate();
    static QString challengeFor(const QString &verifier);
};
