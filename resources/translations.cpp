#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace {

const QString OurDirectory = QStringLiteral(":/tenantdesk/i18n");

} // namespace

namespace Translations {

QStringList install(QCoreApplication *app, const QLocale &locale)
{
    auto ours = std::make_unique<QTranslator>(app);
    // The locale's UI languages in the user's order (LANGUAGE="de:fr:en"): the first we ship wins,
    // and English, met first, means no translation. tenantdesk_fr_CA falls back to tenantdesk_fr.
    bool found = false;
    for (const QString &name : locale.uiLanguages()) {
        const QLocale language(name);
        if (language.language() == QLocale::English)
            return {};
        if (ours->load(QStringLiteral("tenantdesk_") + language.name(), OurDirectory)) {
            found = true;
            break;
        }
    }
    if (!found)
        return {};
    QStringList loaded{ours->filePath()};
    auto qt = std::make_unique<QTranslator>(app);
    // Qt's for the same language as ours; our translation is used without it when it is missing.
    if (qt->load(QLocale(ours->language()), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        loaded << qt->filePath();
        QCoreApplication::installTranslator(qt.release());
    }
    QCoreApplication::installTranslator(ours.release());
    return loaded;
}

QStringList available()
{
    QStringList languages;
    const QStringList files = QDir(OurDirectory).entryList({QStringLiteral("tenantdesk_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages << file.mid(int(qstrlen("tenantdesk_"))).chopped(int(qstrlen(".qm")));
    return languages;
}

} // namespace Translations
