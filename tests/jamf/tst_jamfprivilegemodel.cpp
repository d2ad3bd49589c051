// The role editor's privilege picker model and its type-ahead filter, under QAbstractItemModelTester.

#include "jamfprivilegemodel.h"
#include "jamfprivileges.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class tst_JamfPrivilegeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsTheCatalogue();
    void checkPrivilegeAndGroup();
    void unknownSelectedNamesStay();
    void filter_data();
    void filter();

private:
    static QModelIndex groupOf(const QAbstractItemModel &model, const QString &name)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            if (index.data(JamfPrivilegeModel::GroupRole).toString() == name)
                return index;
        }
        return {};
    }
};

void tst_JamfPrivilegeModel::groupsTheCatalogue()
{
    JamfPrivilegeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int total = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        total += model.rowCount(model.index(row, 0));
    QCOMPARE(total, JamfPrivileges::catalogue().size());
    const QModelIndex api = groupOf(model, QStringLiteral("API Integrations"));
    QVERIFY(api.isValid());
    QStringList names;
    for (int row = 0; row < model.rowCount(api); ++row)
        names << model.index(row, 0, api).data(JamfPrivilegeModel::PrivilegeRole).toString();
    QCOMPARE(names, (QStringList { QStringLiteral("Create API Integrations"), QStringLiteral("Delete API Integrations"),
                        QStringLiteral("Read API Integrations"), QStringLiteral("Update API Integrations") }));
    QVERIFY(model.rowCount() > 100);
}

void tst_JamfPrivilegeModel::checkPrivilegeAndGroup()
{
    JamfPrivilegeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &JamfPrivilegeModel::selectionChanged);
    const QModelIndex group = groupOf(model, QStringLiteral("API Roles"));
    const QModelIndex read = model.index(2, 0, group); // Read API Roles
    QCOMPARE(read.data().toString(), QStringLiteral("Read API Roles"));

    QVERIFY(model.setData(read, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(group.data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
    QCOMPARE(group.data().toString(), QStringLiteral("API Roles (1 of 4)"));
    QCOMPARE(model.selected(), QStringList { QStringLiteral("Read API Roles") });
    QCOMPARE(changed.last().at(0).toInt(), 1);

    QVERIFY(model.setData(group, Qt::Checked, Qt::CheckStateRole)); // select all in the group
    QCOMPARE(model.selectedCount(), 4);
    QCOMPARE(group.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.setData(group, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.selectedCount(), 0);

    model.setSelected(JamfPrivileges::patcherPreset());
    QCOMPARE(model.selectedCount(), 12);
    QCOMPARE(groupOf(model, QStringLiteral("API Integrations")).data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
}

void tst_JamfPrivilegeModel::unknownSelectedNamesStay()
{
    JamfPrivilegeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelected({ QStringLiteral("Read Computers"), QStringLiteral("Read Teleporters") });
    QCOMPARE(model.selectedCount(), 2);
    const QModelIndex group = groupOf(model, QStringLiteral("Teleporters"));
    QVERIFY(group.isValid());
    QCOMPARE(model.index(0, 0, group).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    model.setCatalogue(JamfPrivileges::catalogue()); // the server's list, without it
    QCOMPARE(model.selected(), QStringList { QStringLiteral("Read Computers") });
}

void tst_JamfPrivilegeModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("groups");
    QTest::addColumn<int>("firstGroupRows");
    QTest::newRow("privilege words") << "api integr" << 1 << 4;
    QTest::newRow("a group name shows all of it") << "Mobile Device Applications" << 1 << 4;
    QTest::newRow("nothing") << "zzzz" << 0 << 0;
}

void tst_JamfPrivilegeModel::filter()
{
    QFETCH(QString, text);
    QFETCH(int, groups);
    QFETCH(int, firstGroupRows);
    JamfPrivilegeModel model;
    JamfPrivilegeFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const QChar ch : text) // typed letter by letter
        filter.setText(filter.text() + ch);
    QCOMPARE(filter.rowCount(), groups);
    if (groups > 0)
        QCOMPARE(filter.rowCount(filter.index(0, 0)), firstGroupRows);
    filter.setText(QString());
    QCOMPARE(filter.rowCount(), model.rowCount());
}

QTEST_GUILESS_MAIN(tst_JamfPrivilegeModel)
#include "tst_jamfprivilegemodel.moc"
