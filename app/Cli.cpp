#include "Cli.h"
#include "AnsibleProject.h"
#include "ConfigBundle.h"
#include "Deployer.h"
#include "Diagnoser.h"
#include "DriftChecker.h"
#include "MonitorSession.h"
#include "NetworkMonitor.h"
#include "SnapshotExport.h"
#include "SnapshotJson.h"
#include "SnapshotParser.h"
#include "TunnelCorrelation.h"
#include "FileWriter.h"
#include "IkeLog.h"
#include "GatewayImportSource.h"
#include "ImportMerge.h"
#include "Importer.h"
#include "JsonWriter.h"
#include "Generator.h"
#include "LabPlan.h"
#include "NetworkGenerator.h"
#include "NetworkProfile.h"
#include "Parallel.h"
#include "Psk.h"
#include "TopologyScene.h"
#include "TunnelProfile.h"
#include "Validation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTextStream>

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <mutex>
#include <vector>

#include <atomic>
#include <csignal>
#include <cstring>

#include <termios.h>
#include <unistd.h>

namespace ipsecwiz::Cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Cli", text);
}

const QStringList Commands{QStringLiteral("validate"), QStringLiteral("upgrade"), QStringLiteral("generate"), QStringLiteral("bundle"), QStringLiteral("draw"), QStringLiteral("ansible"), QStringLiteral("check"), QStringLiteral("diagnose"), QStringLiteral("import"), QStringLiteral("psk"),
                           QStringLiteral("push"), QStringLiteral("remove"), QStringLiteral("lab"), QStringLiteral("monitor"), QStringLiteral("parse")};

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

QString helpText();

int usageError(const QString& message)
{
    if (message.isEmpty()) { // --help after a command
        out() << helpText() << Qt::flush;
        return Ok;
    }
    err() << "ipsec-wizard: " << message << "\n" << tr("Try 'ipsec-wizard --help'.") << Qt::endl;
    return Usage;
}

int inputError(const Error& e)
{
    err() << "ipsec-wizard: error: " << e.toString() << Qt::endl;
    return BadInput;
}

QString helpText()
{
    return tr("Usage: ipsec-wizard [PROFILE]            open the wizard (on PROFILE)\n"
              "       ipsec-wizard COMMAND [OPTIONS]\n"
              "\n"
              "Builds a site-to-site IPsec VPN between two gateways: matching configs for both,\n"
              "for racoon-tool, racoon + setkey or strongSwan, with a fresh pre-shared key.\n"
              "\n"
              "Commands:\n"
              "  validate PROFILE                       check a profile; every finding names its field\n"
              "  upgrade PROFILE                        convert a format version 1 profile to version 2 in place\n"
              "                                         (the old file is kept as PROFILE.v1)\n"
              "  generate PROFILE --out DIR [--side a|b|both] [--psk-file FILE]\n"
              "                                         write the gateways' files under DIR/gateway-a, DIR/gateway-b\n"
              "  generate PROFILE --out DIR --gateway NAME…|--all\n"
              "                                         a network (format version 2): DIR/SITE/… per managed gateway\n"
              "  bundle PROFILE -o OUT [--redact] [--include-psk] [--psk-file FILE]\n"
              "                                         write a bundle: OUT.tar.gz, OUT.zip or a new folder\n"
              "                                         (a network: a folder per managed gateway)\n"
              "  draw PROFILE -o FILE.svg|FILE.png      the topology drawing (a network: every site and tunnel);\n"
              "                                         no display needed\n"
              "  ansible PROFILE -o DIR [--gateway NAME]… [--vault-password-file FILE] [--confirm-timeout S]\n"
              "                                         an Ansible project that installs every managed gateway's files,\n"
              "                                         commit-confirmed across the fleet (keys in a 0600 vars file)\n"
              "  import PATH… [--format F] [--site NAME] [-o PROFILE [--include-psk]] [--json]\n"
              "                                         a gateway's existing config (swanctl, ipsec.conf, racoon-tool,\n"
              "                                         racoon + setkey) → a profile, and every line it did not use\n"
              "                                         (PATH: a copy of its /etc or /etc/FLAVOUR, or the files)\n"
              "  import --from-gateway USER@HOST[:PORT] [--known-hosts FILE] [--identity FILE] [--accept-new-host-key] …\n"
              "                                         the same over SSH, with push's host-key rules; writes nothing there\n"
              "  psk [--bytes N]                        print a random pre-shared key (default 32 bytes)\n"
              "  push PROFILE [--dry-run] [--yes] [--accept-new-host-key] [--identity FILE] [--password-file FILE] [--psk-file FILE]\n"
              "       [--confirm-timeout S] [--apply-firewall] [--firewall FILE] [--no-tunnel-test]\n"
              "                                         push to both gateways over SSH, transactionally (exit 3:\n"
              "                                         a gateway failed and both were rolled back)\n"
              "  push NETWORK [--gateway NAME]… [--dry-run] [--yes] [--apply-firewall] [--no-tunnel-test] [--confirm-timeout S] …\n"
              "                                         a network (format version 2): every managed gateway, or those\n"
              "                                         named, in one transaction\n"
              "  remove PROFILE --tunnel NAME [--dry-run] [--yes] [--accept-new-host-key] [--identity FILE] [--password-file FILE]\n"
              "       [--confirm-timeout S]\n"
              "                                         take the tunnel off both gateways (its files, marked blocks,\n"
              "                                         policies, firewall table; nothing else), transactionally;\n"
              "                                         in a network, off the gateways of its managed ends\n"
              "  monitor PROFILE [--gateway a|b|both] [--once|--follow] [--raw|--json] [--source auto|setkey|xfrm|swanctl] [--password-file FILE]\n"
              "       [--interval S] [--identity FILE] [--accept-new-host-key]\n"
              "                                         the tunnel's SAs on each gateway, paired across the two\n"
              "  monitor NETWORK [--once|--follow] [--json] [--source …] [--interval S] …\n"
              "                                         every managed gateway of a network, polled side by side, and\n"
              "                                         every tunnel's state (an unreachable gateway: unknown, with why)\n"
              "  check PROFILE [--gateway NAME]… [--json] [--identity FILE] [--accept-new-host-key]\n"
              "                                         drift: each managed gateway's files (ours only, keys masked) and\n"
              "                                         loaded connections against the profile (exit 4: drift, 3: unreachable)\n"
              "  diagnose PROFILE [--tunnel NAME] [--no-initiate] [--json] [--identity FILE] [--accept-new-host-key]\n"
              "       [--password-file FILE]\n"
              "                                         why a tunnel is down: both gateways over SSH, the tunnel\n"
              "                                         started while their charon logs are read (exit 4: not up)\n"
              "  diagnose --log FILE [--log FILE] [--json]\n"
              "                                         the same from saved charon logs of both gateways\n"
              "                                         (exit 4: a cause was found)\n"
              "  diagnose PROFILE [--tunnel NAME] --fix [--yes]\n"
              "                                         and make the fix of a kernel setting or a NAT rule on its\n"
              "                                         gateway, commit-confirmed, after asking\n"
              "  diagnose PROFILE [--tunnel NAME] --log FILE [--json]\n"
              "                                         our gateway's saved log, with a peer someone else runs:\n"
              "                                         what it sent against its settings sheet\n"
              "  parse [--format auto|setkey|setkey-spd|xfrm-state|xfrm-policy|swanctl] [--json] [--reveal-keys] FILE|-\n"
              "                                         parse saved setkey / ip xfrm / swanctl output\n"
              "  lab up|down|status [--json]|exec NODE -- COMMAND|profile\n"
              "                                         a local two-gateway lab (network namespaces, sshd,\n"
              "                                         strongSwan); needs root\n"
              "  lab down --all\n"
              "                                         remove every lab on this machine, also one a killed run\n"
              "                                         left without its state folder\n"
              "  lab up --from PROFILE\n"
              "                                         a lab of every site of PROFILE with its own addresses\n"
              "                                         (NAT routers, an internet router); needs root\n"
              "  lab renumber SITE\n"
              "                                         move a dynamic site's gateway in that lab to its next address\n"
              "\n"
              "Options:\n"
              "  -h, --help     this text\n"
              "  -v, --version  the version\n"
              "\n"
              "The pre-shared key comes from the profile, from --psk-file, or is made fresh for both sides.\n"
              "Exit status: 0 ok, 1 the input is wrong (the message names the field), 2 usage, 3 remote failure,\n"
              "130 a push interrupted (Ctrl-C, SIGTERM): what it had changed is rolled back.\n");
}

// Parses "COMMAND ARGS…" with the given options; positional arguments are checked by the caller.
bool parse(QCommandLineParser& parser, const QStringList& args, QString* problem)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    if (!parser.parse(args)) {
        *problem = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *problem = QString();
        return false;
    }
    return true;
}

Result<TunnelProfile> loadProfile(const QStringList& positional)
{
    if (positional.size() != 2)
        return Error{QStringLiteral("PROFILE"), tr("Give exactly one profile file.")};
    auto profile = ProfileJson::load(positional.at(1));
    if (!profile)
        return Error{profile.error().field, profile.error().message + tr(" (in %1)").arg(positional.at(1))};
    return profile;
}

// --psk-file, then the profile's key, then a fresh key (only when both sides come from this
// one run; *fresh says so, and the caller tells the admin once the files are written).
Result<QByteArray> pskFor(const TunnelProfile& profile, const QString& pskFile, bool bothSides, bool* fresh)
{
    *fresh = false;
    if (!pskFile.isEmpty()) {
        QFile f(pskFile);
        if (!f.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("--psk-file"), tr("Cannot read %1: %2.").arg(pskFile, f.errorString())};
        QByteArray key = f.readLine(4096).trimmed();
        if (key.isEmpty())
            return Error{QStringLiteral("--psk-file"), tr("%1 holds no key on its first line.").arg(pskFile)};
        return key;
    }
    if (profile.psk)
        return *profile.psk;
    if (!bothSides)
        return Error{QStringLiteral("psk"), tr("The profile holds no pre-shared key, and generating one side alone would give the two gateways "
                                               "different keys. Use --side both, --psk-file FILE, or save the profile with its key.")};
    *fresh = true;
    return Psk::generate();
}

void noteFreshKey()
{
    err() << tr("ipsec-wizard: note: a fresh pre-shared key was generated; it is in the generated files only.") << Qt::endl;
}

void printFindings(const QList<Finding>& findings)
{
    for (const Finding& f : findings)
        err() << f.toString() << "\n";
    err().flush();
}

// The profile a command works on: loaded, validated, its findings printed. Without one, *status
// says how to exit (bad input).
std::optional<TunnelProfile> loadValidProfile(const QStringList& positional, int* status)
{
    auto profile = loadProfile(positional);
    if (!profile) {
        *status = inputError(profile.error());
        return std::nullopt;
    }
    const QList<Finding> findings = validate(profile.value());
    printFindings(findings);
    if (hasErrors(findings)) {
        *status = BadInput;
        return std::nullopt;
    }
    return profile.value();
}

int validateCommand(const QStringList& args)
{
    QCommandLineParser parser;
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("validate needs one PROFILE."));
    QList<Finding> findings;
    QFile file(parser.positionalArguments().at(1));
    if (file.open(QIODevice::ReadOnly) && NetworkJson::versionOf(file.read(1 << 20)) >= NetworkProfile::FormatVersion) {
        // A network of sites: checked whole, every finding named by its path in the network.
        auto network = NetworkJson::load(file.fileName());
        if (!network)
            return inputError(Error{network.error().field, network.error().message + tr(" (in %1)").arg(file.fileName())});
        findings = Network::validate(network.value());
    } else {
        auto profile = loadProfile(parser.positionalArguments());
        if (!profile)
            return inputError(profile.error());
        findings = validate(profile.value());
    }
    printFindings(findings);
    if (hasErrors(findings))
        return BadInput;
    out() << QCoreApplication::translate("ipsecwiz::Cli", "%1: valid (%n warning(s))", nullptr, int(findings.size()))
                 .arg(parser.positionalArguments().at(1))
          << Qt::endl;
    return Ok;
}

// Version 1 → 2 in place: the old file is kept beside it as PROFILE.v1 (created, never
// overwritten; with the old file's mode, so a file with the key stays 0600).
int upgradeCommand(const QStringList& args)
{
    QCommandLineParser parser;
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("upgrade needs one PROFILE."));
    const QString path = parser.positionalArguments().at(1);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return inputError(Error{QStringLiteral("PROFILE"), tr("Cannot read %1: %2.").arg(path, file.errorString())});
    const QByteArray old = file.read((1 << 20) + 1);
    file.close();
    auto network = NetworkJson::fromJson(old);
    if (!network)
        return inputError(Error{network.error().field, network.error().message + tr(" (in %1)").arg(path)});
    if (NetworkJson::versionOf(old) >= NetworkProfile::FormatVersion) {
        out() << tr("%1 is already format version %2; nothing changed.").arg(path).arg(NetworkProfile::FormatVersion) << Qt::endl;
        return Ok;
    }
    const QString backup = path + QStringLiteral(".v1");
    const QFileDevice::Permissions mode = QFileInfo(path).permissions();
    const int octal = (mode & QFileDevice::ReadOwner ? 0400 : 0) | (mode & QFileDevice::WriteOwner ? 0200 : 0)
                      | (mode & QFileDevice::ReadGroup ? 040 : 0) | (mode & QFileDevice::ReadOther ? 04 : 0);
    if (QFileInfo::exists(backup))
        return inputError(Error{QStringLiteral("PROFILE"), tr("%1 already exists; move it away first, so no earlier copy is lost.").arg(backup)});
    if (const Status st = FileWriter::writeAtomically(backup, old, octal); !st)
        return inputError(Error{QStringLiteral("PROFILE"), tr("Cannot keep the old file as %1: %2").arg(backup, st.error().message)});
    if (const Status st = NetworkJson::save(network.value(), path, PskInFile::Include); !st)
        return inputError(st.error());
    out() << tr("%1: upgraded to format version %2 (%3 sites, %4 tunnels); the old file is %5.")
                 .arg(path)
                 .arg(NetworkProfile::FormatVersion)
                 .arg(network.value().sites.size())
                 .arg(network.value().tunnels.size())
                 .arg(backup)
          << Qt::endl;
    return Ok;
}

// Writes each gateway's files under OUT/FOLDER. Every target is checked before anything is
// written, so a file standing where a folder must go fails the run with OUT unchanged.
int writeConfigs(const QList<std::pair<QString, GatewayConfig>>& configs, const QString& outDir)
{
    // Every folder on the way is looked at once (a network's gateways share most of them).
    QSet<QString> checked;
    for (const auto& [folder, cfg] : configs) {
        const QString base = outDir + QLatin1Char('/') + folder;
        for (const GeneratedFile& f : cfg.files) {
            const QString target = base + f.path;
            if (QFileInfo(target).isDir())
                return inputError(Error{QStringLiteral("--out"), tr("%1 is a folder; a file must go there.").arg(target)});
            for (QString dir = QFileInfo(target).path(); dir.size() >= outDir.size() && !checked.contains(dir); dir = QFileInfo(dir).path()) {
                checked.insert(dir);
                const QFileInfo info(dir);
                if (info.exists() && !info.isDir())
                    return inputError(Error{QStringLiteral("--out"), tr("%1 is a file; a folder must go there.").arg(dir)});
                if (info.isDir() && !info.isWritable())
                    return inputError(Error{QStringLiteral("--out"), tr("%1 is not writable.").arg(dir)});
                if (info.exists())
                    break;
            }
        }
    }
    // Each file appears whole under its name; one flush of the file system at the end instead of
    // one per file (tens of thousands for a large network). The folders first, then the files on
    // every core at once, then the list in order.
    QSet<QString> made;
    struct Job
    {
        QString target;
        const GeneratedFile* file;
    };
    std::vector<Job> jobs;
    for (const auto& [folder, cfg] : configs) {
        const QString base = outDir + QLatin1Char('/') + folder;
        for (const GeneratedFile& f : cfg.files) {
            const QString target = base + f.path;
            const QString dir = target.left(target.lastIndexOf(QLatin1Char('/')));
            if (!made.contains(dir)) {
                if (auto st = FileWriter::makeFolders(dir); !st)
                    return inputError(Error{QStringLiteral("--out"), st.error().toString()});
                made.insert(dir);
            }
            jobs.push_back({target, &f});
        }
    }
    std::vector<std::optional<Error>> failed(jobs.size());
    forEachIndexInParallel(jobs.size(), 64, [&](size_t i) {
        if (auto st = FileWriter::writeAtomically(jobs[i].target, jobs[i].file->content, jobs[i].file->mode, FileWriter::Sync::Later); !st)
            failed[i] = st.error();
    });
    for (size_t i = 0; i < jobs.size(); ++i) {
        if (failed[i])
            return inputError(Error{QStringLiteral("--out"), failed[i]->toString()});
        out() << QString::number(jobs[i].file->mode, 8).rightJustified(4, QLatin1Char('0')) << "  " << jobs[i].target << "\n";
    }
    if (auto st = FileWriter::syncFolder(outDir); !st)
        return inputError(Error{QStringLiteral("--out"), st.error().toString()});
    return Ok;
}

// PATH as a network (format version 2), when it is one that reads; otherwise the one-tunnel
// commands read it (and report what is wrong with it).
std::optional<NetworkProfile> readNetwork(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || NetworkJson::versionOf(file.read(1 << 20)) < NetworkProfile::FormatVersion)
        return std::nullopt;
    auto network = NetworkJson::load(path);
    return network ? std::optional(network.value()) : std::nullopt;
}

// PATH read as a network (any version) and checked whole; its findings are printed. None, with
// *STATUS set, when it cannot be read or has an error.
std::optional<NetworkProfile> loadValidNetwork(const QString& path, int* status)
{
    auto network = NetworkJson::load(path);
    if (!network) {
        *status = inputError(Error{network.error().field, network.error().message + tr(" (in %1)").arg(path)});
        return std::nullopt;
    }
    const QList<Finding> findings = Network::validate(network.value());
    printFindings(findings);
    if (hasErrors(findings)) {
        *status = BadInput;
        return std::nullopt;
    }
    return network.value();
}

// One tunnel between two sites that version 1 can describe: the pair's commands take it as they are.
bool isOneTunnel(const NetworkProfile& network)
{
    return network.tunnels.size() == 1 && Network::toTunnelProfile(network, network.tunnels.first().name).ok();
}

// A fresh key for every tunnel that has none (both of its ends get it).
Status giveFreshKeys(NetworkProfile& network, bool* fresh)
{
    auto made = Network::giveFreshKeys(network);
    if (!made)
        return made.error();
    *fresh = *fresh || made.value();
    return {};
}

// generate --gateway NAME… | --all for a network of sites (format version 2): OUT/SITE/… per
// managed site. With --all, a tunnel without a key gets a fresh one for both of its ends.
int generateNetwork(const QCommandLineParser& parser, const QString& outDir)
{
    int status = Ok;
    auto network = loadValidNetwork(parser.positionalArguments().at(1), &status);
    if (!network)
        return status;
    NetworkProfile n = *network;
    const bool all = parser.isSet(QStringLiteral("all"));
    bool freshKey = false;
    if (all)
        if (const Status st = giveFreshKeys(n, &freshKey); !st)
            return inputError(st.error());
    const QStringList sites = all ? Generate::managedSites(n) : parser.values(QStringLiteral("gateway"));
    auto generated = Generate::gateways(n, sites);
    if (!generated)
        return inputError(generated.error());
    // A peer someone else runs gets a settings sheet for its admin (without the key).
    const QList<std::pair<QString, GatewayConfig>> configs = Generate::withSettingsSheets(n, generated.value());
    for (Tunnel& t : n.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
    if (const int st = writeConfigs(configs, outDir); st != Ok)
        return st;
    out().flush();
    if (freshKey)
        noteFreshKey();
    return Ok;
}

int generateCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("side"), tr("a, b or both"), QStringLiteral("SIDE"), QStringLiteral("both")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("out")}, tr("output folder"), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("psk-file"), tr("file holding the pre-shared key"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("gateway"), tr("a site of a network (format version 2) whose gateway to write; again for more"),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("all"), tr("every managed gateway of a network (format version 2)")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("generate needs one PROFILE."));
    if (parser.isSet(QStringLiteral("gateway")) || parser.isSet(QStringLiteral("all"))) {
        if (parser.isSet(QStringLiteral("side")) || parser.isSet(QStringLiteral("psk-file")))
            return usageError(tr("--gateway and --all take the keys from the profile; they go without --side and --psk-file."));
        if (parser.isSet(QStringLiteral("gateway")) && parser.isSet(QStringLiteral("all")))
            return usageError(tr("--gateway and --all exclude each other."));
        if (parser.value(QStringLiteral("out")).isEmpty())
            return usageError(tr("generate needs --out DIR."));
        return generateNetwork(parser, parser.value(QStringLiteral("out")));
    }
    const QString side = parser.value(QStringLiteral("side"));
    if (side != QLatin1String("a") && side != QLatin1String("b") && side != QLatin1String("both"))
        return usageError(tr("--side must be a, b or both, not “%1”.").arg(side));
    const QString outDir = parser.value(QStringLiteral("out"));
    if (outDir.isEmpty())
        return usageError(tr("generate needs --out DIR."));

    int status = Ok;
    const auto profile = loadValidProfile(parser.positionalArguments(), &status);
    if (!profile)
        return status;
    bool freshKey = false;
    auto psk = pskFor(profile.value(), parser.value(QStringLiteral("psk-file")), side == QLatin1String("both"), &freshKey);
    if (!psk)
        return inputError(psk.error());

    // Everything is generated before the first byte is written: on any error DIR stays as it was.
    QList<GatewayConfig> configs;
    for (Side s : {Side::A, Side::B}) {
        if (side != QLatin1String("both") && side != sideId(s))
            continue;
        auto cfg = Generate::side(profile.value(), s, psk.value());
        if (!cfg)
            return inputError(cfg.error());
        configs.append(cfg.value());
    }
    QList<std::pair<QString, GatewayConfig>> byFolder;
    for (const GatewayConfig& cfg : configs)
        byFolder.append({QStringLiteral("gateway-") + sideId(cfg.side), cfg});
    if (const int st = writeConfigs(byFolder, outDir); st != Ok)
        return st;
    out().flush();
    if (freshKey)
        noteFreshKey();
    return Ok;
}

// bundle NETWORK -o OUT: a folder per managed gateway; a tunnel without a key gets a fresh one for both ends.
int bundleNetwork(const QCommandLineParser& parser, NetworkProfile network, const QString& outPath)
{
    const QList<Finding> findings = Network::validate(network);
    printFindings(findings);
    if (hasErrors(findings))
        return BadInput;
    if (parser.isSet(QStringLiteral("psk-file")))
        return usageError(tr("--psk-file is for a tunnel between two gateways; a network takes each tunnel's key from the profile."));
    bool freshKey = false;
    if (const Status st = giveFreshKeys(network, &freshKey); !st)
        return inputError(st.error());
    BundleOptions options;
    options.profilePsk = parser.isSet(QStringLiteral("include-psk")) ? PskInFile::Include : PskInFile::Omit;
    options.redact = parser.isSet(QStringLiteral("redact"));
    const QList<BundleEntry> extras{BundleEntry{QStringLiteral("topology.svg"), 0644, topologySvg(network), false}};
    auto entries = ConfigBundle::buildNetwork(network, options, extras);
    for (Tunnel& t : network.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
    if (!entries)
        return inputError(entries.error());
    if (auto st = ConfigBundle::write(entries.value(), outPath); !st)
        return inputError(Error{QStringLiteral("--out"), st.error().toString()});
    out() << tr("Wrote %1 (%2 files).").arg(outPath).arg(entries.value().size()) << Qt::endl;
    if (freshKey)
        noteFreshKey();
    return Ok;
}

int bundleCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({{QStringLiteral("o"), QStringLiteral("out")}, tr("OUT.tar.gz, OUT.zip or a new folder"), QStringLiteral("OUT")});
    parser.addOption({QStringLiteral("redact"), tr("replace every secret by a marked placeholder (for support tickets)")});
    parser.addOption({QStringLiteral("include-psk"), tr("put the pre-shared key in profile.json too")});
    parser.addOption({QStringLiteral("psk-file"), tr("file holding the pre-shared key"), QStringLiteral("FILE")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("bundle needs one PROFILE."));
    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty())
        return usageError(tr("bundle needs -o OUT."));

    {
        // A network that one tunnel cannot describe: a folder per gateway.
        if (const auto network = readNetwork(parser.positionalArguments().at(1)); network && !isOneTunnel(*network))
            return bundleNetwork(parser, *network, outPath);
    }
    int status = Ok;
    const auto profile = loadValidProfile(parser.positionalArguments(), &status);
    if (!profile)
        return status;
    bool freshKey = false;
    auto psk = pskFor(profile.value(), parser.value(QStringLiteral("psk-file")), true, &freshKey);
    if (!psk)
        return inputError(psk.error());
    BundleOptions options;
    options.profilePsk = parser.isSet(QStringLiteral("include-psk")) ? PskInFile::Include : PskInFile::Omit;
    options.redact = parser.isSet(QStringLiteral("redact"));
    const QList<BundleEntry> extras{BundleEntry{QStringLiteral("topology.svg"), 0644, topologySvg(profile.value()), false}};
    auto entries = ConfigBundle::build(profile.value(), psk.value(), options, extras);
    if (!entries)
        return inputError(entries.error());
    if (auto st = ConfigBundle::write(entries.value(), outPath); !st)
        return inputError(Error{QStringLiteral("--out"), st.error().toString()});
    out() << tr("Wrote %1 (%2 files).").arg(outPath).arg(entries.value().size()) << Qt::endl;
    if (freshKey)
        noteFreshKey();
    return Ok;
}

// draw PROFILE -o FILE.svg|FILE.png: the drawing the GUI shows, rendered offscreen (main() gives
// the commands that draw a QApplication on the offscreen platform).
int drawCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({{QStringLiteral("o"), QStringLiteral("out")}, tr("FILE.svg or FILE.png"), QStringLiteral("FILE")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("draw needs one PROFILE."));
    const QString outPath = parser.value(QStringLiteral("out"));
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (outPath.isEmpty() || (suffix != QLatin1String("svg") && suffix != QLatin1String("png")))
        return usageError(tr("draw needs -o FILE.svg or -o FILE.png."));
    int status = Ok;
    const auto network = loadValidNetwork(parser.positionalArguments().at(1), &status);
    if (!network)
        return status;
    TopologyScene scene;
    scene.setColours(TopologyColours::forLight());
    drawNetwork(scene, *network);
    QByteArray bytes;
    if (suffix == QLatin1String("svg")) {
        bytes = scene.toSvg(tr("IPsec network %1").arg(network.value().name));
    } else {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!scene.toImage(2.0).save(&buffer, "PNG"))
            return inputError(Error{QStringLiteral("--out"), tr("The drawing could not be made into a PNG image.")});
    }
    if (const Status st = FileWriter::writeAtomically(outPath, bytes, 0644); !st)
        return inputError(Error{QStringLiteral("--out"), st.error().toString()});
    out() << tr("Wrote %1 (the drawing of “%2”).").arg(outPath, network.value().name) << Qt::endl;
    return Ok;
}

// ansible PROFILE -o DIR: the network's rollout as an Ansible project (model/generate/AnsibleProject.h).
int ansibleCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({{QStringLiteral("o"), QStringLiteral("out")}, tr("the project's folder"), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("gateway"), tr("a managed site to include; again for more (default: every one)"), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("vault-password-file"), tr("write the keys' file encrypted with ansible-vault and this password"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("confirm-timeout"), tr("seconds a changed host waits for the fleet's confirmation"), QStringLiteral("S"), QStringLiteral("120")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("ansible needs one PROFILE."));
    const QString outDir = parser.value(QStringLiteral("out"));
    if (outDir.isEmpty())
        return usageError(tr("ansible needs -o DIR, the project's folder."));
    bool okTimeout = false;
    const int timeout = parser.value(QStringLiteral("confirm-timeout")).toInt(&okTimeout);
    if (!okTimeout || timeout < 10 || timeout > 3600)
        return usageError(tr("--confirm-timeout must be a number of seconds from 10 to 3600."));
    if (QFileInfo(outDir).exists() && !QFileInfo(outDir).isDir())
        return inputError(Error{QStringLiteral("--out"), tr("%1 is a file; the project needs a folder.").arg(outDir)});
    const QString path = parser.positionalArguments().at(1);
    int status = Ok;
    auto network = loadValidNetwork(path, &status);
    if (!network)
        return status;
    NetworkProfile n = *network;
    const QStringList sites = parser.values(QStringLiteral("gateway"));
    for (const QString& site : sites) {
        const Site* s = n.site(site);
        if (!s)
            return inputError(Error{QStringLiteral("--gateway"), tr("The network has no site “%1”.").arg(site)});
        if (!s->gateway.managed)
            return inputError(Error{QStringLiteral("--gateway"), tr("Site “%1” is managed by someone else; its admin configures it.").arg(site)});
    }
    bool freshKey = false;
    if (const Status st = giveFreshKeys(n, &freshKey); !st)
        return inputError(st.error());
    Ansible::Options options;
    options.sites = sites;
    options.profileDir = QFileInfo(path).absolutePath();
    options.homeDir = QDir::homePath();
    options.confirmTimeoutSec = timeout;
    auto files = Ansible::project(n, options);
    for (Tunnel& t : n.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
    if (!files)
        return inputError(files.error());
    QList<Ansible::ProjectFile> project = files.value();
    const bool vault = parser.isSet(QStringLiteral("vault-password-file"));
    if (vault) {
        for (Ansible::ProjectFile& f : project) {
            if (f.path != QLatin1String(Ansible::PskVarsPath))
                continue;
            auto encrypted = Ansible::vaultEncrypt(f.content, parser.value(QStringLiteral("vault-password-file")));
            Psk::wipe(f.content);
            if (!encrypted)
                return inputError(encrypted.error());
            f.content = encrypted.value();
        }
    }
    if (const Status st = Ansible::write(project, outDir); !st)
        return inputError(Error{QStringLiteral("--out"), st.error().toString()});
    for (Ansible::ProjectFile& f : project) {
        out() << QString::number(f.mode, 8).rightJustified(4, QLatin1Char('0')) << "  " << outDir << '/' << f.path << "\n";
        if (f.secret)
            Psk::wipe(f.content);
    }
    out() << (vault ? tr("The keys are in %1/%2, encrypted with ansible-vault.").arg(outDir, QLatin1String(Ansible::PskVarsPath))
                    : tr("The keys are in %1/%2 (0600): encrypt it with ansible-vault before it leaves this machine.").arg(outDir, QLatin1String(Ansible::PskVarsPath)))
          << "\n"
          << tr("Run: cd %1 && ansible-playbook site.yml --check --diff, then without --check.").arg(outDir) << Qt::endl;
    if (freshKey)
        noteFreshKey();
    return Ok;
}

int pskCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("bytes"), tr("key length in bytes"), QStringLiteral("N"), QString::number(Psk::DefaultBytes)});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 1)
        return usageError(tr("psk takes no arguments."));
    bool ok = false;
    const int bytes = parser.value(QStringLiteral("bytes")).toInt(&ok);
    if (!ok)
        return usageError(tr("--bytes needs a number."));
    auto key = Psk::generate(bytes);
    if (!key)
        return usageError(key.error().toString());
    // stdout is where the admin asked for it; nothing else (no log) sees it.
    out() << QString::fromLatin1(key.value()) << Qt::endl;
    Psk::wipe(key.value());
    return Ok;
}

// Reads a secret from the terminal without echo; nullopt when there is no terminal.
// --password-file must be readable before anything connects: a typo in its name would otherwise
// surface only as the gateway's "Permission denied".
Status checkPasswordFile(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("password-file")))
        return {};
    const QString path = parser.value(QStringLiteral("password-file"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("--password-file"), tr("Cannot read %1: %2.").arg(path, f.errorString())};
    return {};
}

// --password-file: its first line answers every SSH password and sudo question (no terminal).
std::function<std::optional<QByteArray>(const QString&)> passwordFromFile(const QString& file)
{
    return [file](const QString&) -> std::optional<QByteArray> {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return std::nullopt;
        QByteArray line = f.readLine(4096);
        if (line.endsWith('\n'))
            line.chop(1);
        return line;
    };
}

// Set by SIGINT/SIGTERM during a push: the deployer stops and rolls back what it started.
std::atomic_bool g_interrupted{false};
static_assert(std::atomic_bool::is_always_lock_free, "set from a signal handler");
// Translated before the handler is installed: a handler may only write(2) what is ready.
QByteArray g_interruptMessage;

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
    const ssize_t n = ::write(STDERR_FILENO, g_interruptMessage.constData(), size_t(g_interruptMessage.size()));
    Q_UNUSED(n)
}

// The first Ctrl-C (or SIGTERM) asks the push to stop and roll back; the handler is reset by
// then (SA_RESETHAND), so a second one ends the program at once and the gateways roll back by
// themselves at their confirmation timeout.
void catchInterrupts(int confirmTimeoutSec)
{
    g_interruptMessage = tr("\nipsec-wizard: interrupted: stopping the push and rolling back what it changed (interrupt again to quit "
                            "at once; a committed gateway then rolls back by itself within %1 s)\n")
                             .arg(confirmTimeoutSec)
                             .toLocal8Bit();
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = onInterrupt;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

std::optional<QByteArray> askSecret(const QString& prompt)
{
    if (!::isatty(STDIN_FILENO) || g_interrupted)
        return std::nullopt;
    err() << terminalSafe(prompt) << ": " << Qt::flush;
    termios old{};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= tcflag_t(~ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    QByteArray line;
    char c = 0;
    while (::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        line.append(c);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    err() << Qt::endl;
    if (g_interrupted) { // read() was cut short: what it has is no answer
        Psk::wipe(line);
        return std::nullopt;
    }
    return line;
}

// --accept-new-host-key: the fingerprint is printed, so what was accepted can be checked later.
bool acceptAndSay(const HostKeyInfo& key, const QString& host)
{
    err() << tr("ipsec-wizard: accepting the new %1 host key of %2: %3").arg(key.type, host, key.fingerprint) << Qt::endl;
    return true;
}

// A gateway's SSH options from the profile, with what the command line says: --identity,
// --accept-new-host-key, --password-file; passwords and passphrases are asked on the terminal.
SshOptions withSshChoices(const QCommandLineParser& parser, SshOptions o)
{
    if (parser.isSet(QStringLiteral("identity")))
        o.keyFile = parser.value(QStringLiteral("identity"));
    if (parser.isSet(QStringLiteral("accept-new-host-key")))
        o.acceptNewHostKey = acceptAndSay;
    o.passphrase = askSecret;
    o.password = askSecret;
    if (parser.isSet(QStringLiteral("password-file")))
        o.password = passwordFromFile(parser.value(QStringLiteral("password-file")));
    return o;
}

// --dry-run: every line the deployer lists, or the profile's error.
int printDryRun(const Result<QStringList>& lines)
{
    if (!lines)
        return inputError(lines.error());
    for (const QString& l : lines.value())
        out() << l << "\n";
    out().flush();
    return Ok;
}

// The CLI's log line for a push event: time, whose (A, B, a site, or * for the whole push), what.
void printDeployEvent(const DeployEvent& e)
{
    static std::mutex printing;
    const std::lock_guard lock(printing);
    const QString who = e.side ? (e.side == Side::A ? QStringLiteral("[A] ") : QStringLiteral("[B] "))
                        : e.gateway.isEmpty() ? QStringLiteral("[*] ")
                                              : QLatin1Char('[') + e.gateway + QStringLiteral("] ");
    QString tag;
    switch (e.kind) {
    case DeployEvent::Kind::Command: tag = QStringLiteral("$ "); break;
    case DeployEvent::Kind::Output: tag = QStringLiteral("  "); break;
    case DeployEvent::Kind::Warning: tag = tr("warning: "); break;
    case DeployEvent::Kind::Error: tag = tr("error: "); break;
    default: break;
    }
    out() << QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz ")) << who << tag << e.text << Qt::endl;
}

// push NETWORK [--gateway SITE]…: every managed gateway (or those named) in one transaction. Each
// tunnel's key comes from the profile: both of its ends must get the same one every time.
// With REMOVE (remove NETWORK --tunnel NAME): only that tunnel, off the gateways of its managed ends.
int pushNetwork(const QCommandLineParser& parser, NetworkProfile network, int timeout, bool remove = false,
                const QHash<QString, GatewayChange>& changes = {})
{
    const QString path = parser.positionalArguments().at(1);
    const QList<Finding> findings = Network::validate(network);
    printFindings(findings);
    if (hasErrors(findings))
        return BadInput;
    for (const QString& option : {QStringLiteral("psk-file"), QStringLiteral("firewall")})
        if (parser.optionNames().contains(option) && parser.isSet(option))
            return usageError(option == QLatin1String("psk-file")
                                  ? tr("--psk-file is for a tunnel between two gateways; a network takes each tunnel's key from the profile.")
                                  : tr("--firewall is for a tunnel between two gateways; a network's gateways load each tunnel's generated "
                                       "firewall.nft (--apply-firewall)."));
    QStringList named = remove ? QStringList() : parser.values(QStringLiteral("gateway"));
    if (remove) {
        const QString name = parser.value(QStringLiteral("tunnel"));
        const auto it = std::find_if(network.tunnels.cbegin(), network.tunnels.cend(), [&](const Tunnel& t) { return t.name == name; });
        if (it == network.tunnels.cend())
            return inputError(Error{QStringLiteral("--tunnel"), tr("The network has no tunnel “%1”.").arg(shown(name))});
        const Tunnel tunnel = *it;
        network.tunnels = {tunnel};
        for (const QString& end : {tunnel.siteA, tunnel.siteB})
            if (network.site(end)->gateway.managed)
                named << end;
        // Nothing of the key is sent: the removal uploads no content.
        bool unused = false;
        if (const Status st = giveFreshKeys(network, &unused); !st)
            return inputError(st.error());
    }
    for (const Tunnel& t : network.tunnels)
        if (!t.psk || t.psk->isEmpty())
            return inputError(Error{Network::tunnelPath(t.name, QStringLiteral("psk")),
                                    tr("Tunnel “%1” has no pre-shared key in the profile; save the profile with its keys, so both ends get "
                                       "the same key every time.")
                                        .arg(t.name)});
    const auto sites = NetworkDeployer::sitesToPush(network, named);
    if (!sites)
        return inputError(sites.error());
    const QString profileDir = QFileInfo(path).absolutePath();
    QHash<QString, SshOptions> ssh;
    for (const QString& name : sites.value())
        ssh.insert(name, withSshChoices(parser, NetworkDeployer::sshOptionsFor(network, *network.site(name), profileDir)));
    DeployOptions options;
    options.confirmTimeoutSec = timeout;
    options.tunnelTest = !remove && !parser.isSet(QStringLiteral("no-tunnel-test"));
    options.remove = remove;
    options.applyFirewall = !remove && parser.optionNames().contains(QStringLiteral("apply-firewall")) && parser.isSet(QStringLiteral("apply-firewall"));
    options.changes = changes;
    options.cancel = &g_interrupted;
    NetworkDeployer deployer(network, sites.value(), ssh, options, printDeployEvent);
    if (parser.isSet(QStringLiteral("dry-run")))
        return printDryRun(deployer.dryRun());
    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!::isatty(STDIN_FILENO))
            return usageError(QCoreApplication::translate("ipsecwiz::Cli", "push changes %n gateway(s); add --yes when no one can answer the question.",
                                                          nullptr, int(sites.value().size())));
        err() << (remove ? tr("Remove tunnel “%1” from %2? [y/N] ").arg(network.tunnels.first().name, sites.value().join(QStringLiteral(", ")))
                         : tr("Push network “%1” to %2? [y/N] ").arg(network.name, sites.value().join(QStringLiteral(", "))))
              << Qt::flush;
        char answer[8] = {};
        if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y'))
            return Usage;
    }
    catchInterrupts(timeout);
    const NetworkDeployResult result = deployer.run();
    out() << result.tunnelReport;
    for (const auto& [site, outcome] : result.outcome)
        out() << site << ": " << outcomeName(outcome) << "\n";
    out().flush();
    if (!result.ok) {
        err() << "ipsec-wizard: error: " << result.message << Qt::endl;
        return g_interrupted ? Interrupted : RemoteFailure;
    }
    return Ok;
}

// push, and remove (the same transaction, taking the tunnel's pieces off both gateways); CHANGES:
// a diagnosis's fixes the admin agreed to (diagnose --fix), made in the same transaction.
int pushOrRemove(const QStringList& args, bool remove, const QHash<QString, GatewayChange>& changes = {})
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("dry-run"), tr("show every file and command, change nothing")});
    parser.addOption({QStringLiteral("yes"), tr("do not ask before pushing")});
    parser.addOption({QStringLiteral("accept-new-host-key"), tr("accept and record a gateway's host key that is not known yet")});
    parser.addOption({QStringLiteral("identity"), tr("SSH private key for both gateways"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("password-file"), tr("file whose first line is the SSH / sudo password (keep it 0600)"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("confirm-timeout"), tr("seconds before an unconfirmed gateway rolls back"), QStringLiteral("S"), QStringLiteral("60")});
    if (remove) {
        parser.addOption({QStringLiteral("tunnel"), tr("the tunnel to take off its gateways"), QStringLiteral("NAME")});
    } else {
        parser.addOption({QStringLiteral("gateway"), tr("a network (format version 2): push to this site's gateway (repeat for more); "
                                                        "default: every managed one"),
                          QStringLiteral("NAME")});
        parser.addOption({QStringLiteral("psk-file"), tr("file holding the pre-shared key"), QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("apply-firewall"), tr("load firewall.nft as the tunnel's own nftables table (a network: every tunnel's of each gateway pushed)")});
        parser.addOption({QStringLiteral("firewall"), tr("apply these nftables rules (defining the tunnel's table) instead of the generated ones"),
                          QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("no-tunnel-test"), tr("skip the ping through the tunnel")});
    }
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(remove ? tr("remove needs one PROFILE.") : tr("push needs one PROFILE."));
    if (remove && parser.value(QStringLiteral("tunnel")).isEmpty())
        return usageError(tr("remove needs --tunnel NAME: the tunnel to take off."));
    bool ok = false;
    const int timeout = parser.value(QStringLiteral("confirm-timeout")).toInt(&ok);
    if (!ok || timeout < 5 || timeout > 3600)
        return usageError(tr("--confirm-timeout must be 5 to 3600 seconds."));
    if (const Status st = checkPasswordFile(parser); !st)
        return inputError(st.error());

    // A network that version 1 cannot describe, or a push to named sites: every gateway in one transaction.
    if (const auto network = readNetwork(parser.positionalArguments().at(1));
        network && ((!remove && parser.isSet(QStringLiteral("gateway"))) || !isOneTunnel(*network) || network->hasImportedGateway()))
        return pushNetwork(parser, *network, timeout, remove, changes);
    int status = Ok;
    const auto profile = loadValidProfile(parser.positionalArguments(), &status);
    if (!profile)
        return status;
    if (remove && parser.value(QStringLiteral("tunnel")) != profile.value().name)
        return inputError(Error{QStringLiteral("--tunnel"), tr("The profile describes tunnel “%1”, not “%2”.")
                                                                 .arg(profile.value().name, shown(parser.value(QStringLiteral("tunnel"))))});
    // Both gateways must end up with one key that stays the same from push to push (a removal
    // sends no key at all).
    if (!remove && parser.value(QStringLiteral("psk-file")).isEmpty() && !profile.value().psk)
        return inputError(Error{QStringLiteral("psk"), tr("The profile holds no pre-shared key. Save the profile with its key (the wizard "
                                                          "does), or give --psk-file FILE, so both gateways get the same key every time.")});
    bool freshKey = false;
    auto psk = pskFor(profile.value(), remove ? QString() : parser.value(QStringLiteral("psk-file")), true, &freshKey);
    if (!psk)
        return inputError(psk.error());

    const QString profileDir = QFileInfo(parser.positionalArguments().at(1)).absolutePath();
    std::array<SshOptions, 2> ssh;
    for (Side side : {Side::A, Side::B})
        ssh[size_t(side)] = withSshChoices(parser, Deployer::sshOptionsFor(profile.value(), side, profileDir));
    DeployOptions options;
    options.confirmTimeoutSec = timeout;
    options.remove = remove;
    options.applyFirewall = !remove && parser.isSet(QStringLiteral("apply-firewall"));
    options.tunnelTest = !remove && !parser.isSet(QStringLiteral("no-tunnel-test"));
    if (!remove && parser.isSet(QStringLiteral("firewall"))) {
        QFile rules(parser.value(QStringLiteral("firewall")));
        if (!rules.open(QIODevice::ReadOnly))
            return inputError(Error{QStringLiteral("--firewall"), tr("Cannot read %1: %2.").arg(rules.fileName(), rules.errorString())});
        options.firewallRules = rules.read(1 << 20);
        // A rollback deletes the tunnel's table and nothing else: anything else in the file
        // (another table, flush ruleset, include) could not be undone.
        if (const Status st = checkFirewallRules(options.firewallRules, profile.value().name); !st)
            return inputError(Error{QStringLiteral("--firewall"), st.error().message});
    }
    options.changes = changes;
    options.cancel = &g_interrupted;
    Deployer deployer(profile.value(), psk.value(), ssh, options, printDeployEvent);

    if (parser.isSet(QStringLiteral("dry-run")))
        return printDryRun(deployer.dryRun());
    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!::isatty(STDIN_FILENO))
            return usageError(remove ? tr("remove changes two gateways; add --yes when no one can answer the question.")
                                     : tr("push changes two gateways; add --yes when no one can answer the question."));
        err() << (remove ? tr("Remove tunnel “%1” from gateway A (%2) and gateway B (%3)? [y/N] ")
                         : tr("Push tunnel “%1” to gateway A (%2) and gateway B (%3)? [y/N] "))
                     .arg(profile.value().name, ssh[0].host, ssh[1].host)
              << Qt::flush;
        char answer[8] = {};
        if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y'))
            return Usage;
    }
    catchInterrupts(timeout);
    const DeployResult result = deployer.run();
    if (!result.tunnelReport.isEmpty())
        out() << result.tunnelReport;
    for (Side side : {Side::A, Side::B})
        out() << (side == Side::A ? tr("gateway A: ") : tr("gateway B: ")) << outcomeName(result.outcome[size_t(side)]) << "\n";
    out().flush();
    if (!result.ok) {
        err() << "ipsec-wizard: error: " << result.message << Qt::endl;
        return g_interrupted ? Interrupted : RemoteFailure;
    }
    return Ok;
}

int pushCommand(const QStringList& args)
{
    return pushOrRemove(args, false);
}

int removeCommand(const QStringList& args)
{
    return pushOrRemove(args, true);
}

// What check compares on each managed gateway of PATH (WANTED: only those): the files the profile
// generates for it, its strongSwan connections, the keys to mask. A tunnel whose key the profile
// does not hold is named in KEYLESS (its files are made with a stand-in, and no key is compared).
// None, with *STATUS set, when the profile cannot be read or is wrong.
std::optional<QList<CheckTarget>> checkTargets(const QCommandLineParser& parser, const QString& path, const QStringList& wanted,
                                               QStringList* keyless, int* status, bool quiet = false)
{
    // QUIET: the caller has read and reported the profile already (diagnose).
    const auto network = [&]() -> std::optional<NetworkProfile> {
        if (!quiet)
            return loadValidNetwork(path, status);
        auto n = NetworkJson::load(path);
        return n && !hasErrors(Network::validate(n.value())) ? std::optional(n.value()) : std::nullopt;
    };
    const auto pair = [&]() -> std::optional<TunnelProfile> {
        if (!quiet)
            return loadValidProfile(parser.positionalArguments(), status);
        auto n = network();
        if (!n || n->tunnels.isEmpty())
            return std::nullopt;
        auto p = Network::toTunnelProfile(*n, n->tunnels.first().name);
        return p ? std::optional(p.value()) : std::nullopt;
    };
    const QString profileDir = QFileInfo(path).absolutePath();
    QList<CheckTarget> targets;
    if (const auto read = readNetwork(path); read && !isOneTunnel(*read)) {
        auto valid = network();
        if (!valid)
            return std::nullopt;
        auto made = DriftChecker::targetsFor(*valid, wanted, profileDir, keyless);
        if (!made) {
            *status = inputError(made.error());
            return std::nullopt;
        }
        targets = made.value();
        for (CheckTarget& t : targets)
            t.ssh = withSshChoices(parser, t.ssh);
    } else {
        const auto profile = pair();
        if (!profile)
            return std::nullopt;
        for (const QString& g : wanted)
            if (g != QLatin1String("a") && g != QLatin1String("b")) {
                *status = usageError(tr("--gateway of a tunnel between two gateways is a or b."));
                return std::nullopt;
            }
        QByteArray psk = profile.value().psk.value_or(QByteArray());
        if (psk.isEmpty())
            *keyless << profile.value().name;
        for (Side side : {Side::A, Side::B}) {
            if (!wanted.isEmpty() && !wanted.contains(sideId(side)))
                continue;
            auto cfg = Generate::side(profile.value(), side, psk.isEmpty() ? QByteArray("0x") + QByteArray(64, '0') : psk);
            if (!cfg) {
                *status = inputError(cfg.error());
                return std::nullopt;
            }
            CheckTarget t;
            t.label = side == Side::A ? QStringLiteral("gateway A") : QStringLiteral("gateway B");
            t.ssh = withSshChoices(parser, Deployer::sshOptionsFor(profile.value(), side, profileDir));
            t.expected = cfg.value();
            if (!psk.isEmpty())
                t.keys << psk;
            if (profile.value().gateway(side).flavour == Flavour::StrongSwan)
                t.connections << profile.value().name;
            targets << t;
        }
        Psk::wipe(psk);
    }
    return targets;
}

// The causes found, as text or JSON; exit 4 when there is one.
int printDiagnoses(const QCommandLineParser& parser, const QList<IkeDiagnosis>& found, const QJsonObject& extra, const QString& none,
                   bool sayStateToo = false)
{
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const IkeDiagnosis& d : found) {
            QJsonObject o{{QStringLiteral("cause"), d.cause},
                          {QStringLiteral("field"), d.field},
                          {QStringLiteral("side"), d.side},
                          {QStringLiteral("fix"), d.fix},
                          {QStringLiteral("evidence"), QJsonArray::fromStringList(d.evidence)}};
            if (!d.change.isEmpty()) // what diagnose --fix would make on the gateway of site "site"
                o.insert(QStringLiteral("change"), QJsonObject{{QStringLiteral("site"), d.change.site},
                                                               {QStringLiteral("changes"), QJsonArray::fromStringList(d.change.described())}});
            list.append(o);
        }
        QJsonObject o = extra;
        o.insert(QStringLiteral("findings"), list);
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented) << Qt::flush;
    } else if (found.isEmpty()) {
        out() << none << Qt::endl;
    } else {
        for (qsizetype i = 0; i < found.size(); ++i) {
            const IkeDiagnosis& d = found.at(i);
            out() << (i + 1) << ". " << terminalSafe(d.cause) << "\n";
            out() << "   " << tr("field: %1").arg(d.field) << "\n";
            if (!d.side.isEmpty())
                out() << "   " << tr("where: %1").arg(d.side) << "\n";
            out() << "   " << tr("fix: %1").arg(terminalSafe(d.fix)) << "\n";
            if (!d.change.isEmpty())
                out() << "   " << tr("diagnose --fix makes it on %1: %2").arg(d.side, d.change.described().join(QStringLiteral("; "))) << "\n";
            for (const QString& e : d.evidence)
                out() << "     " << terminalSafe(e) << "\n";
        }
        // The tunnel's state is worth saying under findings that are not its cause (drift).
        if (sayStateToo)
            out() << none << "\n";
        out().flush();
    }
    return found.isEmpty() ? Ok : Found;
}

// The tunnel --tunnel names, or a network's only one; -1 when there is none (said on stderr).
int diagnosedTunnel(const QCommandLineParser& parser, const NetworkProfile& n)
{
    QString name = parser.value(QStringLiteral("tunnel"));
    if (name.isEmpty() && n.tunnels.size() == 1)
        name = n.tunnels.first().name;
    const int ti = n.tunnelIndex(name);
    if (ti < 0)
        usageError(name.isEmpty() ? tr("the network has several tunnels; name one with --tunnel NAME.")
                                  : tr("the network has no tunnel “%1”.").arg(shown(name)));
    return ti;
}

int diagnoseGateways(const QCommandLineParser& parser, bool mayFix = true);

// diagnose --fix: the first cause whose fix the program makes itself (a kernel setting, a NAT
// exemption) is made on its gateway by a commit-confirmed push, once the admin agrees; then the
// tunnel is diagnosed again.
int applyFix(const QCommandLineParser& parser, const IkeDiagnosis& d)
{
    const QString path = parser.positionalArguments().at(1);
    out() << "\n"
          << tr("The fix the program can make itself, on %1 (site %2), in a commit-confirmed push (undone unless the tunnel then works "
                "and the push is confirmed):")
                 .arg(d.side, d.change.site)
          << "\n";
    for (const QString& line : d.change.described())
        out() << "  " << line << "\n";
    out() << tr("It lasts until the gateway restarts; to keep it: %1").arg(terminalSafe(d.fix)) << "\n" << Qt::flush;
    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!::isatty(STDIN_FILENO))
            return usageError(tr("diagnose --fix changes a gateway; add --yes when no one can answer the question."));
        err() << tr("Make this change on %1? [y/N] ").arg(d.side) << Qt::flush;
        char answer[8] = {};
        if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y'))
            return Usage;
    }
    QStringList args{QStringLiteral("ipsec-wizard"), QStringLiteral("push"), path, QStringLiteral("--yes")};
    for (const QString& option : {QStringLiteral("identity"), QStringLiteral("password-file")})
        if (parser.isSet(option))
            args << QStringLiteral("--") + option << parser.value(option);
    if (parser.isSet(QStringLiteral("accept-new-host-key")))
        args << QStringLiteral("--accept-new-host-key");
    if (const int pushed = pushOrRemove(args, false, {{d.change.site, d.change}}); pushed != Ok)
        return pushed;
    out() << "\n" << tr("The change is confirmed. The tunnel, diagnosed again:") << "\n" << Qt::flush;
    return diagnoseGateways(parser, false);
}

// diagnose PROFILE [--tunnel NAME]: both gateways of the tunnel over SSH (Diagnoser).
int diagnoseGateways(const QCommandLineParser& parser, bool mayFix)
{
    const QString path = parser.positionalArguments().at(1);
    int status = Ok;
    const auto loaded = loadValidNetwork(path, &status);
    if (!loaded)
        return status;
    const NetworkProfile& n = *loaded;
    if (const Status st = checkPasswordFile(parser); !st)
        return inputError(st.error());
    const int ti = diagnosedTunnel(parser, n);
    if (ti < 0)
        return Usage;
    const Tunnel& t = n.tunnels.at(ti);
    auto ends = Diagnoser::gatewaysOf(n, ti, QFileInfo(path).absolutePath(), [&](SshOptions o) { return withSshChoices(parser, o); });
    if (!ends)
        return usageError(ends.error().message);
    // Drift of the tunnel's own files, as check finds it: what the profile generates for each end.
    QStringList keyless;
    if (const auto targets = checkTargets(parser, path, {}, &keyless, &status, true)) {
        for (DiagnoseGateway* end : {&ends.value().first, &ends.value().second}) {
            for (CheckTarget target : *targets) {
                if (target.label != end->label || !end->ssh)
                    continue;
                QList<GeneratedFile> own;
                for (const GeneratedFile& f : target.expected.files)
                    if (isOneTunnel(n) || f.path.contains(QLatin1Char('/') + t.name + QLatin1Char('.')) || f.path.contains(QLatin1Char('/') + t.name + QLatin1Char('/')))
                        own << f;
                target.expected.files = own;
                target.ssh = *end->ssh;
                end->expected = target;
            }
        }
    }
    const DiagnoseReport r = Diagnoser::run(t.name, ends.value().first, ends.value().second, !parser.isSet(QStringLiteral("no-initiate")));
    QJsonObject extra{{QStringLiteral("tunnel"), t.name}, {QStringLiteral("up"), r.up}, {QStringLiteral("attempted"), r.attempted},
                      {QStringLiteral("logA"), QJsonArray::fromStringList(r.logA)}, {QStringLiteral("logB"), QJsonArray::fromStringList(r.logB)},
                      {QStringLiteral("probes"), QJsonArray::fromStringList(r.probes)}};
    QString state;
    if (!r.findings.isEmpty()) // under the findings: where the tunnel stands
        state = r.up ? tr("Tunnel %1 is up on both gateways.").arg(t.name)
            : !r.attempted ? tr("Tunnel %1 is not up; it was not started (--no-initiate).").arg(t.name)
                           : tr("Tunnel %1 did not come up.").arg(t.name);
    else if (r.up)
        state = r.attempted ? tr("Tunnel %1 came up when started: no cause to report.").arg(t.name) : tr("Tunnel %1 is up on both gateways.").arg(t.name);
    else if (!r.attempted)
        state = tr("Tunnel %1 is not up; it was not started (--no-initiate), and nothing else is wrong on the gateways.").arg(t.name);
    else
        state = tr("Tunnel %1 did not come up, and the logs of the attempt name no cause: read them with --json.").arg(t.name);
    // What the data path's probes saw, under where the tunnel stands.
    for (const QString& p : r.probes)
        state += QStringLiteral("\n  ") + p;
    // 0 only for a tunnel that is (or came) up with nothing to report.
    const int printed = printDiagnoses(parser, r.findings, extra, state, true);
    if (mayFix && parser.isSet(QStringLiteral("fix"))) {
        const auto fixable = std::find_if(r.findings.cbegin(), r.findings.cend(), [](const IkeDiagnosis& d) { return !d.change.isEmpty(); });
        if (fixable != r.findings.cend())
            return applyFix(parser, *fixable);
        out() << tr("None of these is a change the program makes itself (--fix): a kernel setting or a NAT exemption.") << "\n";
    }
    return printed == Ok && !r.up ? Found : printed;
}

// diagnose PROFILE [--tunnel NAME] --log FILE: our gateway's saved log of an attempt with a peer
// someone else runs, held against that peer's settings sheet (and decoded as diagnose --log does).
int diagnosePeerLog(const QCommandLineParser& parser, const QString& logPath)
{
    const QString path = parser.positionalArguments().at(1);
    int status = Ok;
    const auto loaded = loadValidNetwork(path, &status);
    if (!loaded)
        return status;
    const NetworkProfile& n = *loaded;
    const int ti = diagnosedTunnel(parser, n);
    if (ti < 0)
        return Usage;
    const Tunnel& t = n.tunnels.at(ti);
    const Site* sa = n.site(t.siteA);
    const Site* sb = n.site(t.siteB);
    if (!sa || !sb || sa->gateway.managed == sb->gateway.managed)
        return usageError(tr("diagnose PROFILE --log FILE holds a peer someone else runs against its settings sheet; both ends of “%1” are "
                             "%2. Give both gateways' logs instead: diagnose --log A --log B.")
                              .arg(shown(t.name), sa && sa->gateway.managed ? tr("managed") : tr("someone else's")));
    const Site& ours = sa->gateway.managed ? *sa : *sb;
    QFile file(logPath);
    if (!file.open(QIODevice::ReadOnly))
        return inputError(Error{QStringLiteral("--log"), tr("Cannot read %1: %2.").arg(logPath, file.errorString())});
    const QList<IkeLogEvent> events = IkeLog::parse(file.read(64 << 20));
    const PeerSheet sheet = Generate::peerSheet(n, t);
    const QList<IkeDiagnosis> found = PeerCheck::compare(events, sheet, ours.name) + IkeDiagnose::diagnose(events, {}, false, ours.name, sheet.peer);
    return printDiagnoses(parser, found,
                          QJsonObject{{QStringLiteral("tunnel"), t.name}, {QStringLiteral("peer"), sheet.peer}, {QStringLiteral("events"), int(events.size())}},
                          tr("No cause found in %1 lines of %2's log: %3 sent nothing its settings sheet does not say.").arg(events.size()).arg(ours.name, sheet.peer));
}

// diagnose --log FILE [--log FILE]: charon's logs of one attempt (the first gateway's, then its
// peer's), decoded offline into causes, most likely first.
int diagnoseCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("log"), tr("a gateway's charon or racoon log (file, journal, syslog or swanctl --log); give A's, then B's"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), tr("print the causes as JSON")});
    parser.addOption({QStringLiteral("tunnel"), tr("the tunnel of a network to diagnose"), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("no-initiate"), tr("only look at the gateways; do not start the tunnel")});
    parser.addOption({QStringLiteral("fix"), tr("make the first cause's fix that the program can make itself (a kernel setting, a NAT exemption) "
                                                 "on its gateway, commit-confirmed, after asking")});
    parser.addOption({QStringLiteral("yes"), tr("with --fix: do not ask before changing the gateway")});
    parser.addOption({QStringLiteral("identity"), tr("SSH private key file"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("accept-new-host-key"), tr("accept and record an unknown host key")});
    parser.addOption({QStringLiteral("password-file"), tr("file holding the SSH password"), QStringLiteral("FILE")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    const QStringList logs = parser.values(QStringLiteral("log"));
    if (parser.positionalArguments().size() == 2 && logs.isEmpty())
        return diagnoseGateways(parser);
    if (parser.positionalArguments().size() == 2 && logs.size() == 1)
        return diagnosePeerLog(parser, logs.first());
    if (parser.positionalArguments().size() != 1 || logs.isEmpty() || logs.size() > 2)
        return usageError(tr("diagnose needs a PROFILE (its gateways over SSH), or --log FILE (A's log) and --log FILE again for B's, or a PROFILE and --log FILE (our gateway's, with a peer someone else runs)."));
    QList<IkeLogEvent> events[2];
    for (qsizetype i = 0; i < logs.size(); ++i) {
        QFile file(logs.at(i));
        if (!file.open(QIODevice::ReadOnly))
            return inputError(Error{QStringLiteral("--log"), tr("Cannot read %1: %2.").arg(logs.at(i), file.errorString())});
        events[i] = IkeLog::parse(file.read(64 << 20));
    }
    const QList<IkeDiagnosis> found = IkeDiagnose::diagnose(events[0], events[1], logs.size() == 2);
    return printDiagnoses(parser, found, QJsonObject{{QStringLiteral("events"), QJsonArray{int(events[0].size()), int(events[1].size())}}},
                          tr("No cause found in %1 and %2 lines of charon's log.").arg(events[0].size()).arg(events[1].size()));
}

int parseCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("format"), tr("auto, setkey, setkey-spd, xfrm-state, xfrm-policy or swanctl"), QStringLiteral("F"),
                      QStringLiteral("auto")});
    parser.addOption({QStringLiteral("json"), tr("print JSON")});
    parser.addOption({QStringLiteral("reveal-keys"), tr("print key material instead of masking it")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("parse needs one FILE (or - for standard input)."));
    const auto format = formatFromName(parser.value(QStringLiteral("format")));
    if (!format && parser.value(QStringLiteral("format")) != QLatin1String("auto"))
        return usageError(tr("--format must be auto, setkey, setkey-spd, xfrm-state, xfrm-policy or swanctl."));
    const QString path = parser.positionalArguments().at(1);
    QFile in;
    if (path == QLatin1String("-") ? !in.open(stdin, QIODevice::ReadOnly) : (in.setFileName(path), !in.open(QIODevice::ReadOnly)))
        return inputError(Error{QStringLiteral("FILE"), tr("Cannot read %1: %2.").arg(path, in.errorString())});
    // Saved outputs are small; refuse what cannot be one rather than fill memory.
    const auto tooLarge = [&] {
        return inputError(Error{QStringLiteral("FILE"), tr("%1 is larger than %2 MB; not a saved SA listing.").arg(path).arg(MonitorSession::MaxOutputBytes >> 20)});
    };
    // A regular file is parsed where it lies in the page cache: copying a 5 MB dump out of it
    // took longer than starting the process. (A file truncated by someone else while it is being
    // parsed ends the process with SIGBUS; for a saved listing that is taken as the price.) A
    // pipe, or a file that does not know its size (/proc), is read.
    QByteArray copy;
    QByteArrayView text;
    if (!in.isSequential() && in.size() > MonitorSession::MaxOutputBytes)
        return tooLarge();
    if (const uchar* mapped = in.isSequential() || in.size() == 0 ? nullptr : in.map(0, in.size())) {
        text = QByteArrayView(mapped, in.size());
    } else {
        // One read() of a pipe returns what the pipe holds at that moment (64 KB), not all of it.
        while (copy.size() <= MonitorSession::MaxOutputBytes) {
            const QByteArray chunk = in.read(MonitorSession::MaxOutputBytes + 1 - copy.size());
            if (chunk.isEmpty())
                break;
            copy += chunk;
        }
        if (copy.size() > MonitorSession::MaxOutputBytes)
            return tooLarge();
        text = copy;
    }
    const Snapshot snapshot = SnapshotParser::parse(text, format.value_or(SnapshotFormat::Auto));
    if (parser.isSet(QStringLiteral("json"))) {
        // Straight to standard output as it is written: a 10,000-SA dump is 7.5 MB of JSON, and
        // neither a QJsonObject tree of it nor a second copy as a QString need ever exist.
        out().flush();
        QFile stdOut;
        if (!stdOut.open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
            return inputError(Error{QStringLiteral("stdout"), stdOut.errorString()});
        JsonWriter writer(&stdOut);
        SnapshotJson::write(writer, snapshot, parser.isSet(QStringLiteral("reveal-keys")));
        writer.flush();
        stdOut.flush();
        return Ok;
    }
    out() << tr("%1: %2 SAs, %3 policies, %4 IKE SAs\n").arg(formatName(snapshot.format)).arg(snapshot.sas.size()).arg(snapshot.policies.size()).arg(snapshot.ikeSas.size());
    out().flush();
    // As UTF-8 in one piece: through QTextStream the 10,000 lines were copied once more first.
    QFile stdOut;
    if (!stdOut.open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
        return inputError(Error{QStringLiteral("stdout"), stdOut.errorString()});
    stdOut.write(SnapshotExport::text(snapshot).toUtf8());
    stdOut.flush();
    return Ok;
}

// monitor NETWORK: every managed gateway, each on its own persistent session, polled side by side
// (at most MonitorPoolThreads at once); a gateway that cannot be reached, or stops answering, is
// reported with its reason and tried again at the next poll while the others go on. Every tunnel's
// state comes from both of its ends (NetworkMonitor).

int monitorNetwork(const QCommandLineParser& parser, MonitorSource source, double interval)
{
    int status = Ok;
    const auto loaded = loadValidNetwork(parser.positionalArguments().at(1), &status);
    if (!loaded)
        return status;
    const NetworkProfile& network = *loaded;
    const QString profileDir = QFileInfo(parser.positionalArguments().at(1)).absolutePath();
    const QStringList sites = Generate::managedSites(network);
    if (sites.isEmpty())
        return inputError(Error{QStringLiteral("sites"), tr("The network has no managed gateway to watch.")});
    std::vector<std::unique_ptr<MonitorSession>> sessions(size_t(sites.size()));
    QList<TunnelReading> previous;
    bool first = true;
    for (;;) {
        std::vector<GatewayReading> polled(size_t(sites.size()));
        forEachIndexOnThreads(size_t(sites.size()), MonitorPoolThreads, [&](size_t i) {
            GatewayReading& r = polled[i];
            if (!sessions[i]) {
                const Site* site = network.site(sites.at(int(i)));
                auto m = MonitorSession::open(withSshChoices(parser, NetworkDeployer::sshOptionsFor(network, *site, profileDir)), source);
                if (!m) {
                    r.reason = terminalSafe(m.error().toString());
                    return;
                }
                sessions[i] = std::move(m.value());
            }
            auto poll = sessions[i]->poll();
            if (!poll) {
                r.reason = terminalSafe(poll.error().toString());
                sessions[i].reset(); // connect again next time
                return;
            }
            r = readingOf(poll.value(), snapshotOf(poll.value()));
        });
        QHash<QString, GatewayReading> readings;
        for (size_t i = 0; i < polled.size(); ++i)
            readings.insert(sites.at(int(i)), std::move(polled[i]));
        const QList<TunnelReading> tunnels = NetworkMonitor::tunnels(network, readings, first ? nullptr : &previous);
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject json = NetworkMonitor::toJson(network, readings, tunnels);
            json.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            out() << QString::fromUtf8(QJsonDocument(json).toJson(parser.isSet(QStringLiteral("follow")) ? QJsonDocument::Compact : QJsonDocument::Indented))
                  << (parser.isSet(QStringLiteral("follow")) ? "\n" : "");
        } else {
            out() << "== " << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) << "  " << tr("network %1").arg(network.name) << "\n";
            for (const QString& site : sites) {
                const GatewayReading& r = readings[site];
                out() << "  " << site.leftJustified(16) << ' '
                      << (r.reached ? tr("%1, %2 SAs, %3 ms").arg(r.source).arg(r.snapshot.sas.size() + [&] {
                             qsizetype n = 0;
                             for (const IkeSa& ike : r.snapshot.ikeSas)
                                 n += ike.children.size();
                             return n;
                         }()).arg(r.roundTripMs)
                                    : tr("unknown: %1").arg(r.reason))
                      << "\n";
            }
            for (const TunnelReading& t : tunnels) {
                out() << "  " << t.tunnel.leftJustified(16) << ' ' << tunnelStateName(t.state).leftJustified(8) << ' ' << t.siteA << " ⇄ " << t.siteB;
                if (t.oneSided)
                    out() << tr(" (seen from our end only)");
                if (!t.reason.isEmpty())
                    out() << "  " << t.reason;
                out() << "\n";
                for (const QString& f : t.correlation.findings)
                    out() << "      " << f << "\n";
            }
        }
        out().flush();
        previous = tunnels;
        first = false;
        if (!parser.isSet(QStringLiteral("follow"))) {
            // One look: 0 when every gateway answered, 3 when one could not be reached.
            for (const auto& r : std::as_const(readings))
                if (!r.reached)
                    return RemoteFailure;
            return Ok;
        }
        QThread::msleep(ulong(interval * 1000));
    }
}

// check PROFILE: drift on every managed gateway (or those named), read side by side.
int checkCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("gateway"), tr("a managed site (a network) or a, b (a pair); again for more"), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("json"), tr("print JSON")});
    parser.addOption({QStringLiteral("identity"), tr("SSH private key"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("accept-new-host-key"), tr("accept and record an unknown host key")});
    parser.addOption({QStringLiteral("password-file"), tr("file whose first line is the SSH password (keep it 0600)"), QStringLiteral("FILE")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("check needs one PROFILE."));
    if (const Status st = checkPasswordFile(parser); !st)
        return inputError(st.error());
    const QString path = parser.positionalArguments().at(1);
    const QString profileDir = QFileInfo(path).absolutePath();
    const QStringList wanted = parser.values(QStringLiteral("gateway"));
    QStringList keyless;
    int status = Ok;
    const auto made = checkTargets(parser, path, wanted, &keyless, &status);
    if (!made)
        return status;
    QList<CheckTarget> targets = *made;
    std::vector<GatewayCheck> results(size_t(targets.size()));
    forEachIndexOnThreads(size_t(targets.size()), MonitorPoolThreads, [&](size_t i) { results[i] = DriftChecker::run(targets.at(int(i))); });
    for (CheckTarget& t : targets)
        for (QByteArray& k : t.keys)
            Psk::wipe(k);

    bool drift = false, unreached = false;
    QJsonArray gateways;
    for (const GatewayCheck& r : results) {
        drift = drift || (r.reached && r.drift());
        unreached = unreached || !r.reached;
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject g;
            g.insert(QStringLiteral("gateway"), r.label);
            g.insert(QStringLiteral("reached"), r.reached);
            if (!r.reached)
                g.insert(QStringLiteral("reason"), terminalSafe(r.reason));
            g.insert(QStringLiteral("drift"), r.reached && r.drift());
            QJsonArray files;
            for (const FileDrift& f : r.files) {
                QJsonObject o;
                o.insert(QStringLiteral("path"), f.path);
                if (!f.block.isEmpty())
                    o.insert(QStringLiteral("block"), f.block);
                o.insert(QStringLiteral("state"), driftStateId(f.state));
                if (!f.diff.isEmpty())
                    o.insert(QStringLiteral("diff"), terminalSafe(f.diff));
                files.append(o);
            }
            g.insert(QStringLiteral("files"), files);
            g.insert(QStringLiteral("notLoaded"), QJsonArray::fromStringList(r.notLoaded));
            g.insert(QStringLiteral("missingPolicies"), QJsonArray::fromStringList(r.missingPolicies));
            if (!r.daemonError.isEmpty())
                g.insert(QStringLiteral("daemonError"), terminalSafe(r.daemonError));
            gateways.append(g);
            continue;
        }
        if (!r.reached) {
            out() << tr("%1: cannot be reached: %2").arg(r.label, terminalSafe(r.reason)) << "\n";
            continue;
        }
        if (!r.drift()) {
            out() << tr("%1: no drift (%2 files or blocks of ours as the profile makes them; the connections loaded)").arg(r.label).arg(r.files.size()) << "\n";
            continue;
        }
        out() << tr("%1: drift").arg(r.label) << "\n";
        for (const FileDrift& f : r.files) {
            const QString what = f.block.isEmpty() ? f.path : tr("block %1 of %2").arg(f.block, f.path);
            switch (f.state) {
            case FileDrift::State::Same: break;
            case FileDrift::State::Missing: out() << "  " << tr("%1 is missing").arg(f.path) << "\n"; break;
            case FileDrift::State::BlockMissing: out() << "  " << tr("%1 is missing").arg(what) << "\n"; break;
            case FileDrift::State::Differs:
                out() << "  " << tr("%1 differs:").arg(what) << "\n";
                for (const QString& line : f.diff.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                    out() << "    " << terminalSafe(line) << "\n";
                break;
            }
        }
        if (!r.daemonError.isEmpty())
            out() << "  " << tr("the daemon does not answer: %1").arg(terminalSafe(r.daemonError)) << "\n";
        else {
            for (const QString& c : r.notLoaded)
                out() << "  " << tr("connection %1 is not loaded").arg(c) << "\n";
            for (const QString& p : r.missingPolicies)
                out() << "  " << tr("the kernel has no policy %1").arg(p) << "\n";
        }
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o;
        o.insert(QStringLiteral("gateways"), gateways);
        o.insert(QStringLiteral("drift"), drift);
        o.insert(QStringLiteral("keysCompared"), keyless.isEmpty());
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else if (!keyless.isEmpty()) {
        out() << tr("note: the profile holds no key for %1, so no key was compared.").arg(keyless.join(QStringLiteral(", "))) << "\n";
    }
    out().flush();
    return unreached ? RemoteFailure : drift ? Found : Ok;
}

// import PATH…: model/import's importers over a local folder or files. Nothing is written but
// the profile asked for with -o; a key read from the files goes there only with --include-psk.
int importCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("format"), tr("swanctl, ipsec.conf, racoon-tool or racoon (default: from the files)"), QStringLiteral("F")});
    parser.addOption({QStringLiteral("site"), tr("the name of the site the files come from (default: local)"), QStringLiteral("NAME")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("out")}, tr("write the profile here"), QStringLiteral("PROFILE")});
    parser.addOption({QStringLiteral("include-psk"), tr("keep the keys read in the profile (written 0600)")});
    parser.addOption({QStringLiteral("json"), tr("print the result as JSON (the profile without keys)")});
    parser.addOption({QStringLiteral("from-gateway"), tr("read the gateway's /etc over SSH (changing nothing there)"), QStringLiteral("USER@HOST[:PORT]")});
    parser.addOption({QStringLiteral("known-hosts"), tr("a known_hosts file checked after ~/.ssh/known_hosts"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("identity"), tr("SSH private key"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("accept-new-host-key"), tr("accept and record an unknown host key")});
    parser.addOption({QStringLiteral("password-file"), tr("file whose first line is the SSH password (keep it 0600)"), QStringLiteral("FILE")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    QStringList paths = parser.positionalArguments().mid(1);
    const bool overSsh = parser.isSet(QStringLiteral("from-gateway"));
    // (--from-gateway may be given again: each gateway is read and the network merged.)
    if (paths.isEmpty() && !overSsh)
        return usageError(tr("import needs a folder (a copy of the gateway's /etc or /etc/FLAVOUR) or its config files, or --from-gateway."));
    if (!paths.isEmpty() && overSsh)
        return usageError(tr("import reads either local files or --from-gateway, not both."));
    if (const Status st = checkPasswordFile(parser); !st)
        return inputError(st.error());
    std::optional<ImportFormat> format;
    if (parser.isSet(QStringLiteral("format"))) {
        format = importFormatFromId(parser.value(QStringLiteral("format")));
        if (!format)
            return usageError(tr("--format is swanctl, ipsec.conf, racoon-tool or racoon, not “%1”.").arg(shown(parser.value(QStringLiteral("format")))));
    }
    if (parser.isSet(QStringLiteral("include-psk")) && !parser.isSet(QStringLiteral("out")))
        return usageError(tr("--include-psk needs -o PROFILE: keys are never printed."));
    ImportOptions options;
    if (parser.isSet(QStringLiteral("site")))
        options.siteName = parser.value(QStringLiteral("site")).trimmed();
    if (options.siteName.isEmpty())
        return usageError(tr("--site needs a name."));

    // Gateways over SSH, folders (one per gateway), or one gateway's files named one by one.
    // Several gateways are merged into one network (mergeImports), their halves compared.
    struct Gateway
    {
        std::unique_ptr<SshSession> session;
        std::unique_ptr<ImportSource> source;
        ImportOptions options;
        QString label;
    };
    std::vector<Gateway> gateways;
    const QStringList targets = parser.values(QStringLiteral("from-gateway"));
    const bool several = targets.size() > 1 || (paths.size() > 1 && std::all_of(paths.cbegin(), paths.cend(), [](const QString& p) { return QFileInfo(p).isDir(); }));
    if (several && parser.isSet(QStringLiteral("site")))
        return usageError(tr("--site names one gateway; several are named after their hosts or folders."));
    for (const QString& t : targets) {
        static const QRegularExpression target(QStringLiteral("^(?:([^@\\s]+)@)?([^@:\\s]+|\\[[0-9a-fA-F:.]+\\])(?::(\\d{1,5}))?$"));
        const auto m = target.match(t);
        if (!m.hasMatch() || (m.hasCaptured(3) && (m.captured(3).toInt() < 1 || m.captured(3).toInt() > 65535)))
            return usageError(tr("--from-gateway is USER@HOST[:PORT], not “%1”.").arg(shown(t)));
        SshOptions o;
        o.host = m.captured(2).remove(QLatin1Char('[')).remove(QLatin1Char(']'));
        o.user = m.hasCaptured(1) ? m.captured(1) : QStringLiteral("root");
        o.port = m.hasCaptured(3) ? m.captured(3).toInt() : 22;
        o.knownHostsFiles << QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
        if (parser.isSet(QStringLiteral("known-hosts")))
            o.knownHostsFiles << parser.value(QStringLiteral("known-hosts"));
        auto connected = SshSession::connect(withSshChoices(parser, o));
        if (!connected) {
            err() << "ipsec-wizard: error: " << terminalSafe(connected.error().toString()) << Qt::endl;
            return RemoteFailure;
        }
        Gateway g;
        g.session = std::move(connected).value();
        g.source = std::make_unique<GatewayImportSource>(g.session.get(), o.user != QLatin1String("root"));
        g.options = options;
        g.options.sshHost = o.host;
        if (!parser.isSet(QStringLiteral("site")))
            g.options.siteName = Import::safeSiteName(o.host);
        g.label = g.session->describe();
        gateways.push_back(std::move(g));
    }
    if (targets.isEmpty() && several) {
        for (const QString& p : paths) {
            Gateway g;
            g.source = std::make_unique<LocalFolderSource>(p);
            g.options = options;
            g.options.siteName = Import::siteNameForFolder(p);
            g.label = p;
            gateways.push_back(std::move(g));
        }
    } else if (targets.isEmpty()) {
        Gateway g;
        g.options = options;
        g.label = paths.join(QStringLiteral(", "));
        if (paths.size() == 1 && QFileInfo(paths.first()).isDir()) {
            g.source = std::make_unique<LocalFolderSource>(paths.first());
        } else {
            for (const QString& p : paths)
                if (QFileInfo(p).isDir())
                    return usageError(tr("import takes folders (one per gateway), or one gateway's files; “%1” is a folder among files.").arg(p));
            auto files = sourceFromFiles(paths, format);
            if (!files)
                return inputError(files.error());
            g.source = std::make_unique<MemorySource>(std::move(files).value());
        }
        gateways.push_back(std::move(g));
    }

    QList<ImportResult> imports;
    QStringList formats;
    for (const Gateway& g : gateways) {
        const auto f = format ? format : detectFormat(*g.source);
        if (!f)
            return inputError(Error{g.label, tr("No swanctl.conf, ipsec.conf, racoon-tool.conf or racoon.conf here; give the files or --format.")});
        auto imported = importConfig(*f, *g.source, g.options);
        if (!imported)
            return inputError(imported.error());
        imports << std::move(imported).value();
        if (!formats.contains(importFormatId(*f)))
            formats << importFormatId(*f);
    }
    ImportResult result = imports.size() == 1 ? imports.first() : mergeImports(imports);
    for (ImportResult& i : imports)
        for (Tunnel& t : i.network.tunnels)
            if (t.psk)
                Psk::wipe(*t.psk);
    Import::assumeInternalAddresses(result);
    NetworkProfile& n = result.network;
    if (n.name.isEmpty())
        n.name = gateways.size() == 1 ? gateways.front().options.siteName : QStringLiteral("imported");
    paths = QStringList{};
    for (const Gateway& g : gateways)
        paths << g.label;
    options.siteName = gateways.size() == 1 ? gateways.front().options.siteName : QString();
    const QList<Finding> toComplete = Network::validate(n);
    auto wipeKeys = qScopeGuard([&] {
        for (Tunnel& t : n.tunnels)
            if (t.psk)
                Psk::wipe(*t.psk);
    });

    if (parser.isSet(QStringLiteral("out"))) {
        const PskInFile psk = parser.isSet(QStringLiteral("include-psk")) ? PskInFile::Include : PskInFile::Omit;
        if (const Status st = NetworkJson::save(n, parser.value(QStringLiteral("out")), psk); !st)
            return inputError(Error{QStringLiteral("--out"), st.error().toString()});
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o;
        o.insert(QStringLiteral("format"), formats.join(QLatin1Char(',')));
        if (!options.siteName.isEmpty())
            o.insert(QStringLiteral("site"), options.siteName);
        o.insert(QStringLiteral("network"), QJsonDocument::fromJson(NetworkJson::toJson(n, PskInFile::Omit)).object());
        QJsonArray unused;
        for (const ImportNote& note : std::as_const(result.unused))
            unused.append(QJsonObject{{QStringLiteral("file"), note.file}, {QStringLiteral("line"), note.line},
                                      {QStringLiteral("text"), terminalSafe(note.text)}, {QStringLiteral("reason"), note.reason}});
        o.insert(QStringLiteral("unused"), unused);
        auto findingsJson = [](const QList<Finding>& list) {
            QJsonArray a;
            for (const Finding& f : list)
                a.append(QJsonObject{{QStringLiteral("severity"), f.severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning")},
                                     {QStringLiteral("field"), f.field}, {QStringLiteral("message"), f.message}, {QStringLiteral("fix"), f.fix}});
            return a;
        };
        o.insert(QStringLiteral("findings"), findingsJson(result.findings));
        o.insert(QStringLiteral("toComplete"), findingsJson(toComplete));
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Ok;
    }

    out() << (gateways.size() == 1 ? tr("Imported %1 from %2 as site “%3”; sites: %4, tunnels: %5.")
                                   : tr("Imported %1 from %2 and merged their tunnels (%3); sites: %4, tunnels: %5."))
                 .arg(formats.join(QLatin1Char('+')), terminalSafe(paths.join(QStringLiteral(", "))),
                      gateways.size() == 1 ? options.siteName : tr("%1 gateways").arg(gateways.size()))
                 .arg(n.sites.size())
                 .arg(n.tunnels.size())
          << "\n";
    for (const Tunnel& t : std::as_const(n.tunnels))
        out() << "  " << tr("tunnel %1: %2 (%3) ⇄ %4 (%5), IKEv%6 %7, ESP %8; key: %9")
                             .arg(t.name, t.siteA, n.networksOf(t, Side::A).join(QStringLiteral(", ")), t.siteB,
                                  n.networksOf(t, Side::B).join(QStringLiteral(", ")))
                             .arg(t.ike.version)
                             .arg(t.ike.encryption + QLatin1Char('-') + t.ike.dhGroup, t.esp.encryption,
                                  t.psk ? (parser.isSet(QStringLiteral("include-psk")) ? tr("read, kept in the profile") : tr("read, not kept (--include-psk)"))
                                        : tr("none found"))
              << "\n";
    if (!result.unused.isEmpty()) {
        out() << tr("Lines not used: %1 (the profile has no room for them, or they did not read):").arg(result.unused.size()) << "\n";
        for (const ImportNote& note : std::as_const(result.unused))
            out() << "  " << terminalSafe(note.toString()) << "\n";
    }
    if (!result.findings.isEmpty()) {
        out() << tr("Found:") << "\n";
        for (const Finding& f : std::as_const(result.findings))
            out() << "  " << f.toString() << "\n";
    }
    if (!toComplete.isEmpty()) {
        out() << tr("What validate says of the imported profile (fix it in the wizard):") << "\n";
        for (const Finding& f : toComplete)
            out() << "  " << f.toString() << "\n";
    }
    if (parser.isSet(QStringLiteral("out")))
        out() << tr("Wrote %1%2.").arg(parser.value(QStringLiteral("out")),
                                      parser.isSet(QStringLiteral("include-psk")) ? tr(" with the keys (readable by you only)") : tr(" without the keys"))
              << "\n";
    out().flush();
    return Ok;
}

int monitorCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("gateway"), tr("a, b or both"), QStringLiteral("G"), QStringLiteral("both")});
    parser.addOption({QStringLiteral("once"), tr("one poll, then exit (the default)")});
    parser.addOption({QStringLiteral("follow"), tr("poll until interrupted")});
    parser.addOption({QStringLiteral("raw"), tr("print the tools' own output (key material masked)")});
    parser.addOption({QStringLiteral("json"), tr("print JSON (one object per poll), with the correlation")});
    parser.addOption({QStringLiteral("source"), tr("auto, setkey, xfrm or swanctl"), QStringLiteral("S"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("interval"), tr("seconds between polls (at least 0.2)"), QStringLiteral("S"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("identity"), tr("SSH private key"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("accept-new-host-key"), tr("accept and record an unknown host key")});
    parser.addOption({QStringLiteral("password-file"), tr("file whose first line is the SSH / sudo password (keep it 0600)"), QStringLiteral("FILE")});
    QString problem;
    if (!parse(parser, args, &problem))
        return usageError(problem);
    if (parser.positionalArguments().size() != 2)
        return usageError(tr("monitor needs one PROFILE."));
    const QString which = parser.value(QStringLiteral("gateway"));
    if (which != QLatin1String("a") && which != QLatin1String("b") && which != QLatin1String("both"))
        return usageError(tr("--gateway must be a, b or both."));
    const auto source = monitorSourceFromId(parser.value(QStringLiteral("source")));
    if (!source)
        return usageError(tr("--source must be auto, setkey, xfrm or swanctl."));
    bool ok = false;
    const double interval = parser.value(QStringLiteral("interval")).toDouble(&ok);
    if (!ok || interval < 0.2 || interval > 3600)
        return usageError(tr("--interval must be 0.2 to 3600 seconds."));
    if (parser.isSet(QStringLiteral("raw")) && parser.isSet(QStringLiteral("json")))
        return usageError(tr("--raw and --json exclude each other."));
    if (const Status st = checkPasswordFile(parser); !st)
        return inputError(st.error());
    if (const auto network = readNetwork(parser.positionalArguments().at(1)); network && !isOneTunnel(*network)) {
        if (parser.isSet(QStringLiteral("gateway")) || parser.isSet(QStringLiteral("raw")))
            return usageError(tr("--gateway and --raw are for a tunnel between two gateways; a network shows every managed gateway."));
        return monitorNetwork(parser, *source, interval);
    }
    // Validated like every other command: a profile's SSH user or host reaches the admin's ssh
    // config (a ProxyCommand runs them through /bin/sh).
    int status = Ok;
    const auto profile = loadValidProfile(parser.positionalArguments(), &status);
    if (!profile)
        return status;
    const QString profileDir = QFileInfo(parser.positionalArguments().at(1)).absolutePath();

    QList<Side> sides;
    if (which != QLatin1String("b"))
        sides << Side::A;
    if (which != QLatin1String("a"))
        sides << Side::B;
    std::array<std::unique_ptr<MonitorSession>, 2> sessions;
    for (Side side : sides) {
        const SshOptions o = withSshChoices(parser, Deployer::sshOptionsFor(profile.value(), side, profileDir));
        auto m = MonitorSession::open(o, *source);
        if (!m) {
            err() << "ipsec-wizard: error: " << (side == Side::A ? tr("gateway A: ") : tr("gateway B: ")) << terminalSafe(m.error().toString()) << Qt::endl;
            return RemoteFailure;
        }
        sessions[size_t(side)] = std::move(m.value());
    }
    const QString addressA = profile.value().gatewayA.publicAddress.section(QLatin1Char('/'), 0, 0);
    const QString addressB = profile.value().gatewayB.publicAddress.section(QLatin1Char('/'), 0, 0);
    std::optional<Correlation> previous;
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool follow = parser.isSet(QStringLiteral("follow"));
    // Each poll's JSON goes straight to standard output as it is written (see parseCommand).
    QFile stdOut;
    if (json && !stdOut.open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
        return inputError(Error{QStringLiteral("stdout"), stdOut.errorString()});
    for (;;) {
        std::array<Snapshot, 2> snaps;
        std::array<QJsonObject, 2> pollJson; // what each gateway's object says about the poll itself
        const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (Side side : sides) {
            auto poll = sessions[size_t(side)]->poll();
            if (!poll) {
                err() << "ipsec-wizard: error: " << (side == Side::A ? tr("gateway A: ") : tr("gateway B: ")) << terminalSafe(poll.error().toString()) << Qt::endl;
                return RemoteFailure;
            }
            snaps[size_t(side)] = snapshotOf(poll.value());
            const QString label = side == Side::A ? QStringLiteral("gateway A") : QStringLiteral("gateway B");
            if (parser.isSet(QStringLiteral("raw"))) {
                out() << "== " << label << " (" << monitorSourceId(poll.value().source) << ", " << poll.value().roundTripMs << " ms)\n"
                      << terminalSafe(QString::fromUtf8(SnapshotParser::maskKeyMaterial(poll.value().states)));
                if (!poll.value().policies.isEmpty())
                    out() << terminalSafe(QString::fromUtf8(poll.value().policies));
            } else if (json) {
                pollJson[size_t(side)] = QJsonObject{{QStringLiteral("source"), monitorSourceId(poll.value().source)},
                                                     {QStringLiteral("roundTripMs"), double(poll.value().roundTripMs)},
                                                     {QStringLiteral("outputTruncated"), poll.value().truncated}};
            } else {
                out() << "== " << label << " (" << monitorSourceId(poll.value().source) << ", " << poll.value().roundTripMs << " ms)\n"
                      << SnapshotExport::text(snaps[size_t(side)]);
            }
            if (poll.value().truncated)
                err() << tr("ipsec-wizard: note: the output of %1 was cut at %2 MB").arg(label).arg(MonitorSession::MaxOutputBytes >> 20) << Qt::endl;
        }
        std::optional<Correlation> c;
        if (sides.size() == 2) {
            c = correlate(snaps[0], snaps[1], addressA, addressB, previous ? &*previous : nullptr);
            if (!json && !parser.isSet(QStringLiteral("raw"))) {
                out() << tr("== tunnel: %1, %2 SA pairs").arg(tunnelStateName(c->state)).arg(c->pairs.size()) << "\n";
                for (const QString& f : c->findings)
                    out() << "  " << f << "\n";
            }
        }
        if (json) {
            out().flush();
            JsonWriter writer(&stdOut, follow ? JsonWriter::Compact : JsonWriter::Indented);
            SnapshotJson::writePoll(writer, time,
                                    {sides.contains(Side::A) ? &snaps[size_t(Side::A)] : nullptr,
                                     sides.contains(Side::B) ? &snaps[size_t(Side::B)] : nullptr},
                                    pollJson, c ? &*c : nullptr);
            writer.flush();
            if (follow) // one compact object a line
                stdOut.write("\n", 1);
            stdOut.flush();
        }
        if (c)
            previous = std::move(c);
        out().flush();
        if (!parser.isSet(QStringLiteral("follow")))
            return Ok;
        QThread::msleep(ulong(interval * 1000));
    }
}

// The lab is shell and iproute2 (lab/lab.sh); the CLI finds the script and hands over.
QString labScript()
{
    const QString fromEnv = qEnvironmentVariable("IPSECWIZ_LAB_SCRIPT");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // The program itself is installed in libexec/ipsec-wizard/ (bin/ipsec-wizard is the launcher).
    const QString installed = QCoreApplication::applicationDirPath() + QStringLiteral("/" IPSECWIZ_LAB_FROM_PROGRAM);
    if (QFileInfo::exists(installed))
        return QFileInfo(installed).canonicalFilePath();
    return QStringLiteral(IPSECWIZ_SOURCE_DIR "/lab/lab.sh");
}

// lab up --from PROFILE: the plan and the lab's profile are made here, into a private folder,
// and lab.sh builds the plan and installs the profile (with the tunnels' keys) into the lab's
// state folder.
int labFromProfile(const QString& path, QStringList* labArgs, std::optional<QTemporaryDir>* work)
{
    int status = Ok;
    const auto network = loadValidNetwork(path, &status);
    if (!network)
        return status;
    auto plan = Lab::plan(*network);
    if (!plan)
        return inputError(Error{plan.error().field, plan.error().message + tr(" (in %1)").arg(path)});
    QString labDir = qEnvironmentVariable("IPSECWIZ_LAB_DIR");
    if (labDir.isEmpty())
        labDir = QStringLiteral("/var/lib/ipsec-wizard-lab");
    auto profile = Lab::labProfile(network.value(), plan.value(), QFileInfo(labDir).absoluteFilePath());
    if (!profile)
        return inputError(profile.error());
    work->emplace(QDir::tempPath() + QStringLiteral("/ipsecwiz-lab-XXXXXX"));
    if (!(*work)->isValid())
        return inputError(Error{QStringLiteral("lab"), tr("Cannot make a temporary folder: %1").arg((*work)->errorString())});
    const QString planFile = (*work)->filePath(QStringLiteral("lab-plan"));
    const QString profileFile = (*work)->filePath(QStringLiteral("lab-profile.json"));
    if (const Status st = FileWriter::writeAtomically(planFile, plan.value().toText().toUtf8(), 0644); !st)
        return inputError(st.error());
    NetworkProfile lab = profile.value();
    const Status saved = NetworkJson::save(lab, profileFile, PskInFile::Include);
    for (Tunnel& t : lab.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
    if (!saved)
        return inputError(saved.error());
    *labArgs = QStringList{QStringLiteral("up"), QStringLiteral("--plan"), planFile, QStringLiteral("--profile"), profileFile};
    return Ok;
}

int labCommand(const QStringList& args)
{
    QStringList labArgs = args.mid(2);
    if (labArgs.isEmpty() || labArgs.first() == QLatin1String("--help"))
        return usageError(labArgs.isEmpty() ? tr("lab needs up, down, status, exec, renumber or profile.") : QString());
    const QString script = labScript();
    if (!QFileInfo::exists(script))
        return inputError(Error{QStringLiteral("lab"), tr("The lab script %1 is missing.").arg(script)});
    std::optional<QTemporaryDir> work; // the plan and the profile until lab.sh has taken them
    if (labArgs.first() == QLatin1String("up") && labArgs.size() > 1) {
        QString from;
        if (labArgs.size() == 3 && labArgs.at(1) == QLatin1String("--from"))
            from = labArgs.at(2);
        else if (labArgs.size() == 2 && labArgs.at(1).startsWith(QLatin1String("--from=")))
            from = labArgs.at(1).mid(7);
        if (from.isEmpty())
            return usageError(tr("lab up takes nothing, or --from PROFILE."));
        if (const int st = labFromProfile(from, &labArgs, &work); st != Ok)
            return st;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.setInputChannelMode(QProcess::ForwardedInputChannel);
    p.start(QStringLiteral("bash"), QStringList{script} + labArgs);
    if (!p.waitForStarted())
        return inputError(Error{QStringLiteral("lab"), tr("Cannot run bash: %1").arg(p.errorString())});
    p.waitForFinished(-1);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : RemoteFailure;
}

} // namespace

bool wantsDrawing(const QStringList& args)
{
    return args.size() > 1 && (args.at(1) == QLatin1String("draw") || args.at(1) == QLatin1String("bundle"));
}

bool wantsCli(const QStringList& args)
{
    if (args.size() < 2)
        return false;
    // The GUI takes one profile file; any other word is a command (or a usage error), so a
    // mistyped command never opens a window that waits forever.
    const QString& first = args.at(1);
    if (Commands.contains(first) || first.startsWith(QLatin1Char('-')))
        return true;
    return !(args.size() == 2 && (QFileInfo::exists(first) || first.endsWith(QLatin1String(".json"))));
}

int run(const QStringList& args)
{
    const QString& first = args.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        out() << helpText() << Qt::flush;
        return Ok;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out() << "ipsec-wizard " << QStringLiteral(IPSECWIZ_VERSION) << Qt::endl;
        return Ok;
    }
    // Sub-parsers see the whole argv: program name, command, then its arguments.
    const QStringList& rest = args;
    if (first == QLatin1String("validate"))
        return validateCommand(rest);
    if (first == QLatin1String("upgrade"))
        return upgradeCommand(rest);
    if (first == QLatin1String("generate"))
        return generateCommand(rest);
    if (first == QLatin1String("bundle"))
        return bundleCommand(rest);
    if (first == QLatin1String("draw"))
        return drawCommand(rest);
    if (first == QLatin1String("ansible"))
        return ansibleCommand(rest);
    if (first == QLatin1String("psk"))
        return pskCommand(rest);
    if (first == QLatin1String("push"))
        return pushCommand(rest);
    if (first == QLatin1String("remove"))
        return removeCommand(rest);
    if (first == QLatin1String("lab"))
        return labCommand(rest);
    if (first == QLatin1String("monitor"))
        return monitorCommand(rest);
    if (first == QLatin1String("parse"))
        return parseCommand(rest);
    if (first == QLatin1String("diagnose"))
        return diagnoseCommand(rest);
    if (first == QLatin1String("check"))
        return checkCommand(rest);
    if (first == QLatin1String("import"))
        return importCommand(rest);
    return usageError(tr("unknown option or command “%1”.").arg(first));
}

} // namespace ipsecwiz::Cli
