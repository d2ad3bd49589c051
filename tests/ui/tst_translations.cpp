// Translations as a user meets them: with the French translation loaded the window speaks French,
// and every text the window, its pages, item editors, dialogs and add-tenant wizards show on the
// demo is either a translatable string (one of the .ts template the build extracts from the
// sources) or data from a server, the registry or the user.

#include "demo.h"
#include "families.h"
#include "family/familyui.h"
#include "family/servicefamily.h"
#include "mainwindow.h"
#include "prompt.h"
#include "tenants/sessionmanager.h"
#include "tenanttreemodel.h"
#include "translations.h"
#include "toplevels.h"
#include "visibletexts.h"
#include "windowfixture.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QWizard>

namespace {

constexpr int PageTimeoutMs = 15'000;

// Removes and deletes the translators Translations::install put on the application.
bool inside(const QWidget *widget, const char *className)
{
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (w->inherits(className))
            return true;
    }
    return false;
}

// The mnemonics ("&F") used twice among a menu's visible actions, as "menu: F (A, B)".
QStringList mnemonicClashes(QMenu *menu)
{
    Q_EMIT menu->aboutToShow();
    QHash<QChar, QStringList> users;
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QString text = action->text();
        const qsizetype at = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
        if (at >= 0)
            users[text.at(at + 1).toLower()] << text;
    }
    QStringList clashes;
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        if (it.value().size() > 1)
            clashes << QStringLiteral("%1: %2 (%3)").arg(menu->title(), it.key(), it.value().join(QStringLiteral(", ")));
    }
    return clashes;
}

void removeTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void untranslatedTextIsCaught_data();
    void untranslatedTextIsCaught();
    void frenchWindowSpeaksFrench();
    void everyVisibleTextIsTranslatable();

private:
    // The texts of `texts` that are neither in the catalogue nor data.
    QStringList untranslatable(const QList<VisibleText> &texts) const;
    void addQtTexts();
    bool isData(const QString &text) const;
    bool accounted(const QString &text, int depth) const;
    bool accountedParts(const QString &text, int depth) const;
    void addData(const QAbstractItemModel *model, const QModelIndex &parent = {}, int depth = 0);
    void addViewData(QWidget *root);
    void collect(QWidget *root);
    void settle();
    void visit(const QModelIndex &node, int depth);
    void openFirstItem();
    void openPageDialogs();

    TsCatalogue m_catalogue;
    QSet<QString> m_data;
    QList<VisibleText> m_texts;
    WindowFixture m_fixture;
    int m_busy = 0;
    bool m_french = false; // the French translation is installed
    mutable QHash<std::pair<QString, int>, bool> m_accounted; // accounted()'s answers
    QStringList m_clashes; // mnemonics used twice in a menu of the French window
};

void tst_Translations::initTestCase()
{
    registerFamilies();
    QString error;
    QVERIFY2(m_catalogue.load(QStringLiteral(TENANTDESK_TS_TEMPLATE), &error), qPrintable(error));
    QVERIFY2(m_catalogue.load(QStringLiteral(TENANTDESK_TS_FR), &error, true), qPrintable(error));
    addQtTexts();
    // HTTP methods are protocol words, shown as they are sent.
    for (const char *method : { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" })
        m_data << QLatin1String(method);
}

// Qt translates its own standard buttons (qtbase_<lang>.qm): their texts in the language loaded.
void tst_Translations::addQtTexts()
{
    QDialogButtonBox box;
    for (int button = QDialogButtonBox::FirstButton; button <= QDialogButtonBox::LastButton; button <<= 1) {
        if (QPushButton *b = box.addButton(QDialogButtonBox::StandardButton(button)))
            m_catalogue.add(b->text());
    }
    QWizard wizard;
    for (int which = QWizard::BackButton; which <= QWizard::HelpButton; ++which)
        m_catalogue.add(wizard.buttonText(QWizard::WizardButton(which)));
}

void tst_Translations::untranslatedTextIsCaught_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("caught");
    const QString plain = QStringLiteral("Hello, I am not translatable");
    const QString known = QCoreApplication::translate("MainWindow", "&File");
    for (const char *kind : { "label", "button", "group box", "placeholder", "tooltip", "tab", "window title" })
        QTest::newRow(qPrintable(QStringLiteral("%1 without tr()").arg(QLatin1String(kind))))
            << QString::fromLatin1(kind) << plain << true;
    QTest::newRow("label through tr()") << "label" << known << false;
    QTest::newRow("label with a placeholder filled")
        << "label" << QCoreApplication::translate("KintoFamily", "%n record(s)", nullptr, 3) << false;
    QTest::newRow("label showing a number") << "label" << "1,234" << false;
    QTest::newRow("label showing a URL") << "label" << "https://kinto.example/v1" << false;
}

// The check itself, on a deliberately made widget: a string a developer forgot to wrap in tr()
// is reported, one from the catalogue and data are not.
void tst_Translations::untranslatedTextIsCaught()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(bool, caught);
    QWidget root;
    root.setWindowTitle(QCoreApplication::translate("MainWindow", "&Help"));
    if (kind == QLatin1String("label"))
        new QLabel(text, &root);
    else if (kind == QLatin1String("button"))
        new QPushButton(text, &root);
    else if (kind == QLatin1String("group box"))
        new QGroupBox(text, &root);
    else if (kind == QLatin1String("placeholder"))
        (new QLineEdit(&root))->setPlaceholderText(text);
    else if (kind == QLatin1String("tooltip"))
        (new QLabel(&root))->setToolTip(text);
    else if (kind == QLatin1String("tab"))
        (new QTabWidget(&root))->addTab(new QWidget, text);
    else if (kind == QLatin1String("window title"))
        root.setWindowTitle(text);
    const QStringList found = untranslatable(visibleTexts(&root));
    QCOMPARE(found.size(), caught ? 1 : 0);
    if (caught)
        QVERIFY2(found.first().contains(text), qPrintable(found.first()));
}

void tst_Translations::frenchWindowSpeaksFrench()
{
    const QStringList loaded = Translations::install(qApp, QLocale(QLocale::French, QLocale::France));
    QVERIFY2(!loaded.isEmpty() && loaded.first().endsWith(QLatin1String("tenantdesk_fr.qm")), qPrintable(loaded.join(u' ')));
    QVERIFY(Translations::available().contains(QStringLiteral("fr")));
    QTemporaryDir dir;
    QVERIFY(m_fixture.open(dir));
    QStringList menus;
    for (QAction *action : m_fixture.window->menuBar()->actions())
        menus << action->text();
    QCOMPARE(menus, QStringList({ QStringLiteral("&Fichier"), QStringLiteral("&Édition"), QStringLiteral("&Affichage"),
                                 QStringLiteral("&Locataire"), QStringLiteral("&Outils"), QStringLiteral("Ai&de") }));
    // Qt's own strings come from qtbase_fr.qm.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
    m_fixture.close();
    removeTranslators();
    QCOMPARE(Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates)), QStringList());
}

bool tst_Translations::isData(const QString &text) const
{
    static const QRegularExpression letters(QStringLiteral("\\p{L}"));
    static const QRegularExpression urlOrPath(QStringLiteral("^(\\w+://|/)\\S*$"));
    // Hashes and UUIDs; field names as a server spells them ("-last_modified": a sort order).
    static const QRegularExpression token(QStringLiteral("^([0-9a-fA-F:-]{16,}|[-+]?\\w+_\\w+)$"));
    const QString trimmed = text.trimmed();
    return !trimmed.contains(letters) || urlOrPath.match(trimmed).hasMatch() || token.match(trimmed).hasMatch()
        || m_data.contains(trimmed);
}

// A text is accounted for when it is in the catalogue, is data, fills a format of the catalogue
// with accounted texts ("%1: %2"), or is accounted texts joined by separators ("Bucket: main ·
// 3 collections", breadcrumbs). Rich text is read as the plain text it shows.
bool tst_Translations::accounted(const QString &text, int depth) const
{
    if (m_catalogue.knows(text) || isData(text))
        return true;
    if (depth >= 4)
        return false;
    const auto cached = m_accounted.constFind({text, depth});
    if (cached != m_accounted.cend())
        return *cached;
    const bool result = accountedParts(text, depth);
    m_accounted.insert({text, depth}, result);
    return result;
}

bool tst_Translations::accountedParts(const QString &text, int depth) const
{
    static const QRegularExpression separators(QStringLiteral("\\s*(?:\\n|·|—|›|/|: |, | : )\\s*"));
    if (Qt::mightBeRichText(text)) {
        const QString plain = QTextDocumentFragment::fromHtml(text).toPlainText();
        if (plain != text)
            return accounted(plain, depth + 1);
    }
    for (const QStringList &parts : m_catalogue.fills(text)) {
        if (std::all_of(parts.cbegin(), parts.cend(), [&](const QString &part) { return accounted(part, depth + 1); }))
            return true;
    }
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    return parts.size() > 1
        && std::all_of(parts.cbegin(), parts.cend(), [&](const QString &part) { return accounted(part, depth + 1); });
}

QStringList tst_Translations::untranslatable(const QList<VisibleText> &texts) const
{
    QStringList found;
    QSet<QString> seen;
    for (const VisibleText &visible : texts) {
        if (seen.contains(visible.text))
            continue;
        seen.insert(visible.text);
        if (m_french && m_catalogue.hasTranslation(visible.text))
            found << QStringLiteral("\"%1\" (%2): shown in English, though the translation has it: tr() is called "
                                    "in another context than lupdate saw").arg(visible.text, visible.where);
        else if (!accounted(visible.text, 0))
            found << QStringLiteral("\"%1\" (%2)").arg(visible.text, visible.where);
    }
    return found;
}

void tst_Translations::addData(const QAbstractItemModel *model, const QModelIndex &parent, int depth)
{
    const int rows = qMin(model->rowCount(parent), 200);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            const QString text = index.data().toString().trimmed();
            if (!text.isEmpty())
                m_data.insert(text);
            m_data.insert(index.data(TenantTreeModel::NodeIdRole).toString());
            // The badge a family puts after a node's name (server values: "once", "classic").
            const QJsonObject node = index.data(TenantTreeModel::NodeRole).toJsonObject();
            for (const QString &part : node.value(QLatin1String("badge")).toString().split(QStringLiteral(" · ")))
                m_data.insert(part.trimmed());
            // A tenant's identity, as its server reports it.
            const QJsonObject identity = index.data(TenantTreeModel::IdentityRole).toJsonObject();
            for (const char *key : { "user", "authMethod", "serverVersion" })
                m_data.insert(identity.value(QLatin1String(key)).toString());
            QStringList capabilities;
            for (const QJsonValue &capability : identity.value(QLatin1String("capabilities")).toArray())
                capabilities << capability.toString();
            m_data.unite(QSet<QString>(capabilities.cbegin(), capabilities.cend()));
            m_data << capabilities.join(QStringLiteral(", "));
            if (column == 0 && depth < 8 && model->hasChildren(index))
                addData(model, index, depth + 1);
        }
    }
}

void tst_Translations::addViewData(QWidget *root)
{
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        QAbstractItemModel *model = view->model();
        if (!model)
            continue;
        addData(model);
        // A REST resource's columns are its items' JSON keys.
        if (inside(view, "RestResourcePage")) {
            for (int column = 0; column < model->columnCount(); ++column)
                m_data.insert(model->headerData(column, Qt::Horizontal).toString());
        }
    }
    // A record form's labels are the titles in the collection's JSON schema (" *": required).
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (label->buddy() && inside(label, "SchemaForm")) {
            QString title = label->text();
            m_data.insert(title);
            if (title.endsWith(QLatin1String(" *")))
                m_data.insert(title.chopped(2));
        }
    }
}

void tst_Translations::collect(QWidget *root)
{
    addViewData(root);
    if (auto *window = qobject_cast<MainWindow *>(root); window && m_french) {
        for (QAction *action : window->menuBar()->actions()) {
            for (const QString &clash : mnemonicClashes(action->menu())) {
                if (!m_clashes.contains(clash))
                    m_clashes << clash;
            }
        }
    }
    if (auto *wizard = qobject_cast<QWizard *>(root)) {
        for (int id : wizard->pageIds())
            m_texts += visibleTexts(wizard->page(id));
    }
    m_texts += visibleTexts(root);
}

void tst_Translations::settle()
{
    if (!QTest::qWaitFor([this] { return m_busy == 0; }, PageTimeoutMs))
        qWarning("requests still in flight after %d ms; collecting the page as it is", PageTimeoutMs);
    QTest::qWait(150);
}

// Shows `node`'s page, and the pages of its first child down to a leaf; the leaf's first item
// is opened.
void tst_Translations::visit(const QModelIndex &node, int depth)
{
    m_fixture.click(node);
    settle();
    collect(m_fixture.window.get());
    openPageDialogs();
    TenantTreeModel *model = m_fixture.model;
    if (depth < 5 && model->hasChildren(node)) {
        m_fixture.tree->expand(node);
        if (!QTest::qWaitFor([&] { return !model->canFetchMore(node) && !node.data(TenantTreeModel::LoadingRole).toBool(); },
                             PageTimeoutMs))
            qWarning("%s: children not listed after %d ms", qPrintable(node.data().toString()), PageTimeoutMs);
        const QModelIndex child = model->index(0, 0, node);
        if (child.isValid() && child.data(TenantTreeModel::NodeKindRole).toString() != TenantTreeModel::MessageKind) {
            visit(child, depth + 1);
            return;
        }
    }
    openFirstItem();
}

// Triggers each action of the Edit menu that opens a dialog ("…"), as the page now shows it, and
// collects the dialog. Questions are answered no (Prompt) and their text collected; a modal
// box of Qt's own (a file dialog) is closed unread.
void tst_Translations::openPageDialogs()
{
    QMenu *edit = m_fixture.window->findChild<QMenu *>(QStringLiteral("editMenu"));
    if (!edit)
        return;
    Q_EMIT edit->aboutToShow();
    const QList<QAction *> actions = edit->actions();
    for (const QPointer<QAction> action : actions) {
        if (!action || !action->isEnabled() || !action->isVisible() || !action->text().endsWith(u'…')
            || action->objectName().contains(QLatin1String("Tenant")))
            continue;
        const QSet<QWidget *> before = TopLevels::visible();
        QTimer blocked; // fires only while trigger() runs a modal loop of its own
        blocked.setSingleShot(true);
        connect(&blocked, &QTimer::timeout, this, [] {
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
        });
        blocked.start(2000);
        action->trigger();
        blocked.stop();
        settle();
        if (!Prompt::lastMessage().isEmpty())
            m_texts.append({Prompt::lastMessage(), action->text() + QStringLiteral(" › prompt")});
        if (QPointer<QWidget> opened = TopLevels::shownSince(before).value(0)) {
            collect(opened);
            opened->close();
            settle();
        }
    }
}

void tst_Translations::openFirstItem()
{
    QWidget *page = m_fixture.window->currentPage();
    if (!page)
        return;
    for (QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
        if (!view->isVisible() || !view->model() || view->model()->rowCount() == 0)
            continue;
        const QSet<QWidget *> before = TopLevels::visible();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        settle();
        if (QPointer<QWidget> opened = TopLevels::shownSince(before).value(0)) {
            collect(opened);
            opened->close();
        }
        return;
    }
}

// Walked in French: a text is English only where the code did not ask for a translation (or
// the translation is not done yet: then it is a source of the template).
void tst_Translations::everyVisibleTextIsTranslatable()
{
    QVERIFY(!Translations::install(qApp, QLocale(QLocale::French, QLocale::France)).isEmpty());
    m_french = true;
    Prompt::setAnswerForTests(false);
    addQtTexts();
    QTemporaryDir dir;
    QVERIFY(m_fixture.open(dir));
    MainWindow *window = m_fixture.window.get();
    connect(m_fixture.sessions.get(), &SessionManager::activityChanged, this,
            [this](int inFlight, int queued) { m_busy = inFlight + queued; });
    QString error;
    QVERIFY2(startDemo(*m_fixture.registry, *m_fixture.secrets, window, &error), qPrintable(error));
    for (const ServiceFamily *family : ServiceFamilies::all())
        m_data << family->displayName(); // product names: Kinto, Jamf Pro, ...
    for (const Tenant &tenant : m_fixture.registry->tenants())
        m_data << tenant.id << tenant.displayName << tenant.baseUrl.toString() << tenant.userName;
    window->resize(1400, 900);
    collect(window); // the welcome page

    TenantTreeModel *model = m_fixture.model;
    QVERIFY(model->rowCount() >= 4);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QPersistentModelIndex tenant(model->index(row, 0));
        m_fixture.tree->expand(tenant); // connects the tenant and lists its children
        QVERIFY2(QTest::qWaitFor([&] { return model->rowCount(tenant) > 0 && !tenant.data(TenantTreeModel::LoadingRole).toBool(); },
                                 PageTimeoutMs), qPrintable(tenant.data().toString()));
        m_fixture.click(tenant);
        settle();
        collect(window); // the tenant page
        for (int child = 0; child < model->rowCount(tenant); ++child) {
            const QModelIndex node = model->index(child, 0, tenant);
            if (node.data(TenantTreeModel::NodeKindRole).toString() != TenantTreeModel::MessageKind)
                visit(node, 1);
        }
    }
    addData(model);

    // Each family's add-tenant wizard (every page), and what its extra button opens.
    for (const FamilyUi *ui : FamilyUis::all()) {
        const QSet<QWidget *> before = TopLevels::visible();
        QPointer<QWidget> wizard = ui->openTenantWizard(window, m_fixture.context(), std::nullopt);
        QVERIFY2(wizard, qPrintable(ui->familyId()));
        collect(wizard);
        if (auto *box = wizard->findChild<QDialogButtonBox *>()) {
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) != QDialogButtonBox::ActionRole)
                    continue;
                const QSet<QWidget *> shown = TopLevels::visible();
                button->click();
                settle();
                if (QPointer<QWidget> second = TopLevels::shownSince(shown).value(0)) {
                    collect(second);
                    second->close();
                }
                break;
            }
        }
        if (wizard)
            wizard->close();
        Q_UNUSED(before);
    }
    // The window's own dialogs.
    m_fixture.click(model->index(0, 0));
    settle();
    for (QWidget *dialog : { window->openPreferences(), window->openComposer() }) {
        QVERIFY(dialog);
        collect(dialog);
        dialog->close();
    }

    const QStringList found = untranslatable(m_texts);
    qInfo("%lld texts seen, %d strings in the catalogue", qlonglong(m_texts.size()), m_catalogue.size());
    for (const QString &text : found)
        qWarning("not through tr(): %s", qPrintable(text));
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 visible text(s) not through tr(), or not in the "
                                                        "template %2 (listed above)")
                                             .arg(found.size()).arg(QStringLiteral(TENANTDESK_TS_TEMPLATE))));
    // Within one menu each French accelerator letter is used once.
    QVERIFY2(m_clashes.isEmpty(), qPrintable(m_clashes.join(QLatin1Char('\n'))));
    m_fixture.close();
    removeTranslators();
    m_french = false;
    Prompt::setAnswerForTests(std::nullopt);
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
