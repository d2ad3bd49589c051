#pragma once

// Shared by the libFuzzer targets: one QCoreApplication for the process, quiet Qt logging, and
// the input as a QByteArray.

#include <QByteArray>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

namespace FuzzSupport {

inline QCoreApplication *app()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = { name, nullptr };
    static QCoreApplication *instance = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
        return new QCoreApplication(argc, argv);
    }();
    return instance;
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace FuzzSupport
