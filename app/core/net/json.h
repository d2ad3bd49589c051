#pragma once

#include <QByteArray>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

// JSON helpers shared by the clients, the tools and the editors.
namespace Json {

// Compact serialisation of any JSON value, scalars included.
QByteArray toBytes(const QJsonValue &value);

// Parses any JSON value, scalars included. On failure returns false and, if given, sets *error to
// "line L, column C: <reason>".
bool parse(const QByteArray &text, QJsonValue *value, QString *error = nullptr);

} // namespace Json
