// Taking over an imported gateway (Migration::plan): a config that already says what the profile
// says is left alone; a tunnel that moves to strongSwan has exactly its own racoon-tool lines (its
// peer and connection sections, its key's line) commented out, every other byte of the admin's
// files stays, and each changed file carries the checksum of what was read; a tunnel that moves
// within racoon-tool gets its block merged into the same file. swanctl.conf gives up the
// connection's section brace to brace and its key's, ipsec.conf the conn section and its
// ipsec.secrets line; a section that cannot be told apart, and racoon.conf (whose tunnels are kernel
// policies too), stop the push with a message that says why.

#include "MarkedBlock.h"
#include "Migration.h"
#include "NetworkGenerator.h"
#include "RacoonImportSupport.h"

#include <QCryptographicHash>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

// The seed how-to's gateway A with a second peer, as an admin adds one by hand.
const QByteArray SecondPeer = "\n"
                              "peer(198.51.100.9):\n"
                              "\tpeers_identifier: address\n"
                              "\n"
                              "connection(office):\n"
                              "\tsrc_range: 192.168.1.0/24\n"
                              "\tdst_range: 172.16.9.0/24\n"
                              "\tdst_ip: 198.51.100.9\n"
                              "\tadmin_status: enabled\n";

QHash<QString, QByteArray> seedFiles()
{
    return {{QStringLiteral("racoon/racoon-tool.conf"), importFixture(QStringLiteral("racoon-tool/seed-howto-racoon-tool.conf")) + SecondPeer},
            {QStringLiteral("racoon/psk.txt"), importFixture(QStringLiteral("racoon-tool/seed-howto-psk.txt")) + "198.51.100.9\tOfficeKeyTyped\n"}};
}

NetworkProfile imported(const QHash<QString, QByteArray>& files, ImportFormat format, const QString& main)
{
    ImportOptions o;
    o.siteName = QStringLiteral("gatewayA");
    auto r = importConfig(format, MemorySource(files), o);
    if (!r)
        qFatal("import of %s failed: %s", qPrintable(main), qPrintable(r.error().toString()));
    Import::assumeInternalAddresses(r.value()); // as `import` does
    return r.value().network;
}

QList<GeneratedFile> generatedFor(const NetworkProfile& n, const QString& site)
{
    auto g = Generate::gateways(n, {site});
    if (!g)
        qFatal("generate: %s", qPrintable(g.error().toString()));
    for (auto& [name, cfg] : g.value())
        if (name == site)
            return cfg.files;
    qFatal("no files for %s", qPrintable(site));
}

// The file as the admin wrote it again: the notes dropped, "#| " taken away.
QByteArray restored(const QByteArray& text)
{
    QByteArray out;
    for (const QByteArray& line : MarkedBlock::linesOf(text)) {
        if (line.startsWith("# ipsec-wizard: tunnel ") || line.startsWith("# starting with \"#| \""))
            continue;
        out += line.startsWith("#| ") ? line.mid(3) : line;
    }
    return out;
}

QStringList taken(const QByteArray& text)
{
    QStringList out;
    for (const QByteArray& line : MarkedBlock::linesOf(text))
        if (line.startsWith("#| "))
            out << QString::fromUtf8(line.mid(3).trimmed());
    return out;
}

const GeneratedFile* fileAt(const QList<GeneratedFile>& files, const QString& path)
{
    for (const GeneratedFile& f : files)
        if (f.path == path)
            return &f;
    return nullptr;
}

} // namespace

class TestMigration : public QObject
{
    Q_OBJECT

private slots:
    void importRecordsTheFormat()
    {
        const NetworkProfile n = imported(seedFiles(), ImportFormat::RacoonTool, QStringLiteral("racoon-tool"));
        QCOMPARE(n.site(QStringLiteral("gatewayA"))->gateway.importedFrom, QStringLiteral("racoon-tool"));
        for (const Site& s : n.sites)
            if (!s.gateway.managed)
                QVERIFY(s.gateway.importedFrom.isEmpty());
        QVERIFY(n.hasImportedGateway());
        // Kept through the profile's JSON.
        const auto back = NetworkJson::fromJson(NetworkJson::toJson(n, PskInFile::Include));
        QVERIFY2(back.ok(), qPrintable(errorText(back)));
        QCOMPARE(back.value().site(QStringLiteral("gatewayA"))->gateway.importedFrom, QStringLiteral("racoon-tool"));
        QByteArray bad = NetworkJson::toJson(n, PskInFile::Include);
        bad.replace("\"importedFrom\": \"racoon-tool\"", "\"importedFrom\": \"freeswan\"");
        const auto refused = NetworkJson::fromJson(bad);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().toString().contains(QLatin1String("importedFrom")) && refused.error().toString().contains(QLatin1String("freeswan")),
                 qPrintable(refused.error().toString()));
    }

    void unchangedIsLeftAlone()
    {
        const auto files = seedFiles();
        const NetworkProfile n = imported(files, ImportFormat::RacoonTool, QStringLiteral("racoon-tool"));
        const auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        QVERIFY(p.value().alreadyThere);
        QVERIFY(p.value().files.isEmpty());
    }

    void changedSettingIsNotAlreadyThere()
    {
        const auto files = seedFiles();
        NetworkProfile n = imported(files, ImportFormat::RacoonTool, QStringLiteral("racoon-tool"));
        n.tunnels[0].psk = QByteArrayLiteral("a-new-key-for-the-tunnel-0123456789");
        const auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        QVERIFY(!p.value().alreadyThere);
    }

    void oneTunnelMovesToStrongSwan()
    {
        const auto files = seedFiles();
        NetworkProfile n = imported(files, ImportFormat::RacoonTool, QStringLiteral("racoon-tool"));
        QCOMPARE(n.tunnels.size(), 2);
        // The admin moves the seed's tunnel; "office" stays with racoon-tool, outside the profile.
        n.tunnels.removeIf([](const Tunnel& t) { return t.name == QLatin1String("office"); });
        n.sites.removeIf([](const Site& s) { return s.gateway.localAddress == QLatin1String("198.51.100.9"); });
        n.sites[0].gateway.flavour = Flavour::StrongSwan;
        const QList<GeneratedFile> generated = generatedFor(n, QStringLiteral("gatewayA"));
        const auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generated);
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        QVERIFY(!p.value().alreadyThere);
        QCOMPARE(p.value().files.size(), generated.size() + 2);
        for (const GeneratedFile& g : generated)
            QVERIFY(p.value().files.contains(g));

        const GeneratedFile* conf = fileAt(p.value().files, QStringLiteral("/etc/racoon/racoon-tool.conf"));
        QVERIFY(conf);
        const QByteArray before = files.value(QStringLiteral("racoon/racoon-tool.conf"));
        QCOMPARE(conf->replaces, QCryptographicHash::hash(before, QCryptographicHash::Sha256).toHex());
        QVERIFY(!conf->secret);
        // Exactly the tunnel's own sections: its peer and its connection; the %default sections,
        // the global one and the other peer stay, and every byte comes back without the "#| ".
        QCOMPARE(taken(conf->content), (QStringList{QStringLiteral("peer(203.0.113.2):"), QStringLiteral("peers_identifier: address"),
                                                     QStringLiteral("connection(networka-networkb):"), QStringLiteral("src_range: 192.168.1.0/24"),
                                                     QStringLiteral("dst_range: 192.168.2.0/24"), QStringLiteral("dst_ip: 203.0.113.2"),
                                                     QStringLiteral("admin_status: enabled")}));
        QCOMPARE(restored(conf->content), before);
        QVERIFY(conf->content.contains("# ipsec-wizard: tunnel \"networka-networkb\" moved to the program's own strongswan files"));

        const GeneratedFile* psk = fileAt(p.value().files, QStringLiteral("/etc/racoon/psk.txt"));
        QVERIFY(psk);
        QVERIFY(psk->secret);
        QCOMPARE(psk->mode, 0600);
        QCOMPARE(taken(psk->content), QStringList{QStringLiteral("203.0.113.2\t0x2eba016ffc2314869ae9f9a3b8901a173242f0c8")});
        QVERIFY(psk->content.contains("198.51.100.9\tOfficeKeyTyped\n") && !psk->content.contains("#| 198.51.100.9"));
        QCOMPARE(restored(psk->content), files.value(QStringLiteral("racoon/psk.txt")));

        QCOMPARE(p.value().reloadCommands, QStringList{QStringLiteral("if command -v racoon-tool >/dev/null 2>&1; then racoon-tool reload; fi")});
        QCOMPARE(p.value().notes.size(), 2);
        // The key is in no note.
        for (const QString& note : p.value().notes)
            QVERIFY(!note.contains(QLatin1String("0x2eba")) && !note.contains(QLatin1String("OfficeKey")));
    }

    void withinRacoonToolTheBlockGoesIntoTheSameFile()
    {
        const auto files = seedFiles();
        NetworkProfile n = imported(files, ImportFormat::RacoonTool, QStringLiteral("racoon-tool"));
        n.tunnels[0].psk = QByteArrayLiteral("a-new-key-for-the-tunnel-0123456789");
        const QList<GeneratedFile> generated = generatedFor(n, QStringLiteral("gatewayA"));
        const auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generated);
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        int confs = 0;
        for (const GeneratedFile& f : p.value().files)
            confs += f.path == QLatin1String("/etc/racoon/racoon-tool.conf");
        QCOMPARE(confs, 1); // one whole file, not a block beside it
        const GeneratedFile* conf = fileAt(p.value().files, QStringLiteral("/etc/racoon/racoon-tool.conf"));
        QVERIFY(conf && conf->block.isEmpty() && !conf->replaces.isEmpty());
        // Both tunnels' sections retired, both blocks of the program's in their place.
        QVERIFY(conf->content.contains("#| peer(203.0.113.2):") && conf->content.contains("#| peer(198.51.100.9):"));
        QVERIFY(conf->content.contains("# BEGIN ipsec-wizard networka-networkb\n") && conf->content.contains("# BEGIN ipsec-wizard office\n"));
        QVERIFY(p.value().reloadCommands.isEmpty()); // racoon-tool is the new daemon too: its own reload runs
    }

    void swanctlUnchangedIsLeftAloneChangedIsTakenOver()
    {
        const QByteArray conf = "# written by hand\n"
                                "connections {\n"
                                "    office {\n"
                                "        remote_addrs = 198.51.100.77\n"
                                "        local_addrs = 203.0.113.1\n"
                                "        local { auth = psk }\n"
                                "        remote { auth = psk }\n"
                                "        children {\n"
                                "            office {\n"
                                "                local_ts = 10.1.0.0/24\n"
                                "                remote_ts = 172.16.9.0/24\n"
                                "            }\n"
                                "        }\n"
                                "    }\n"
                                "    lab\n"
                                "    {\n"
                                "        remote_addrs = 198.51.100.2  # the far lab\n"
                                "        local_addrs = 203.0.113.1\n"
                                "        local { auth = psk }\n"
                                "        remote { auth = psk }\n"
                                "        children { lab { local_ts = 10.1.0.0/24\n"
                                "                         remote_ts = 10.2.0.0/24 } }\n"
                                "    }\n"
                                "}\n"
                                "secrets {\n"
                                "    ike-office {\n"
                                "        id = 198.51.100.77\n"
                                "        secret = OfficeKeyTypedByHand42\n"
                                "    }\n"
                                "    ike-lab { id = 198.51.100.2\n"
                                "              secret = \"LabKeyTypedByHand4242\" }\n"
                                "}\n"
                                "include conf.d/*.conf\n";
        const QHash<QString, QByteArray> files{{QStringLiteral("swanctl/swanctl.conf"), conf}};
        NetworkProfile n = imported(files, ImportFormat::Swanctl, QStringLiteral("swanctl"));
        QCOMPARE(n.sites.at(0).gateway.importedFrom, QStringLiteral("swanctl"));
        QCOMPARE(n.tunnels.size(), 2);
        auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        QVERIFY(p.value().alreadyThere);

        // The admin keeps "office" as it is (outside the profile) and gives "lab" a new key.
        n.tunnels.removeIf([](const Tunnel& t) { return t.name == QLatin1String("office"); });
        n.sites.removeIf([](const Site& s) { return s.gateway.localAddress == QLatin1String("198.51.100.77"); });
        n.tunnels[0].psk = QByteArrayLiteral("a-new-key-for-the-tunnel-0123456789");
        const QList<GeneratedFile> generated = generatedFor(n, QStringLiteral("gatewayA"));
        p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generated);
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        QVERIFY(!p.value().alreadyThere);
        QCOMPARE(p.value().files.size(), generated.size() + 1);
        const GeneratedFile* taken_ = fileAt(p.value().files, QStringLiteral("/etc/swanctl/swanctl.conf"));
        QVERIFY(taken_);
        QCOMPARE(taken_->replaces, QCryptographicHash::hash(conf, QCryptographicHash::Sha256).toHex());
        QVERIFY(!taken_->secret); // swanctl.conf keeps the mode the admin gave it
        // Exactly lab's section, brace to brace, and its key's; office and its key stay.
        QCOMPARE(taken(taken_->content), (QStringList{QStringLiteral("lab"), QStringLiteral("{"), QStringLiteral("remote_addrs = 198.51.100.2  # the far lab"),
                                                       QStringLiteral("local_addrs = 203.0.113.1"), QStringLiteral("local { auth = psk }"),
                                                       QStringLiteral("remote { auth = psk }"), QStringLiteral("children { lab { local_ts = 10.1.0.0/24"),
                                                       QStringLiteral("remote_ts = 10.2.0.0/24 } }"), QStringLiteral("}"),
                                                       QStringLiteral("ike-lab { id = 198.51.100.2"), QStringLiteral("secret = \"LabKeyTypedByHand4242\" }")}));
        QCOMPARE(restored(taken_->content), conf);
        // What is left reads back as office alone, with its key.
        const auto after = importConfig(ImportFormat::Swanctl, MemorySource({{QStringLiteral("swanctl/swanctl.conf"), taken_->content}}), {});
        QVERIFY2(after.ok(), qPrintable(errorText(after)));
        QCOMPARE(after.value().network.tunnels.size(), 1);
        QCOMPARE(after.value().network.tunnels.at(0).name, QStringLiteral("office"));
        QCOMPARE(after.value().network.tunnels.at(0).psk, std::optional<QByteArray>(QByteArrayLiteral("OfficeKeyTypedByHand42")));
        // swanctl's own --load-all (the new files' reload) unloads what is gone: no other command.
        QVERIFY(p.value().reloadCommands.isEmpty());
        for (const QString& note : p.value().notes)
            QVERIFY(!note.contains(QLatin1String("KeyTypedByHand")));
    }

    void swanctlSectionSharingALineIsRefused()
    {
        // "connections { lab {": commenting that line out would take "connections" with it.
        const QByteArray conf = "connections { lab {\n"
                                "        remote_addrs = 198.51.100.2\n"
                                "        local_addrs = 203.0.113.1\n"
                                "        local { auth = psk }\n"
                                "        remote { auth = psk }\n"
                                "        children { lab { local_ts = 10.1.0.0/24\n"
                                "                         remote_ts = 10.2.0.0/24 } }\n"
                                "} }\n"
                                "secrets { ike { id = 198.51.100.2\n secret = LabKeyTypedByHand4242 } }\n";
        const QHash<QString, QByteArray> files{{QStringLiteral("swanctl/swanctl.conf"), conf}};
        NetworkProfile n = imported(files, ImportFormat::Swanctl, QStringLiteral("swanctl"));
        n.tunnels[0].psk = QByteArrayLiteral("a-new-key-for-the-tunnel-0123456789");
        const auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().message.contains(QLatin1String("cannot be told apart")) && p.error().message.contains(QLatin1String("Nothing was pushed")),
                 qPrintable(p.error().message));
        QVERIFY(!p.error().message.contains(QLatin1String("LabKeyTypedByHand4242")));

        // The connection alone is clean, its key is not: the old key would stay beside the new one
        // for the same identities, so that is refused too.
        QByteArray clean = conf;
        clean.replace("connections { lab {\n", "connections {\n    lab {\n").replace("} }\nsecrets", "    }\n}\nsecrets");
        const QHash<QString, QByteArray> cleanFiles{{QStringLiteral("swanctl/swanctl.conf"), clean}};
        NetworkProfile m = imported(cleanFiles, ImportFormat::Swanctl, QStringLiteral("swanctl"));
        m.tunnels[0].psk = QByteArrayLiteral("a-new-key-for-the-tunnel-0123456789");
        const auto q = Migration::plan(m, QStringLiteral("gatewayA"), MemorySource(cleanFiles), generatedFor(m, QStringLiteral("gatewayA")));
        QVERIFY(!q.ok());
        QVERIFY2(q.error().message.contains(QLatin1String("cannot be told apart")), qPrintable(q.error().message));
    }

    void adminsFileAtTheProgramsPathIsRefused()
    {
        // conf.d/lab.conf written by hand holds connection lab: the program's file for tunnel lab
        // is that path, so writing it would replace the admin's.
        const QByteArray conf = "connections {\n"
                                "    lab {\n"
                                "        remote_addrs = 198.51.100.2\n"
                                "        local_addrs = 203.0.113.1\n"
                                "        local { auth = psk }\n"
                                "        remote { auth = psk }\n"
                                "        children { lab { local_ts = 10.1.0.0/24\n"
                                "                         remote_ts = 10.2.0.0/24 } }\n"
                                "    }\n"
                                "}\n"
                                "secrets {\n"
                                "    ike-lab { id = 198.51.100.2\n secret = LabKeyTypedByHand4242 }\n"
                                "}\n";
        const QHash<QString, QByteArray> files{{QStringLiteral("swanctl/swanctl.conf"), "include conf.d/*.conf\n"},
                                               {QStringLiteral("swanctl/conf.d/lab.conf"), conf}};
        NetworkProfile n = imported(files, ImportFormat::Swanctl, QStringLiteral("swanctl"));
        QCOMPARE(n.tunnels.at(0).name, QStringLiteral("lab"));
        n.tunnels[0].psk = QByteArrayLiteral("a-new-key-for-the-tunnel-0123456789");
        auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().message.contains(QLatin1String("/etc/swanctl/conf.d/lab.conf on gatewayA, written by hand")) && p.error().message.contains(QLatin1String("Rename the tunnel")),
                 qPrintable(p.error().message));
        // Renamed, the tunnel gets a file of its own and the admin's lines are commented out.
        n.tunnels[0].name = QStringLiteral("lab2");
        p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        const GeneratedFile* taken_ = fileAt(p.value().files, QStringLiteral("/etc/swanctl/conf.d/lab.conf"));
        QVERIFY(taken_ && !taken_->replaces.isEmpty());
        QCOMPARE(restored(taken_->content), conf);
        QCOMPARE(taken(taken_->content).size(), 10); // the connection's 8 lines and the key's 2
        QVERIFY(fileAt(p.value().files, QStringLiteral("/etc/swanctl/conf.d/lab2.conf")));
    }

    void ipsecConfConnSectionAndItsKeyAreTakenOver()
    {
        const QByteArray conf = "config setup\n"
                                "    charondebug=\"ike 1\"\n"
                                "\n"
                                "conn %default\n"
                                "    keyexchange=ikev2\n"
                                "    authby=secret\n"
                                "    left=203.0.113.1\n"
                                "\n"
                                "conn lab\n"
                                "    leftsubnet=10.1.0.0/24\n"
                                "    right=198.51.100.2\n"
                                "# a note of the admin's, at the start of a line\n"
                                "    rightsubnet=10.2.0.0/24\n"
                                "    mobike=no\n"
                                "    auto=start\n"
                                "\n"
                                "conn office\n"
                                "    leftsubnet=10.1.0.0/24\n"
                                "    right=198.51.100.77\n"
                                "    rightsubnet=172.16.9.0/24\n"
                                "    auto=route\n";
        const QByteArray secrets = "# keys\n"
                                   "203.0.113.1 198.51.100.2 : PSK \"LabKeyTypedByHand4242\"\n"
                                   "198.51.100.77 : PSK OfficeKeyTypedByHand42\n";
        const QHash<QString, QByteArray> files{{QStringLiteral("ipsec.conf"), conf}, {QStringLiteral("ipsec.secrets"), secrets}};
        NetworkProfile n = imported(files, ImportFormat::IpsecConf, QStringLiteral("ipsec.conf"));
        QCOMPARE(n.sites.at(0).gateway.importedFrom, QStringLiteral("ipsec.conf"));
        auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        QVERIFY(p.value().alreadyThere);

        n.tunnels.removeIf([](const Tunnel& t) { return t.name == QLatin1String("office"); });
        n.sites.removeIf([](const Site& s) { return s.gateway.localAddress == QLatin1String("198.51.100.77"); });
        n.tunnels[0].esp.encryption = n.tunnels[0].esp.encryption == QLatin1String("aes128gcm16") ? QStringLiteral("aes256gcm16") : QStringLiteral("aes128gcm16");
        p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        const GeneratedFile* c = fileAt(p.value().files, QStringLiteral("/etc/ipsec.conf"));
        QVERIFY(c);
        // The whole section, the line it does not read (mobike) too: an indented line left after
        // a commented-out "conn" would be read as the section before's. %default stays.
        QCOMPARE(taken(c->content), (QStringList{QStringLiteral("conn lab"), QStringLiteral("leftsubnet=10.1.0.0/24"), QStringLiteral("right=198.51.100.2"),
                                                  QStringLiteral("rightsubnet=10.2.0.0/24"), QStringLiteral("mobike=no"), QStringLiteral("auto=start")}));
        QCOMPARE(restored(c->content), conf);
        const GeneratedFile* s = fileAt(p.value().files, QStringLiteral("/etc/ipsec.secrets"));
        QVERIFY(s && s->secret && s->mode == 0600);
        QCOMPARE(taken(s->content), QStringList{QStringLiteral("203.0.113.1 198.51.100.2 : PSK \"LabKeyTypedByHand4242\"")});
        QCOMPARE(restored(s->content), secrets);
        // starter lets go of the connection and the key; then swanctl loads the new files.
        QCOMPARE(p.value().reloadCommands.size(), 1);
        QVERIFY(p.value().reloadCommands.at(0).contains(QLatin1String("ipsec update")) && p.value().reloadCommands.at(0).contains(QLatin1String("rereadsecrets")));
        const auto after = importConfig(ImportFormat::IpsecConf, MemorySource({{QStringLiteral("ipsec.conf"), c->content}, {QStringLiteral("ipsec.secrets"), s->content}}), {});
        QVERIFY2(after.ok(), qPrintable(errorText(after)));
        QCOMPARE(after.value().network.tunnels.size(), 1);
        QCOMPARE(after.value().network.tunnels.at(0).name, QStringLiteral("office"));
        for (const QString& note : p.value().notes)
            QVERIFY(!note.contains(QLatin1String("KeyTypedByHand")));
    }

    void racoonConfIsRefusedWithItsReason()
    {
        const QHash<QString, QByteArray> files{{QStringLiteral("racoon/racoon.conf"), importFixture(QStringLiteral("racoon/seed/racoon.conf"))},
                                               {QStringLiteral("racoon/psk.txt"), importFixture(QStringLiteral("racoon/seed/psk.txt"))},
                                               {QStringLiteral("ipsec-tools.conf"), importFixture(QStringLiteral("racoon/seed/ipsec-tools.conf"))}};
        NetworkProfile n = imported(files, ImportFormat::Racoon, QStringLiteral("racoon"));
        n.sites[0].gateway.flavour = Flavour::StrongSwan;
        const auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource(files), generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().message.contains(QLatin1String("racoon.conf and its setkey file is not built yet")), qPrintable(p.error().message));
    }

    void goneConfigLeavesNothingToTakeOver()
    {
        // The admin took racoon-tool's files away since the import, or it is the lab that
        // rehearses the migration: the push writes its own files and retires nothing.
        const NetworkProfile n = imported(seedFiles(), ImportFormat::RacoonTool, QStringLiteral("racoon-tool"));
        const QList<GeneratedFile> generated = generatedFor(n, QStringLiteral("gatewayA"));
        const auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource({}), generated);
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        QVERIFY(!p.value().alreadyThere);
        QCOMPARE(p.value().files, generated);
        QCOMPARE(p.value().notes, QStringList{QStringLiteral("no racoon-tool config on the gateway: nothing to take over")});
    }

    void brokenConfigStopsThePush()
    {
        // A main file that is there but refused (larger than any config): nothing is pushed.
        const NetworkProfile n = imported(seedFiles(), ImportFormat::RacoonTool, QStringLiteral("racoon-tool"));
        const auto p = Migration::plan(n, QStringLiteral("gatewayA"), MemorySource({{QStringLiteral("racoon/racoon-tool.conf"), QByteArray(ImportSource::MaxFileSize + 1, '#')}}),
                                       generatedFor(n, QStringLiteral("gatewayA")));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().message.contains(QLatin1String("cannot be read again")), qPrintable(p.error().message));
    }

    void commentOutKeepsEveryOtherByte()
    {
        const QByteArray text = "a\n  b\n# c\n\nd"; // no final newline
        const QByteArray out = Migration::commentOut(text, {{2, QStringLiteral("t")}, {3, QStringLiteral("t")}, {4, QStringLiteral("t")}, {5, QStringLiteral("t")}},
                                                     QStringLiteral("strongswan"));
        QCOMPARE(taken(out), (QStringList{QStringLiteral("b"), QStringLiteral("d")}));
        QVERIFY(out.endsWith("#| d")); // still no final newline
        QCOMPARE(restored(out), text);
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "TestMigration.moc"
