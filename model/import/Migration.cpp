#include "Migration.h"

#include "MarkedBlock.h"
#include "RacoonSyntax.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSet>

#include <algorithm>

namespace ipsecwiz::Migration {

Flavour flavourOf(ImportFormat format)
{
    switch (format) {
    case ImportFormat::RacoonTool:
        return Flavour::RacoonTool;
    case ImportFormat::Racoon:
        return Flavour::Racoon;
    case ImportFormat::Swanctl:
    case ImportFormat::IpsecConf:
        return Flavour::StrongSwan;
    }
    return Flavour::StrongSwan;
}

QString gatewayPath(const QString& file)
{
    return QDir::cleanPath(file.startsWith(QLatin1Char('/')) ? file : QStringLiteral("/etc/") + file);
}

QByteArray commentOut(const QByteArray& text, const QMap<int, QString>& lines, const QString& flavour)
{
    const QList<QByteArray> all = MarkedBlock::linesOf(text);
    QByteArray out;
    out.reserve(text.size() + lines.size() * 3 + 200);
    QSet<QString> noted;
    for (int i = 0; i < all.size(); ++i) {
        const QByteArray& line = all.at(i);
        const auto it = lines.constFind(i + 1);
        if (it == lines.cend() || line.trimmed().startsWith('#') || line.trimmed().isEmpty()) {
            out += line;
            continue;
        }
        if (!noted.contains(*it)) {
            // One note per tunnel, at its first line taken: where it went, and how to read the rest.
            out += QStringLiteral("# ipsec-wizard: tunnel \"%1\" moved to the program's own %2 files; its lines\n"
                                  "# starting with \"#| \" are no longer read (take the \"#| \" away to have them back).\n")
                       .arg(*it, flavour)
                       .toUtf8();
            noted.insert(*it);
        }
        // A last line without a newline keeps having none.
        out += "#| " + line;
    }
    return out;
}

namespace {

QString ownSite(const NetworkProfile& imported)
{
    for (const Site& s : imported.sites)
        if (s.gateway.managed)
            return s.name;
    return {};
}

// The imported tunnel that is profile tunnel T: the one to the same far address, else by name.
const Tunnel* counterpart(const NetworkProfile& network, const Tunnel& t, const QString& site, const NetworkProfile& imported, const QString& us)
{
    const Site* far = network.site(t.siteA == site ? t.siteB : t.siteA);
    const QString address = far ? hostPart(far->gateway.peerAddress()) : QString();
    for (const Tunnel& i : imported.tunnels) {
        if (i.siteA != us && i.siteB != us)
            continue;
        const Site* theirs = imported.site(i.siteA == us ? i.siteB : i.siteA);
        if (!address.isEmpty() && theirs && hostPart(theirs->gateway.peerAddress()) == address)
            return &i;
    }
    for (const Tunnel& i : imported.tunnels)
        if (i.name == t.name && (i.siteA == us || i.siteB == us))
            return &i;
    return nullptr;
}

QStringList sorted(QStringList l)
{
    std::sort(l.begin(), l.end());
    return l;
}

// What a peer and the gateway agree on for T: networks on both ends, proposals, key, identities.
bool sameTunnel(const NetworkProfile& network, const Tunnel& t, const QString& site, const NetworkProfile& imported, const Tunnel& i, const QString& us)
{
    const Side mine = t.siteA == site ? Side::A : Side::B;
    const Side theirs = mine == Side::A ? Side::B : Side::A;
    const Side iMine = i.siteA == us ? Side::A : Side::B;
    const Side iTheirs = iMine == Side::A ? Side::B : Side::A;
    const Site* s = network.site(site);
    const Site* far = network.site(mine == Side::A ? t.siteB : t.siteA);
    const Site* iS = imported.site(us);
    const Site* iFar = imported.site(iMine == Side::A ? i.siteB : i.siteA);
    return s && far && iS && iFar && sorted(network.networksOf(t, mine)) == sorted(imported.networksOf(i, iMine))
        && sorted(network.networksOf(t, theirs)) == sorted(imported.networksOf(i, iTheirs)) && t.ike == i.ike && t.esp == i.esp && t.psk == i.psk
        && s->gateway.identity == iS->gateway.identity && far->gateway.identity == iFar->gateway.identity;
}

} // namespace

Result<Plan> plan(const NetworkProfile& network, const QString& site, const ImportSource& source, const QList<GeneratedFile>& generated)
{
    const Site* s = network.site(site);
    Plan out;
    out.files = generated;
    if (!s || s->gateway.importedFrom.isEmpty())
        return out;
    const auto format = importFormatFromId(s->gateway.importedFrom);
    if (!format)
        return Error{QStringLiteral("importedFrom"), QStringLiteral("Site %1: unknown import format %2.").arg(shown(site), shown(s->gateway.importedFrom))};
    if (!findMainFile(*format, source) && !RacoonSyntax::refusedMainFile(*format, source)) {
        // Gone (taken away by the admin since the import), or never there (the lab that rehearses
        // the migration is built from the profile alone): nothing is left to take over.
        out.notes << QStringLiteral("no %1 config on the gateway: nothing to take over").arg(importFormatId(*format));
        return out;
    }
    ImportOptions options;
    options.siteName = site;
    auto imported = importConfig(*format, source, options);
    if (!imported)
        return Error{imported.error().field,
                     QStringLiteral("Site %1 was imported from its %2 config, which cannot be read again now: %3")
                         .arg(shown(site), importFormatId(*format), imported.error().message)};
    const NetworkProfile& was = imported.value().network;
    const QString us = ownSite(was);

    QList<std::pair<const Tunnel*, const Tunnel*>> pairs; // profile's, imported
    bool same = flavourOf(*format) == s->gateway.flavour;
    for (const Tunnel& t : network.tunnels) {
        if (t.siteA != site && t.siteB != site)
            continue;
        const Tunnel* i = counterpart(network, t, site, was, us);
        if (!i) {
            same = false;
            continue;
        }
        pairs.append(std::make_pair(&t, i));
        same = same && sameTunnel(network, t, site, was, *i, us);
    }
    if (same && !pairs.isEmpty()) {
        out.alreadyThere = true;
        out.files.clear();
        return out;
    }

    // The tunnels move to the program's files: their lines in the admin's files are retired,
    // except lines in files (or marked blocks) that are the program's own anyway.
    QSet<QString> ours;
    for (const GeneratedFile& f : generated)
        if (f.block.isEmpty())
            ours.insert(f.path);
    QMap<QString, QMap<QString, QList<int>>> byFile; // gateway path -> tunnel -> lines
    QHash<QString, QString> sourceName;              // gateway path -> as the source names it
    for (const auto& [t, i] : std::as_const(pairs)) {
        const auto it = imported.value().origins.constFind(i->name);
        if (it == imported.value().origins.cend() || it->isEmpty()) {
            // racoon's tunnels are also policies its setkey file put in the kernel; taking them
            // out, and back on a rollback, without touching other programs' policies is not built.
            const QString why = *format == ImportFormat::Racoon
                                    ? QStringLiteral("taking a tunnel over from racoon.conf and its setkey file is not built yet (its "
                                                     "policies are in the kernel, put there by the setkey file)")
                                    : QStringLiteral("its lines there cannot be told apart from the rest (a line it shares with another "
                                                     "section, or a section written twice)");
            return Error{QStringLiteral("sites[%1].gateway.importedFrom").arg(network.siteIndex(site)),
                         QStringLiteral("Tunnel %1 is in %2's own %3 config, and the profile now says something else for it, but %4. Nothing "
                                        "was pushed. Take the tunnel out of that config by hand and push again, or keep the profile as it "
                                        "was imported.")
                             .arg(shown(t->name), shown(site), importFormatId(*format), why)};
        }
        for (const ImportOrigin& o : *it) {
            const QString path = gatewayPath(o.file);
            if (ours.contains(path)) {
                // The admin's own file at the path the program writes for this tunnel (conf.d/NAME.conf):
                // writing ours would replace theirs, every other connection in it too.
                const auto text = source.read(o.file);
                if (text && !MarkedBlock::linesOf(text.value()).value(0).startsWith("# swanctl connection and secret "))
                    return Error{QStringLiteral("sites[%1].gateway.importedFrom").arg(network.siteIndex(site)),
                                 QStringLiteral("Tunnel %1 is in %2 on %3, written by hand, and that is the file the program writes for a tunnel "
                                                "of that name. Nothing was pushed. Rename the tunnel in the profile (its connection then gets a "
                                                "file of its own, and its lines in %2 are commented out), or move that file away.")
                                     .arg(shown(t->name), path, shown(site))};
                continue;
            }
            byFile[path][t->name].append(o.line);
            sourceName.insert(path, o.file);
        }
    }
    const QString flavour = flavourId(s->gateway.flavour);
    for (auto f = byFile.cbegin(); f != byFile.cend(); ++f) {
        const auto read = source.read(sourceName.value(f.key()));
        if (!read)
            return Error{f.key(), QStringLiteral("Cannot read %1 again: %2").arg(f.key(), read.error().message)};
        QByteArray text = read.value();
        // Lines inside the program's marked blocks are the program's: the push rewrites those.
        QSet<int> inBlock;
        bool block = false;
        const QList<QByteArray> lines = MarkedBlock::linesOf(text);
        for (int n = 0; n < lines.size(); ++n) {
            const QByteArray l = lines.at(n).trimmed();
            if (l.startsWith("# BEGIN ipsec-wizard "))
                block = true;
            if (block)
                inBlock.insert(n + 1);
            if (l.startsWith("# END ipsec-wizard "))
                block = false;
        }
        QMap<int, QString> take; // line -> tunnel
        for (auto t = f.value().cbegin(); t != f.value().cend(); ++t) {
            int n = 0;
            for (int line : t.value())
                if (!inBlock.contains(line) && !take.contains(line)) {
                    take.insert(line, t.key());
                    ++n;
                }
            if (n > 0)
                out.notes << QStringLiteral("%1: %2 lines of tunnel %3 commented out").arg(f.key()).arg(n).arg(t.key());
        }
        const int count = int(take.size());
        text = commentOut(text, take, flavour);
        if (count == 0)
            continue;
        GeneratedFile file;
        file.path = f.key();
        file.content = text;
        // A key file stays 0600; any other keeps the mode the admin gave it.
        file.secret = f.key().endsWith(QLatin1String("psk.txt")) || f.key().endsWith(QLatin1String(".secrets"));
        file.mode = file.secret ? 0600 : 0644;
        file.replaces = QCryptographicHash::hash(read.value(), QCryptographicHash::Sha256).toHex();
        // A block of the new files in this same file (racoon-tool to racoon-tool): merged here, into
        // what is sent whole.
        for (qsizetype g = 0; g < out.files.size(); ++g) {
            if (out.files.at(g).path != file.path || out.files.at(g).block.isEmpty())
                continue;
            auto merged = MarkedBlock::mergeAll(file.content, out.files.at(g).block, out.files.at(g).content);
            if (!merged)
                return Error{file.path, merged.error().message};
            file.content = merged.value();
            out.files.removeAt(g--);
        }
        out.files.append(file);
    }
    if (*format == ImportFormat::RacoonTool && s->gateway.flavour != Flavour::RacoonTool)
        out.reloadCommands << QStringLiteral("if command -v racoon-tool >/dev/null 2>&1; then racoon-tool reload; fi");
    // ipsec.conf's connections are charon's through starter, which drops the ones gone from the
    // file on "ipsec update" (and the keys on rereadsecrets); swanctl's own --load-all, the new
    // files' reload, unloads the connections no longer in swanctl.conf.
    if (*format == ImportFormat::IpsecConf && !byFile.isEmpty())
        out.reloadCommands << QStringLiteral("if [ -f /run/starter.charon.pid ] && command -v ipsec >/dev/null 2>&1; then ipsec update && ipsec "
                                             "rereadsecrets; fi");
    return out;
}

} // namespace ipsecwiz::Migration
