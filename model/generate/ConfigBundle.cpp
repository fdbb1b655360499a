#include "ConfigBundle.h"

#include "Cidr.h"
#include "FileWriter.h"
#include "MarkedBlock.h"
#include "NetworkGenerator.h"
#include "NetworkProfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QTemporaryDir>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include <unistd.h>

namespace ipsecwiz::ConfigBundle {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::ConfigBundle", text);
}

// The validated, normalised form of an address or network, never the profile's raw string (a
// trailing newline there would end a comment line of install.sh early and break the script).
QString address(const QString& raw)
{
    QHostAddress a;
    return a.setAddress(raw.section(QLatin1Char('/'), 0, 0).trimmed()) ? a.toString() : shown(raw);
}

QString network(const QString& raw)
{
    const auto cidr = Cidr::parse(raw);
    return cidr ? cidr.value().toString() : shown(raw);
}

QByteArray readme(const TunnelProfile& p, const GatewayConfig& a, const GatewayConfig& b)
{
    QByteArray s;
    s += QStringLiteral("IPsec Wizard bundle for tunnel \"%1\"\n").arg(p.name).toUtf8();
    s += QStringLiteral("%1 (%2, network %3) <-> %4 (%5, network %6)\n\n")
             .arg(QStringLiteral("Gateway A"), address(p.gatewayA.publicAddress), network(p.networkA), QStringLiteral("gateway B"),
                  address(p.gatewayB.publicAddress), network(p.networkB))
             .toUtf8();
    s += "What goes where\n---------------\n";
    for (const GatewayConfig* cfg : {&a, &b}) {
        const QString dir = QStringLiteral("gateway-") + sideId(cfg->side);
        s += QStringLiteral("%1/ goes to %2 (%3, runs %4):\n")
                 .arg(dir, cfg->side == Side::A ? QStringLiteral("gateway A") : QStringLiteral("gateway B"),
                      address(p.gateway(cfg->side).publicAddress), flavourId(cfg->flavour))
                 .toUtf8();
        for (const GeneratedFile& f : cfg->files)
            s += QStringLiteral("  %1  mode %2%3\n")
                     .arg(f.path, QString::number(f.mode, 8).rightJustified(4, QLatin1Char('0')),
                          f.secret ? QStringLiteral("  (holds the pre-shared key)") : QString())
                     .toUtf8();
        s += QStringLiteral("  Install: copy %1/ to the gateway and run, as root: sh install.sh\n"
                            "           (d=$(mktemp -d) && sh install.sh --root \"$d\" puts the files under a fresh folder of\n"
                            "            yours instead, to look first; install.sh refuses a folder that others can write)\n"
                            "  install.sh changes only the tunnel's own files and marked blocks, keeps what it replaces in\n"
                            "  /etc/ipsec-wizard/backups/ (a folder per run), then reloads: %2\n"
                            "  Check:   %3\n\n")
                 .arg(dir, cfg->reloadCommands.join(QStringLiteral("; ")), cfg->checkCommands.join(QStringLiteral("; ")))
                 .toUtf8();
    }
    s += "Firewall\n--------\n"
         "firewall.nft (nftables) and firewall.iptables (iptables-restore --noflush) in /etc/ipsec-wizard/NAME/\n"
         "admit IKE (udp 500, 4500) and ESP from the peers only and forward between the two networks only\n"
         "what IPsec protected. firewall.nft adds the peer to the gateway-wide sets of table inet ipsec_wizard,\n"
         "which every tunnel of IPsec Wizard on the gateway shares, so loading it never cuts another tunnel.\n"
         "install.sh does not load them: read them first, then load one of them.\n\n";
    s += QStringLiteral("Test\n----\n"
                        "On gateway A: ping -I %1 %2   (the first packets start IKE; then the SAs show up)\n"
                        "On gateway B: ping -I %2 %1\n"
                        "From a host in %3, ping a host in %4.\n\n")
             .arg(address(p.gatewayA.internalAddress), address(p.gatewayB.internalAddress), network(p.networkA), network(p.networkB))
             .toUtf8();
    s += "Troubleshooting\n---------------\n"
         "No SA after a ping: check that both gateways have the same PSK and proposals (they do when both halves\n"
         "come from this bundle), that udp 500/4500 and ESP pass between them, and the route in routes.sh.\n"
         "\"RTNETLINK answers: Network is unreachable\" from routes.sh: the public addresses are on different\n"
         "subnets; give each gateway's default router in the profile.\n";
    return s;
}

QString quoted(const QString& s)
{
    // Single quotes carry everything but a single quote, which paths here never hold.
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

bool isArchive(const QString& out, bool* zip)
{
    const QString lower = out.toLower();
    *zip = lower.endsWith(QLatin1String(".zip"));
    return *zip || lower.endsWith(QLatin1String(".tar.gz")) || lower.endsWith(QLatin1String(".tgz"));
}

struct ArchiveDeleter
{
    void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryDeleter
{
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

Status writeArchive(const QList<BundleEntry>& entries, const QString& path, bool zip)
{
    std::unique_ptr<archive, ArchiveDeleter> a(archive_write_new());
    auto archiveError = [&](const QString& what) {
        return Status(Error{path, what + QStringLiteral(": ") + QString::fromLocal8Bit(archive_error_string(a.get())) + QLatin1Char('.')});
    };
    if (zip) {
        if (archive_write_set_format_zip(a.get()) != ARCHIVE_OK)
            return archiveError(tr("Cannot make a zip archive"));
    } else {
        if (archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK || archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK)
            return archiveError(tr("Cannot make a tar.gz archive"));
        // The gzip header holds a timestamp unless told not to; reproducible archives need it out.
        archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr);
    }
    // The archive file itself may hold the PSK: created 0600 (FileWriter semantics by hand,
    // because libarchive writes through our fd).
    const QByteArray tmp = QFile::encodeName(path + QStringLiteral(".tmp-XXXXXX"));
    QByteArray tmpl = tmp;
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return Error{path, tr("Cannot create the archive.")};
    if (archive_write_open_fd(a.get(), fd) != ARCHIVE_OK) {
        ::close(fd);
        ::unlink(tmpl.constData());
        return archiveError(tr("Cannot write the archive"));
    }
    for (const BundleEntry& e : entries) {
        std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
        const QByteArray name = e.path.toUtf8();
        archive_entry_set_pathname(entry.get(), name.constData());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), mode_t(e.secret ? 0600 : e.mode));
        archive_entry_set_size(entry.get(), e.content.size());
        archive_entry_set_mtime(entry.get(), FixedMtime, 0);
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
        archive_entry_set_uname(entry.get(), "root");
        archive_entry_set_gname(entry.get(), "root");
        if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK
            || archive_write_data(a.get(), e.content.constData(), size_t(e.content.size())) != e.content.size()) {
            const Status st = archiveError(tr("Cannot add %1 to the archive").arg(e.path));
            ::close(fd);
            ::unlink(tmpl.constData());
            return st;
        }
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK) {
        const Status st = archiveError(tr("Cannot finish the archive"));
        ::close(fd);
        ::unlink(tmpl.constData());
        return st;
    }
    ::fsync(fd);
    ::close(fd);
    if (::rename(tmpl.constData(), QFile::encodeName(path).constData()) != 0) {
        ::unlink(tmpl.constData());
        return Error{path, tr("Cannot put the archive in place.")};
    }
    return {};
}

Status writeFolder(const QList<BundleEntry>& entries, const QString& out)
{
    const QFileInfo info(out);
    if (info.exists() && (!info.isDir() || !QDir(out).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)))
        return Error{out, tr("Already exists and is not an empty folder; choose a new folder name so nothing is overwritten.")};
    const QString parent = info.absolutePath();
    if (!QFileInfo(parent).isDir())
        return Error{out, tr("The folder %1 does not exist.").arg(parent)};
    // Built beside the target, then renamed: a failure half-way leaves nothing under OUT.
    QTemporaryDir staging(parent + QStringLiteral("/.ipsec-wizard-bundle-XXXXXX"));
    if (!staging.isValid())
        return Error{out, tr("Cannot create a folder in %1.").arg(parent)};
    for (const BundleEntry& e : entries) {
        const QString target = staging.path() + QLatin1Char('/') + e.path;
        if (auto st = FileWriter::makeFolders(QFileInfo(target).absolutePath()); !st)
            return st;
        if (auto st = FileWriter::writeAtomically(target, e.content, e.secret ? 0600 : e.mode); !st)
            return st;
    }
    if (info.exists() && !QDir().rmdir(out))
        return Error{out, tr("Cannot replace the empty folder.")};
    QFile::setPermissions(staging.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                              | QFile::ReadOther | QFile::ExeOther);
    if (!QDir().rename(staging.path(), out))
        return Error{out, tr("Cannot put the bundle in place.")};
    staging.setAutoRemove(false);
    return {};
}

} // namespace

namespace {

// install.sh for one gateway: NAME names its backups; HEADLINE is the script's first comment;
// TUNNELS are what --remove stops (strongSwan) and the firewall tables it names.
QByteArray installScriptFor(const QString& name, const QString& headline, const GatewayConfig& cfg, const QStringList& tunnels)
{
    QByteArray s = "#!/bin/sh\n";
    s += QStringLiteral("# %1 Generated by IPsec Wizard.\n").arg(headline).toUtf8();
    s += "# Usage: sh install.sh [--root DIR] [--remove]\n"
         "#   as root: installs every file with its mode, then reloads the IPsec daemon and sets the route.\n"
         "#            In a file the admin also writes (psk.txt, racoon.conf, racoon-tool.conf) only the tunnel's\n"
         "#            marked block changes. What it replaces goes to /etc/ipsec-wizard/backups/, a folder per run.\n"
         "#            Running it twice changes nothing more.\n"
         "#   --remove: takes this tunnel's files and blocks out again (with a backup), and nothing else.\n"
         "#   --root DIR: installs under DIR instead of / (a scratch tree): no root needed, nothing reloaded.\n"
         "#            DIR must be a fresh folder of yours: d=$(mktemp -d) && sh install.sh --root \"$d\"\n"
         "set -eu\n"
         "ROOT= REMOVE=\n"
         "while [ $# -gt 0 ]; do\n"
         "\tcase \"$1\" in\n"
         "\t--root)\n"
         "\t\t[ $# -ge 2 ] && [ -n \"$2\" ] || { echo \"install.sh: --root needs a folder\" >&2; exit 2; }\n"
         "\t\tROOT=$(cd \"$2\" && pwd -P) || exit 2\n"
         "\t\tshift 2 ;;\n"
         "\t--remove) REMOVE=1; shift ;;\n"
         "\t-h|--help) sed -n '2,10p' \"$0\"; exit 0 ;;\n"
         "\t*) echo \"install.sh: unknown option: $1\" >&2; exit 2 ;;\n"
         "\tesac\n"
         "done\n"
         "if [ -z \"$ROOT\" ] && [ \"$(id -u)\" -ne 0 ]; then\n"
         "\techo \"install.sh: run this as root (or try it first with --root DIR)\" >&2\n"
         "\texit 1\n"
         "fi\n"
         "HERE=$(cd \"$(dirname \"$0\")\" && pwd)\n"
         "NAME=" + name.toUtf8() + "\n"
         "\n"
         "ME=$(id -u)\n"
         "TMP=\n"
         "trap '[ -z \"$TMP\" ] || rm -f \"$TMP\"' EXIT\n"
         "trap 'exit 1' HUP INT TERM\n"
         "\n"
         "refuse() {\n"
         "\techo \"install.sh: $*; nothing was installed\" >&2\n"
         "\texit 1\n"
         "}\n"
         "\n"
         "# DIR KIND: refuses a folder that someone else could change under us: one owned by anybody but the\n"
         "# caller (or root, except for the base: ROOT, or / for a real install), or one that group or others\n"
         "# can write (KIND passage allows a sticky one, such as /tmp, on the way to a link's folder: nobody can\n"
         "# rename there what is not theirs). Each file is then written fresh in folders nobody else can touch,\n"
         "# so nothing is written through a path that someone else planted.\n"
         "check_folder() {\n"
         "\t[ -d \"$1\" ] || refuse \"$1 is not a folder\"\n"
         "\towner=$(stat -c %u \"$1\")\n"
         "\tif [ \"$owner\" != \"$ME\" ]; then\n"
         "\t\tif [ \"$2\" = base ]; then\n"
         "\t\t\tif [ -n \"$ROOT\" ]; then\n"
         "\t\t\t\trefuse \"$1 is owned by $(stat -c %U \"$1\"), not by you; make a fresh folder with mktemp -d\"\n"
         "\t\t\tfi\n"
         "\t\t\trefuse \"$1 is owned by $(stat -c %U \"$1\"), not by you\"\n"
         "\t\tfi\n"
         "\t\t[ \"$owner\" = 0 ] || refuse \"$1 is owned by $(stat -c %U \"$1\"), not by you or root\"\n"
         "\tfi\n"
         "\tif [ -n \"$(find \"$1\" -maxdepth 0 -perm /022)\" ] && ! { [ \"$2\" = passage ] && [ -k \"$1\" ]; }; then\n"
         "\t\trefuse \"$1 can be written by group or others (mode $(stat -c %a \"$1\"))\"\n"
         "\tfi\n"
         "}\n"
         "\n"
         "# DIR: checks every folder of a path without links, from / down.\n"
         "check_physical() {\n"
         "\tphys=\n"
         "\tprest=${1#/}\n"
         "\tkind=passage\n"
         "\t[ -n \"$prest\" ] || kind=below\n"
         "\tcheck_folder / $kind\n"
         "\twhile [ -n \"$prest\" ]; do\n"
         "\t\tphys=$phys/${prest%%/*}\n"
         "\t\tcase $prest in */*) prest=${prest#*/} ;; *) prest='' kind=below ;; esac\n"
         "\t\tcheck_folder \"$phys\" $kind\n"
         "\tdone\n"
         "}\n"
         "\n"
         "# DIR: checks ROOT (or /) and every folder below it on the way to ROOT/DIR that exists yet; mkdir -p\n"
         "# makes the rest as the caller. A link on the way counts as the folder it leads to, from / down.\n"
         "check_path() {\n"
         "\tpath=$ROOT\n"
         "\tcheck_folder \"${path:-/}\" base\n"
         "\trest=${1#/}\n"
         "\twhile [ -n \"$rest\" ]; do\n"
         "\t\tpath=$path/${rest%%/*}\n"
         "\t\tcase $rest in */*) rest=${rest#*/} ;; *) rest= ;; esac\n"
         "\t\tif [ -L \"$path\" ]; then\n"
         "\t\t\tpath=$(cd \"$path\" 2>/dev/null && pwd -P) || refuse \"$path is a link to no folder\"\n"
         "\t\t\tcheck_physical \"$path\"\n"
         "\t\telif [ -e \"$path\" ]; then\n"
         "\t\t\tcheck_folder \"$path\" below\n"
         "\t\telse\n"
         "\t\t\treturn 0\n"
         "\t\tfi\n"
         "\tdone\n"
         "}\n"
         "\n"
         "check() {\n"
         "\tcheck_path \"$(dirname \"$3\")\"\n"
         "}\n"
         "\n"
         "prepare() {\n"
         "\t(umask 022 && mkdir -p \"$ROOT$(dirname \"$3\")\")\n"
         "\tcheck_path \"$(dirname \"$3\")\"\n"
         "}\n"
         "\n"
         "# What a run replaces or removes is copied first into a folder of its own (mktemp -d, 0700), with a\n"
         "# manifest of where each copy came from: one backup per run, never one that the next run overwrites.\n"
         "BK= BN=0\n"
         "backup() {\n"
         "\tif [ -z \"$BK\" ]; then\n"
         "\t\tBK=$(mktemp -d \"$ROOT/etc/ipsec-wizard/backups/$(date -u +%Y%m%dT%H%M%SZ).$NAME.XXXXXX\")\n"
         "\tfi\n"
         "\tBN=$((BN + 1))\n"
         "\tcp -p \"$1\" \"$BK/$BN\"\n"
         "\tprintf '%s\\t%s\\n' \"$BN\" \"$2\" >> \"$BK/manifest\"\n"
         "\techo \"kept       $2 as $BK/$BN\"\n"
         "}\n"
         "\n"
         + MarkedBlock::shellFunction().toUtf8() +
         "\n"
         "# SRC MODE TARGET BLOCK: a file already in place is replaced, never written to. The new file is made\n"
         "# fresh by mktemp (0600, so a secret is never readable by others, not even for a moment), gets its\n"
         "# mode, then is renamed into place: a rename replaces a link instead of following it. BLOCK other\n"
         "# than '-': SRC is only the tunnel's marked block, merged into the file as it is; the file keeps its\n"
         "# mode (MODE keepNNNN: NNNN for a new file). With --remove, the file or block goes instead.\n"
         "put() {\n"
         "\tsrc=\"$HERE/$1\" mode=$2 dest=\"$ROOT$3\" block=$4\n"
         "\tcase $mode in keep*) mode=${mode#keep}; if [ -f \"$dest\" ]; then mode=$(stat -c %a \"$dest\"); fi ;; esac\n"
         "\tif [ -n \"$REMOVE\" ] && [ \"$block\" = - ]; then\n"
         "\t\tif [ -e \"$dest\" ] || [ -L \"$dest\" ]; then\n"
         "\t\t\t[ ! -f \"$dest\" ] || [ -L \"$dest\" ] || backup \"$dest\" \"$3\"\n"
         "\t\t\trm -f \"$dest\"\n"
         "\t\t\techo \"removed    $3\"\n"
         "\t\tfi\n"
         "\t\treturn 0\n"
         "\tfi\n"
         "\tif [ \"$block\" != - ] && [ -L \"$dest\" ]; then refuse \"$3 is a link; the tunnel's block goes only into a plain file\"; fi\n"
         "\tif [ -n \"$REMOVE\" ] && [ ! -e \"$dest\" ]; then return 0; fi\n"
         "\tTMP=$(mktemp \"$dest.ipsec-wizard-XXXXXX\")\n"
         "\tif [ \"$block\" = - ]; then\n"
         "\t\tcat \"$src\" > \"$TMP\"\n"
         "\telse\n"
         "\t\tif [ -n \"$REMOVE\" ]; then blk=/dev/null; else blk=$src; fi\n"
         "\t\tmerge_blocks \"$dest\" \"$blk\" \"$block\" \"$TMP\" >&2 || refuse \"cannot merge into $3\"\n"
         "\tfi\n"
         "\tif [ -f \"$dest\" ] && [ ! -L \"$dest\" ] && [ \"$(stat -c %u \"$dest\")\" = \"$ME\" ] && cmp -s \"$TMP\" \"$dest\"; then\n"
         "\t\trm -f \"$TMP\"\n"
         "\t\tTMP=\n"
         "\t\tchmod \"$mode\" \"$dest\"\n"
         "\t\techo \"unchanged  $3\"\n"
         "\t\treturn 0\n"
         "\tfi\n"
         "\t[ ! -f \"$dest\" ] || [ -L \"$dest\" ] || backup \"$dest\" \"$3\"\n"
         "\tchmod \"$mode\" \"$TMP\"\n"
         "\tmv -f -T \"$TMP\" \"$dest\"\n"
         "\tTMP=\n"
         "\tif [ -n \"$REMOVE\" ]; then echo \"took out   block $block of $3\"; else echo \"installed  $3 (mode $mode)\"; fi\n"
         "}\n"
         "\n"
         "# Every file of this gateway: each FUNCTION runs FUNCTION SRC MODE TARGET for each file.\n"
         "each() {\n";
    for (const GeneratedFile& f : cfg.files) {
        // What every tunnel of the gateway shares stays on removal: the others need it.
        const QString mode = QString::number(f.mode, 8).rightJustified(4, QLatin1Char('0'));
        s += QStringLiteral("\t%1\"$1\" %2 %3 %4 %5\n")
                 .arg(f.shared ? QStringLiteral("[ -n \"$REMOVE\" ] || ") : QString(), quoted(f.path.mid(1)),
                      f.block.isEmpty() || f.secret ? mode : QStringLiteral("keep") + mode, quoted(f.path),
                      f.block.isEmpty() ? QStringLiteral("-") : quoted(f.block))
                 .toUtf8();
    }
    // Every folder is checked before anything is written anywhere.
    s += "}\n"
         "\n"
         "each check\n"
         "each prepare\n"
         "(umask 077 && mkdir -p \"$ROOT/etc/ipsec-wizard/backups\")\n"
         "check_path /etc/ipsec-wizard/backups/\n";
    if (!cfg.unloadCommands.isEmpty()) {
        s += "if [ -z \"$ROOT\" ]; then\n";
        for (const QString& cmd : cfg.unloadCommands)
            s += "\t" + cmd.toUtf8() + " || :\n";
        s += "fi\n";
    }
    s += "each put\n";
    s += "\nif [ -n \"$ROOT\" ]; then\n"
         "\tif [ -n \"$REMOVE\" ]; then echo \"Removed under $ROOT; nothing reloaded.\"; else echo \"Installed under $ROOT; nothing reloaded.\"; fi\n"
         "\texit 0\n"
         "fi\n";
    if (cfg.flavour == Flavour::StrongSwan)
        for (const QString& t : tunnels)
            s += QStringLiteral("[ -z \"$REMOVE\" ] || swanctl --terminate --ike %1 --timeout 5 >/dev/null 2>&1 || :\n").arg(t).toUtf8();
    for (const QString& cmd : cfg.reloadCommands) {
        if (cmd.endsWith(QLatin1String("/routes.sh")))
            s += "[ -n \"$REMOVE\" ] || ";
        s += cmd.toUtf8() + '\n';
    }
    QStringList tables;
    for (const QString& t : tunnels)
        tables << QStringLiteral("nft delete table inet ipsec_wizard_") + QString(t).replace(QLatin1Char('-'), QLatin1Char('_'));
    s += QStringLiteral("if [ -n \"$REMOVE\" ]; then\n"
                        "\techo \"Removed %1. If you loaded firewall rules: %2\"\n"
                        "else\n"
                        "\techo \"Done. Check with: %3\"\n"
                        "fi\n")
             .arg(tunnels.size() == 1 ? QStringLiteral("tunnel ") + tunnels.first() : QStringLiteral("tunnels ") + tunnels.join(QStringLiteral(", ")),
                  tables.join(QStringLiteral("; ")), cfg.checkCommands.join(QStringLiteral("; ")))
             .toUtf8();
    return s;
}

} // namespace

QByteArray installScript(const TunnelProfile& p, const GatewayConfig& cfg)
{
    const Gateway& gw = p.gateway(cfg.side);
    return installScriptFor(p.name,
                            QStringLiteral("Installs tunnel \"%1\" on %2 (%3, %4).")
                                .arg(p.name, cfg.side == Side::A ? QStringLiteral("gateway A") : QStringLiteral("gateway B"),
                                     address(gw.publicAddress), flavourId(cfg.flavour)),
                            cfg, {p.name});
}

Result<QList<BundleEntry>> build(const TunnelProfile& profile, const QByteArray& psk, const BundleOptions& options,
                                 const QList<BundleEntry>& extras)
{
    auto a = Generate::side(profile, Side::A, psk);
    if (!a)
        return a.error();
    auto b = Generate::side(profile, Side::B, psk);
    if (!b)
        return b.error();

    TunnelProfile withKey = profile;
    withKey.psk = psk;
    QList<BundleEntry> entries;
    entries.append(BundleEntry{QStringLiteral("README.txt"), 0644, readme(profile, a.value(), b.value()), false});
    const bool pskInProfile = options.profilePsk == PskInFile::Include && !options.redact;
    entries.append(BundleEntry{QStringLiteral("profile.json"), pskInProfile ? 0600 : 0644,
                               NetworkJson::toJson(Network::fromTunnelProfile(withKey),
                                                   options.redact && options.profilePsk == PskInFile::Include ? PskInFile::Redact
                                                                                                              : options.profilePsk),
                               pskInProfile});
    for (const GatewayConfig* cfg : {&a.value(), &b.value()}) {
        const QString dir = QStringLiteral("gateway-") + sideId(cfg->side);
        entries.append(BundleEntry{dir + QStringLiteral("/install.sh"), 0755, installScript(profile, *cfg), false});
        for (const GeneratedFile& f : cfg->files)
            entries.append(BundleEntry{dir + f.path, f.secret ? 0600 : f.mode, f.content, f.secret});
    }
    entries += extras;
    if (options.redact) {
        for (BundleEntry& e : entries)
            e.content.replace(psk, ProfileJson::redactedPlaceholder());
    }
    return entries;
}

Result<QList<BundleEntry>> buildNetwork(const NetworkProfile& network, const BundleOptions& options, const QList<BundleEntry>& extras)
{
    for (const Tunnel& t : network.tunnels)
        if (!t.psk || t.psk->isEmpty())
            return Error{Network::tunnelPath(t.name, QStringLiteral("psk")), tr("Tunnel “%1” has no pre-shared key.").arg(t.name)};
    auto gateways = Generate::gateways(network);
    if (!gateways)
        return gateways.error();
    QList<BundleEntry> entries;
    QString readme = QStringLiteral("IPsec Wizard bundle for network \"%1\": %2 sites, %3 tunnels\n\n"
                                    "What goes where\n---------------\n")
                         .arg(network.name)
                         .arg(network.sites.size())
                         .arg(network.tunnels.size());
    for (const auto& [site, cfg] : gateways.value()) {
        const Site* s = network.site(site);
        QStringList tunnels;
        for (const Tunnel& t : network.tunnels)
            if (t.siteA == site || t.siteB == site)
                tunnels << t.name;
        const QString where = s->gateway.reach == Reachability::Dynamic ? QStringLiteral("dynamic address") : address(s->gateway.peerAddress());
        readme += QStringLiteral("%1/ goes to the gateway of site %1 (%2, runs %3), tunnels %4:\n")
                      .arg(site, where, flavourId(cfg.flavour), tunnels.join(QStringLiteral(", ")));
        for (const GeneratedFile& f : cfg.files)
            readme += QStringLiteral("  %1  mode %2%3%4\n")
                          .arg(f.path, QString::number(f.mode, 8).rightJustified(4, QLatin1Char('0')),
                               f.secret ? QStringLiteral("  (holds pre-shared keys)") : QString(),
                               f.block.isEmpty() ? QString() : QStringLiteral("  (only the marked blocks %1)").arg(f.block));
        readme += QStringLiteral("  Install: copy %1/ to the gateway and run, as root: sh install.sh   (sh install.sh --remove takes it out again)\n"
                                 "  Check:   %2\n\n")
                      .arg(site, cfg.checkCommands.join(QStringLiteral("; ")));
        entries.append(BundleEntry{site + QStringLiteral("/install.sh"), 0755,
                                   installScriptFor(network.name,
                                                    QStringLiteral("Installs network \"%1\" on the gateway of site %2 (%3, %4).")
                                                        .arg(network.name, site, where, flavourId(cfg.flavour)),
                                                    cfg, tunnels),
                                   false});
        for (const GeneratedFile& f : cfg.files)
            entries.append(BundleEntry{site + f.path, f.secret ? 0600 : f.mode, f.content, f.secret});
    }
    // A peer someone else runs: the page for its admin, without the key.
    for (const Tunnel& t : network.tunnels) {
        for (const QString& name : {t.siteA, t.siteB}) {
            const Site* s = network.site(name);
            if (!s || s->gateway.managed)
                continue;
            entries.append(BundleEntry{name + QStringLiteral("/settings-") + t.name + QStringLiteral(".txt"), 0644,
                                       Generate::settingsSheet(network, t), false});
            readme += QStringLiteral("%1/settings-%2.txt is for the admin of site %1, which someone else runs: the values their gateway "
                                     "needs for tunnel %2 (the key is exchanged separately).\n\n")
                          .arg(name, t.name);
        }
    }
    readme += QStringLiteral("Install the hub (or the gateways with fixed addresses) first: the others start their tunnels when they load.\n");
    entries.prepend(BundleEntry{QStringLiteral("README.txt"), 0644, readme.toUtf8(), false});
    const bool pskInProfile = options.profilePsk == PskInFile::Include && !options.redact;
    entries.insert(1, BundleEntry{QStringLiteral("profile.json"), pskInProfile ? 0600 : 0644,
                                  NetworkJson::toJson(network, options.redact && options.profilePsk == PskInFile::Include ? PskInFile::Redact
                                                                                                                         : options.profilePsk),
                                  pskInProfile});
    entries += extras;
    if (options.redact)
        for (BundleEntry& e : entries)
            for (const Tunnel& t : network.tunnels)
                e.content.replace(*t.psk, ProfileJson::redactedPlaceholder());
    return entries;
}

Status write(const QList<BundleEntry>& entries, const QString& out)
{
    if (out.isEmpty())
        return Error{QStringLiteral("--out"), tr("No output given.")};
    bool zip = false;
    if (isArchive(out, &zip)) {
        if (QFileInfo(out).isDir())
            return Error{out, tr("Is a folder; give a file name ending in .tar.gz or .zip.")};
        if (!QFileInfo(QFileInfo(out).absolutePath()).isDir())
            return Error{out, tr("The folder %1 does not exist.").arg(QFileInfo(out).absolutePath())};
        return writeArchive(entries, out, zip);
    }
    return writeFolder(entries, out);
}

} // namespace ipsecwiz::ConfigBundle
