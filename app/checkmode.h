#pragma once

#include "appcontext.h"

#include <QString>

class MainWindow;

// The check mode (tenantdesk --check DIR): a run of the window as a user would look at it, for the
// test command and the README's screenshots. Once every tenant is connected and its children are
// listed, it writes into DIR (created when missing), each at 1400x900:
// - window.png: the row selected when the run starts (the first tenant when none), light palette;
// - window-dark.png: the same with a dark palette (Fusion style);
// then for the first tenant of each family (named by the family id, e.g. "kinto"):
// - <family>.png: the tenant's first child node selected (its page);
// - <family>-item.png: the first leaf reached by following first children, its page's first
//   table row opened with Enter (a dialog it opens is drawn over the window);
// - <family>-wizard.png: the family's add-tenant wizard (FamilyUi::openTenantWizard), and
//   <family>-wizard-2.png when that dialog offers another way in (a button of its button box with
//   the ActionRole) that opens a second window.
// Each written file is reported on stdout. Quits the application with 0 when every step passed, 1
// on the first failure (a listing error, no tenant, a file not written) or after 120 s.
void startCheck(MainWindow *window, const AppContext &context, const QString &dir);
