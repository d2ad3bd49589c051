#include "kandjidemodata.h"

#include "kandjiservice.h"

#include <QJsonObject>
#include <QStringList>

namespace KandjiDemoData {

static QString profileXml(const QString &name, const QString &identifier)
{
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
               "<plist version=\"1.0\">\n<dict>\n"
               "    <key>PayloadDisplayName</key>\n    <string>%1</string>\n"
               "    <key>PayloadIdentifier</key>\n    <string>%2</string>\n"
               "    <key>PayloadType</key>\n    <string>Configuration</string>\n"
               "    <key>PayloadVersion</key>\n    <integer>1</integer>\n"
               "    <key>PayloadContent</key>\n    <array/>\n"
               "</dict>\n</plist>\n")
        .arg(name, identifier);
}

void seed(KandjiService &service)
{
    const QStringList categoryNames { QStringLiteral("Apps"), QStringLiteral("Productivity"), QStringLiteral("Utilities"),
                                      QStringLiteral("Security"), QStringLiteral("Developer Tools"), QStringLiteral("Printers") };
    QStringList categories;
    for (const QString &name : categoryNames)
        categories << service.addCategory(name).value(QLatin1String("id")).toString();
    service.addTemplate(QStringLiteral("Kandji Recommended"));
    service.addTemplate(QStringLiteral("Empty Blueprint"));

    const QStringList profileNames { QStringLiteral("Wi-Fi Office"), QStringLiteral("Wi-Fi Guest"), QStringLiteral("VPN Always On"),
        QStringLiteral("SSO Extension"), QStringLiteral("Login Window"), QStringLiteral("Screen Saver"), QStringLiteral("FileVault Escrow"),
        QStringLiteral("Firewall"), QStringLiteral("Gatekeeper"), QStringLiteral("Privacy Preferences"), QStringLiteral("Notifications"),
        QStringLiteral("Dock Layout"), QStringLiteral("Energy Saver"), QStringLiteral("Software Update Deferral"),
        QStringLiteral("Safari Homepage"), QStringLiteral("Chrome Policies"), QStringLiteral("Certificate Root CA"),
        QStringLiteral("Kerberos SSO"), QStringLiteral("Mail Exchange"), QStringLiteral("Restrictions iPad"),
        QStringLiteral("Home Screen iPhone"), QStringLiteral("Conference Room TV"), QStringLiteral("Vision Pro Wi-Fi"),
        QStringLiteral("System Extensions") };
    QStringList profiles;
    for (int i = 0; i < profileNames.size(); ++i) {
        const QString &name = profileNames.at(i);
        QJsonObject p { { QStringLiteral("name"), name }, { QStringLiteral("active"), i % 7 != 3 },
                        { QStringLiteral("runs_on_mac"), !name.contains(QLatin1String("iP")) && !name.contains(QLatin1String("TV"))
                                                             && !name.contains(QLatin1String("Vision")) },
                        { QStringLiteral("runs_on_iphone"), name.contains(QLatin1String("iPhone")) || name.startsWith(QLatin1String("Wi-Fi")) },
                        { QStringLiteral("runs_on_ipad"), name.contains(QLatin1String("iPad")) || name.startsWith(QLatin1String("Wi-Fi")) },
                        { QStringLiteral("runs_on_tv"), name.contains(QLatin1String("TV")) },
                        { QStringLiteral("runs_on_vision"), name.contains(QLatin1String("Vision")) } };
        QString ident = name.toLower();
        ident.replace(QLatin1Char(' '), QLatin1Char('-'));
        p.insert(QStringLiteral("profile"), profileXml(name, QStringLiteral("com.example.") + ident));
        profiles << service.addProfile(p).value(QLatin1String("id")).toString();
    }

    const QStringList frequencies { QStringLiteral("once"), QStringLiteral("every_15_min"), QStringLiteral("every_day"),
                                    QStringLiteral("no_enforcement") };
    QStringList scripts;
    for (int i = 0; i < 20; ++i) {
        const QString frequency = frequencies.at(i % 4);
        const bool selfService = frequency == QLatin1String("no_enforcement") || i % 5 == 0;
        QJsonObject s { { QStringLiteral("name"), QStringLiteral("Script %1: %2").arg(i + 1, 2, 10, QLatin1Char('0'))
                                                         .arg(QStringList { QStringLiteral("Rename computer"), QStringLiteral("Clear caches"),
                                                                            QStringLiteral("Set time zone"), QStringLiteral("Install Rosetta"),
                                                                            QStringLiteral("Reset printing") }.at(i % 5)) },
                        { QStringLiteral("execution_frequency"), frequency },
                        { QStringLiteral("script"), QStringLiteral("#!/bin/zsh\n# demo script %1\nlogger \"tenantdesk demo %1\"\n").arg(i + 1) },
                        { QStringLiteral("remediation_script"), i % 3 == 0 ? QStringLiteral("#!/bin/zsh\necho remediate\n") : QString() },
                        { QStringLiteral("show_in_self_service"), selfService },
                        { QStringLiteral("self_service_category_id"), selfService ? QJsonValue(categories.at(2)) : QJsonValue() },
                        { QStringLiteral("restart"), i % 9 == 0 } };
        scripts << service.addScript(s).value(QLatin1String("id")).toString();
    }

    const QStringList appNames { QStringLiteral("Company Portal"), QStringLiteral("Slack"), QStringLiteral("Zoom"),
        QStringLiteral("Google Chrome"), QStringLiteral("Firefox"), QStringLiteral("VLC"), QStringLiteral("Visual Studio Code"),
        QStringLiteral("Docker Desktop"), QStringLiteral("1Password"), QStringLiteral("Microsoft Office"), QStringLiteral("Printer Drivers"),
        QStringLiteral("Xcode Tools") };
    QStringList apps;
    for (int i = 0; i < appNames.size(); ++i) {
        const QString &name = appNames.at(i);
        QString file = name;
        file.remove(QLatin1Char(' '));
        const bool zip = i % 4 == 1;
        const bool image = i % 4 == 2;
        const QString enforcement = i % 3 == 0 ? QStringLiteral("continuously_enforce")
            : i % 3 == 1                       ? QStringLiteral("install_once")
                                               : QStringLiteral("no_enforcement");
        QJsonObject a { { QStringLiteral("name"), name },
                        { QStringLiteral("install_type"), zip ? QStringLiteral("zip") : image ? QStringLiteral("image") : QStringLiteral("package") },
                        { QStringLiteral("install_enforcement"), enforcement },
                        { QStringLiteral("unzip_location"), zip ? QStringLiteral("/Applications") : QString() },
                        { QStringLiteral("audit_script"), enforcement == QLatin1String("continuously_enforce")
                                                              ? QStringLiteral("#!/bin/zsh\n[ -d \"/Applications/%1.app\" ]\n").arg(name) : QString() },
                        { QStringLiteral("show_in_self_service"), enforcement == QLatin1String("no_enforcement") },
                        { QStringLiteral("self_service_category_id"), enforcement == QLatin1String("no_enforcement") ? QJsonValue(categories.at(0)) : QJsonValue() } };
        const QByteArray bytes = QByteArray("demo installer for ").append(name.toUtf8()).repeated(64 + i);
        apps << service.addApp(a, bytes, file + (zip ? QStringLiteral(".zip") : image ? QStringLiteral(".dmg") : QStringLiteral(".pkg")))
                    .value(QLatin1String("id")).toString();
    }

    const QString staging = service.addBlueprint(QStringLiteral("Staging"), QStringLiteral("classic"), QStringLiteral("Test devices")).value(QLatin1String("id")).toString();
    const QString production = service.addBlueprint(QStringLiteral("Production"), QStringLiteral("classic"), QStringLiteral("Every employee Mac")).value(QLatin1String("id")).toString();
    const QString kiosks = service.addBlueprint(QStringLiteral("Kiosks"), QStringLiteral("map"), QStringLiteral("Shared iPads")).value(QLatin1String("id")).toString();
    for (int i = 0; i < 10; ++i) {
        service.assignDirect(staging, profiles.at(i));
        service.assignDirect(production, profiles.at(i));
    }
    for (int i = 0; i < 6; ++i) {
        service.assignDirect(staging, scripts.at(i));
        service.assignDirect(staging, apps.at(i));
        service.assignDirect(production, apps.at(i));
    }
    service.assignDirect(kiosks, profiles.at(19));
    service.assignDirect(kiosks, profiles.at(20));
}

} // namespace KandjiDemoData
