// The Ansible project (`ipsec-wizard ansible`): every file a gateway gets is in it, byte for byte
// what `generate` writes once its template is rendered (a key in place of each variable, our
// markers around each block); the keys are in psk.yml only; the inventory groups the sites by role
// with the push's SSH targets and strict host keys. ansible-inventory and ansible-playbook
// --syntax-check (Debian's ansible-core) read the project as Ansible will. The lab test
// (tests/e2e/lab-ansible-test.sh) runs it against real gateways.

#include "AnsibleProject.h"
#include "MarkedBlock.h"
#include "NetworkGenerator.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

// What Jinja2 makes of a template of templateFor(): the raw parts as they are, each variable
// ipsecwiz_psk["NAME"] as NAME's key. Anything else in the template fails the test.
QByteArray render(QByteArray text, const NetworkProfile& n)
{
    QByteArray out;
    static const QRegularExpression var(QStringLiteral("^\\{\\{ ipsecwiz_psk\\[\"([^\"]+)\"\\] \\}\\}"));
    while (!text.isEmpty()) {
        if (!text.startsWith("{% raw %}"))
            return "not a template: " + text.left(40);
        text.remove(0, 9);
        const qsizetype end = text.indexOf("{% endraw %}");
        if (end < 0)
            return "no endraw";
        out += text.left(end);
        text.remove(0, end + 12);
        const auto m = var.match(QString::fromUtf8(text));
        if (!m.hasMatch())
            continue;
        const int t = n.tunnelIndex(m.captured(1));
        if (t < 0 || !n.tunnels[t].psk)
            return "no such tunnel: " + m.captured(1).toUtf8();
        out += *n.tunnels[t].psk;
        text.remove(0, m.capturedLength());
    }
    return out;
}

QByteArray fileOf(const QList<Ansible::ProjectFile>& files, const QString& path)
{
    for (const Ansible::ProjectFile& f : files)
        if (f.path == path)
            return f.content;
    return {};
}

// "  - {dest: "/etc/…", src: "…", kind: template, mode: "0600"}" lines of a host_vars file.
struct Entry
{
    QString dest, src, kind, mode, block;
};
QList<Entry> entriesOf(const QByteArray& vars)
{
    QList<Entry> out;
    static const QRegularExpression line(QStringLiteral("^  - \\{dest: \"([^\"]+)\", src: \"([^\"]+)\", kind: (\\w+)(?:, mode: \"(\\d+)\")?(?:, block: \"([^\"]+)\")?\\}$"),
                                         QRegularExpression::MultilineOption);
    auto it = line.globalMatch(QString::fromUtf8(vars));
    while (it.hasNext()) {
        const auto m = it.next();
        out << Entry{m.captured(1), m.captured(2), m.captured(3), m.captured(4), m.captured(5)};
    }
    return out;
}

QString tool(const char* name)
{
    const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
    if (path.isEmpty())
        qFatal("%s is missing: apt-get install ansible-core (./test.sh installs it)", name);
    return path;
}

} // namespace

class TestAnsibleProject : public QObject
{
    Q_OBJECT

private slots:
    void yamlStringsAreEscaped()
    {
        QCOMPARE(Ansible::yamlString(QStringLiteral("hq")), QByteArray("\"hq\""));
        QCOMPARE(Ansible::yamlString(QStringLiteral("a\"b\\c\nd")), QByteArray("\"a\\\"b\\\\c\\nd\""));
        QCOMPARE(Ansible::yamlString(QStringLiteral("Zürich")), QByteArray("\"Zürich\""));
    }

    void templatesRenderTheFileAndHoldNoKey()
    {
        const QByteArray key = "0x" + QByteArray("ab").repeated(32);
        const QByteArray content = "a {{ not jinja }} {% nor this %}\nsecret = " + key + "\nagain " + key + "\n";
        const QByteArray t = Ansible::templateFor(content, {{QStringLiteral("t1"), key}});
        QVERIFY(!t.contains(key));
        QCOMPARE(t.count("{{ ipsecwiz_psk[\"t1\"] }}"), 2);
        NetworkProfile n;
        n.tunnels << Tunnel{};
        n.tunnels[0].name = QStringLiteral("t1");
        n.tunnels[0].psk = key;
        QCOMPARE(render(t, n), content);
        // A file without a key is one raw block.
        QCOMPARE(Ansible::templateFor("plain\n", {{QStringLiteral("t1"), key}}), QByteArray("{% raw %}plain\n{% endraw %}"));
    }

    void everyGatewayFileIsInTheProject_data()
    {
        QTest::addColumn<bool>("racoon");
        QTest::newRow("strongSwan") << false;
        QTest::newRow("racoon (blocks in the admin's files)") << true;
    }
    void everyGatewayFileIsInTheProject()
    {
        QFETCH(bool, racoon);
        const NetworkProfile n = racoon ? hubAndSpokeRacoon() : hubAndSpoke();
        QVERIFY2(!hasErrors(Network::validate(n)), "the test's network is valid");
        const auto files = Ansible::project(n, {});
        QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error().toString()));
        const auto generated = Generate::gateways(n);
        QVERIFY(generated.ok());
        int blocks = 0;
        for (const auto& [site, cfg] : generated.value()) {
            const QList<Entry> entries = entriesOf(fileOf(files.value(), QStringLiteral("host_vars/%1.yml").arg(site)));
            int i = 0;
            for (const GeneratedFile& g : cfg.files) {
                QVERIFY2(i < entries.size(), qPrintable(site + g.path));
                const Entry& e = entries.at(i++);
                QCOMPARE(e.dest, g.path);
                const QByteArray src = fileOf(files.value(), QStringLiteral("files/") + e.src);
                QVERIFY2(!src.isEmpty(), qPrintable(e.src));
                if (!g.block.isEmpty()) {
                    // One entry per block; a file shared by several tunnels (psk.txt) has one each.
                    QByteArray merged;
                    const QStringList names = g.block.split(QLatin1Char(' '));
                    for (const QString& name : names) {
                        const Entry& b = name == names.first() ? e : entries.at(i++);
                        ++blocks;
                        QCOMPARE(b.kind, QStringLiteral("block"));
                        QCOMPARE(b.dest, g.path);
                        QCOMPARE(b.block, name);
                        QCOMPARE(b.mode.isEmpty(), !g.secret); // the admin's file keeps its mode, unless it holds a key
                        // blockinfile writes the markers around the rendered body.
                        merged += MarkedBlock::beginLine(name) + '\n' + render(fileOf(files.value(), QStringLiteral("files/") + b.src), n)
                                  + MarkedBlock::endLine(name) + '\n';
                    }
                    QCOMPARE(merged, g.content);
                } else if (g.secret) {
                    QCOMPARE(e.kind, QStringLiteral("template"));
                    QCOMPARE(render(src, n), g.content);
                    QCOMPARE(e.mode, QStringLiteral("0600"));
                } else {
                    QCOMPARE(e.kind, QStringLiteral("copy"));
                    QCOMPARE(src, g.content);
                    QCOMPARE(e.mode.toInt(nullptr, 8), g.mode);
                }
            }
            QCOMPARE(entries.size(), i);
        }
        QCOMPARE(blocks > 0, racoon);
        // The keys: in psk.yml (0600, secret) and in no other file of the project.
        for (const Tunnel& t : n.tunnels) {
            for (const Ansible::ProjectFile& f : files.value()) {
                const bool isPsk = f.path == QLatin1String(Ansible::PskVarsPath);
                QCOMPARE(f.content.contains(*t.psk), isPsk);
                if (isPsk)
                    QVERIFY(f.secret && f.mode == 0600);
            }
        }
    }

    void inventoryAndPlaybookReadAsAnsibleReadsThem()
    {
        NetworkProfile n = hubAndSpoke();
        n.sites[2].gateway.managed = false; // branch2: someone else's
        n.sites[3].gateway.ssh.user = QStringLiteral("admin");
        n.knownHostsFile = QStringLiteral("known_hosts");
        Ansible::Options options;
        options.profileDir = QStringLiteral("/srv/profiles");
        options.homeDir = QStringLiteral("/home/ops");
        options.confirmTimeoutSec = 90;
        const auto files = Ansible::project(n, options);
        QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error().toString()));
        QVERIFY(fileOf(files.value(), QStringLiteral("host_vars/branch2.yml")).isEmpty());
        QVERIFY(fileOf(files.value(), QStringLiteral("inventory.yml")).contains("Run by someone else, so not here: branch2"));
        QVERIFY(fileOf(files.value(), QStringLiteral("group_vars/all/fleet.yml")).contains("ipsecwiz_confirm_timeout: 90\n"));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(Ansible::write(files.value(), dir.path()).ok());
        QCOMPARE(QFile(dir.filePath(QString::fromLatin1(Ansible::PskVarsPath))).permissions() & 0x0FFF,
                 QFile::ReadUser | QFile::WriteUser); // nothing for group and others

        QProcess inv;
        inv.setWorkingDirectory(dir.path());
        inv.start(tool("ansible-inventory"), {QStringLiteral("-i"), QStringLiteral("inventory.yml"), QStringLiteral("--list")});
        QVERIFY(inv.waitForFinished(60000));
        QCOMPARE(inv.exitCode(), 0);
        const QJsonObject list = QJsonDocument::fromJson(inv.readAllStandardOutput()).object();
        QCOMPARE(list[QStringLiteral("ipsec_gateways")][QStringLiteral("children")].toArray(), (QJsonArray{QStringLiteral("hubs"), QStringLiteral("spokes")}));
        QCOMPARE(list[QStringLiteral("hubs")][QStringLiteral("hosts")].toArray(), QJsonArray{QStringLiteral("hq")});
        QCOMPARE(list[QStringLiteral("spokes")][QStringLiteral("hosts")].toArray(), (QJsonArray{QStringLiteral("branch1"), QStringLiteral("branch3")}));
        const QJsonObject hostvars = list[QStringLiteral("_meta")][QStringLiteral("hostvars")].toObject();
        const QJsonObject branch1 = hostvars[QStringLiteral("branch1")].toObject();
        QCOMPARE(branch1[QStringLiteral("ansible_host")].toString(), QStringLiteral("198.51.100.10"));
        QCOMPARE(branch1[QStringLiteral("ansible_port")].toInt(), 2222);
        QCOMPARE(branch1[QStringLiteral("ansible_ssh_common_args")].toString(),
                 QStringLiteral("-o StrictHostKeyChecking=yes -o UserKnownHostsFile=\"/home/ops/.ssh/known_hosts /srv/profiles/known_hosts\""));
        QVERIFY(!branch1.contains(QStringLiteral("ansible_become")));
        QCOMPARE(hostvars[QStringLiteral("branch3")][QStringLiteral("ansible_user")].toString(), QStringLiteral("admin"));
        QCOMPARE(hostvars[QStringLiteral("branch3")][QStringLiteral("ansible_become")].toBool(), true);
        // host_vars and group_vars are read too: the files, the keys.
        QCOMPARE(hostvars[QStringLiteral("hq")][QStringLiteral("ipsecwiz_files")].toArray().size(), 6); // three tunnels (one to branch2), each a conf and a firewall file
        QCOMPARE(hostvars[QStringLiteral("hq")][QStringLiteral("ipsecwiz_psk")][QStringLiteral("hq-branch1")].toString(), QString::fromLatin1(*n.tunnels[0].psk));
        QCOMPARE(hostvars[QStringLiteral("hq")][QStringLiteral("ipsecwiz_initiate")].toArray(), QJsonArray{});
        QCOMPARE(hostvars[QStringLiteral("branch1")][QStringLiteral("ipsecwiz_initiate")].toArray(), QJsonArray{QStringLiteral("hq-branch1")});

        QProcess syntax;
        syntax.setWorkingDirectory(dir.path());
        syntax.start(tool("ansible-playbook"), {QStringLiteral("--syntax-check"), QStringLiteral("site.yml")});
        QVERIFY(syntax.waitForFinished(60000));
        QVERIFY2(syntax.exitCode() == 0, syntax.readAllStandardError().constData());
    }

    void nothingToDoIsSaid()
    {
        NetworkProfile n = hubAndSpoke();
        for (Site& s : n.sites)
            s.gateway.managed = false;
        const auto files = Ansible::project(n, {});
        QVERIFY(!files.ok());
        QCOMPARE(files.error().field, QStringLiteral("--gateway"));
    }
};

QTEST_GUILESS_MAIN(TestAnsibleProject)
#include "TestAnsibleProject.moc"
