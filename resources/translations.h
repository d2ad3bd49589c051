#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

// The application's translations: ours are compiled in (":/tenantdesk/i18n/tenantdesk_<lang>.qm",
// made from resources/translations/*.ts), Qt's own (qtbase_<lang>.qm: standard buttons, context
// menus) are read from QLibraryInfo::TranslationsPath.
namespace Translations {

// Installs on `app` (which owns them) our translator and Qt's for the first of `locale`'s UI
// languages that we ship, unless English (the source language, needing none) comes before it.
// Returns the files loaded (empty for English or a language we do not ship). Call before any
// widget is made.
QStringList install(QCoreApplication *app, const QLocale &locale);

// The languages we ship a translation for (e.g. "fr"), English excluded.
QStringList available();

} // namespace Translations
