#include "RacoonSyntax.h"

#include "Algorithms.h"
#include "Cidr.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace ipsecwiz::RacoonSyntax {

namespace {

// A note quotes a line, not a megabyte of one: binary input has few line ends.
constexpr qsizetype MaxNoteText = 200;

QString noteText(const QString& line)
{
    const QString trimmed = line.trimmed();
    return trimmed.size() > MaxNoteText ? shown(trimmed.left(MaxNoteText)) + QStringLiteral("…") : shown(trimmed);
}

QString unquoted(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"')))
        s = s.mid(1, s.size() - 2);
    return s;
}

} // namespace

QStringList LineLedger::addFile(const QString& file, const QByteArray& data)
{
    QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast(); // the file's last line end
    for (QString& l : lines)
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    if (m_index.contains(file))
        return lines;
    QList<Line> recorded;
    recorded.reserve(lines.size());
    for (const QString& l : std::as_const(lines))
        recorded.append(Line{l, State::Pending, {}});
    m_index.insert(file, int(m_files.size()));
    m_files.append({file, recorded});
    return lines;
}

LineLedger::Line* LineLedger::find(const QString& file, int line)
{
    const auto it = m_index.constFind(file);
    if (it == m_index.cend() || line < 1 || line > m_files.at(*it).second.size())
        return nullptr;
    return &m_files[*it].second[line - 1];
}

void LineLedger::use(const QString& file, int line)
{
    if (Line* l = find(file, line))
        l->state = State::Used;
}

void LineLedger::drop(const QString& file, int line, const QString& reason)
{
    Line* l = find(file, line);
    if (l && l->state == State::Pending) {
        l->state = State::Dropped;
        l->reason = reason;
    }
}

void LineLedger::fileNote(const QString& file, const QString& reason, const QString& text)
{
    m_fileNotes.append(ImportNote{file, 0, text, reason});
}

void LineLedger::addKey(const QByteArray& key)
{
    const QString k = QString::fromUtf8(key);
    if (k.isEmpty() || m_keySet.contains(k))
        return;
    m_keySet.insert(k);
    m_keysByPrefix[k.left(KeyPrefix)].append(k);
}

QString LineLedger::masked(const QString& text) const
{
    // Every key in TEXT, the longest at each place first, left to right. A psk.txt of a MiB holds
    // a hundred thousand keys: they are found through their first characters, not one by one.
    if (m_keySet.isEmpty())
        return text;
    QString out;
    qsizetype copied = 0;
    for (qsizetype i = 0; i < text.size();) {
        qsizetype best = 0;
        for (qsizetype n = 1; n <= KeyPrefix && i + n <= text.size(); ++n) {
            const auto it = m_keysByPrefix.constFind(text.mid(i, n));
            if (it == m_keysByPrefix.cend())
                continue;
            for (const QString& k : *it)
                if (k.size() > best && QStringView(text).mid(i).startsWith(k))
                    best = k.size();
        }
        if (best == 0) {
            ++i;
            continue;
        }
        out += QStringView(text).mid(copied, i - copied);
        out += QStringLiteral("(key)");
        i += best;
        copied = i;
    }
    out += QStringView(text).mid(copied);
    return out;
}

QList<ImportNote> LineLedger::notes() const
{
    const auto mask = [&](const QString& text) { return masked(text); };
    QList<ImportNote> out;
    // Reasons quote identities and paths, which a hostile psk.txt can make equal to a key.
    for (const ImportNote& n : m_fileNotes)
        out.append(ImportNote{n.file, 0, mask(n.text), mask(n.reason)});
    for (const auto& [file, lines] : m_files) {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const Line& l = lines.at(i);
            if (l.state == State::Used || isBlankOrComment(l.text))
                continue;
            const QString reason = l.state == State::Dropped ? l.reason : QStringLiteral("not understood: the importer does not know this setting");
            // Masked before it is shortened: a key cut in half would not be found whole.
            out.append(ImportNote{file, int(i + 1), noteText(mask(l.text)), mask(reason)});
        }
    }
    return out;
}

bool isBlankOrComment(const QString& line)
{
    const QString t = line.trimmed();
    return t.isEmpty() || t.startsWith(QLatin1Char('#'));
}

QString encryptionId(const QString& name)
{
    QString n = name.simplified().toLower();
    if (n == QLatin1String("aes") || n == QLatin1String("rijndael"))
        return QStringLiteral("aes128");
    if (n.startsWith(QLatin1String("rijndael ")))
        n.replace(0, 8, QStringLiteral("aes"));
    for (const Algorithm& a : Algorithms::ofKind(AlgorithmKind::Encryption))
        if (!a.racoonIke.isEmpty() && a.racoonIke == n)
            return a.id;
    return {};
}

QString hashId(const QString& name)
{
    const QString n = name.simplified().toLower();
    for (const Algorithm& a : Algorithms::ofKind(AlgorithmKind::Integrity))
        if (!a.racoonIke.isEmpty() && a.racoonIke == n)
            return a.id;
    return {};
}

QString espAuthId(const QString& name)
{
    const QString n = name.simplified().toLower();
    for (const Algorithm& a : Algorithms::ofKind(AlgorithmKind::Integrity))
        if (!a.racoonEsp.isEmpty() && a.racoonEsp == n)
            return a.id;
    return {};
}

QString dhId(const QString& name)
{
    static const QHash<QString, QString> numbers{
        {QStringLiteral("1"), QStringLiteral("modp768")},   {QStringLiteral("2"), QStringLiteral("modp1024")},
        {QStringLiteral("5"), QStringLiteral("modp1536")},  {QStringLiteral("14"), QStringLiteral("modp2048")},
        {QStringLiteral("15"), QStringLiteral("modp3072")}, {QStringLiteral("16"), QStringLiteral("modp4096")},
    };
    const QString n = name.simplified().toLower();
    if (numbers.contains(n))
        return numbers.value(n);
    for (const Algorithm& a : Algorithms::ofKind(AlgorithmKind::DhGroup))
        if (!a.racoonIke.isEmpty() && a.racoonIke == n)
            return a.id;
    return {};
}

std::optional<int> lifetimeSeconds(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(?:time\\s+)?(\\d{1,9})\\s*(s|sec|secs|second|seconds|min|mins|minute|minutes|hour|hours)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text.simplified());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    const qint64 factor = unit.startsWith(QLatin1String("h")) ? 3600 : unit.startsWith(QLatin1String("m")) ? 60 : 1;
    if (n * factor > std::numeric_limits<int>::max() || n == 0)
        return std::nullopt;
    return int(n * factor);
}

std::optional<Identity> identity(const QString& text, const QString& address)
{
    const QString t = text.simplified();
    const QString kind = t.section(QLatin1Char(' '), 0, 0).toLower();
    const QString value = unquoted(t.section(QLatin1Char(' '), 1));
    if (kind == QLatin1String("address")) {
        if (value.isEmpty() || value == address)
            return Identity{IdentityKind::Address, {}};
        if (QHostAddress(value).isNull())
            return std::nullopt;
        return Identity{IdentityKind::Address, value};
    }
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9.:@_-]{1,253}$"));
    if (!safe.match(value).hasMatch())
        return std::nullopt;
    if (kind == QLatin1String("fqdn"))
        return Identity{IdentityKind::Fqdn, value};
    if (kind == QLatin1String("user_fqdn"))
        return Identity{IdentityKind::UserFqdn, value};
    return std::nullopt;
}

QString identityValue(const Identity& id, const QString& address)
{
    return id.kind == IdentityKind::Address && id.value.isEmpty() ? address : id.value;
}

std::optional<QString> network(const QString& range)
{
    QString r = range.trimmed();
    if (r.endsWith(QLatin1String("[any]"), Qt::CaseInsensitive))
        r.chop(5);
    if (r.isEmpty() || r.contains(QLatin1Char('[')))
        return std::nullopt;
    const auto cidr = Cidr::parse(r, true);
    if (!cidr)
        return std::nullopt;
    if (!r.contains(QLatin1Char('/')))
        r += QLatin1Char('/') + QString::number(cidr.value().maxPrefix());
    return r;
}

QList<PskEntry> parsePsk(const QStringList& lines)
{
    // By hand, not by a regular expression: "(.*?)\s*$" backtracks quadratically on a long run of blanks.
    QList<PskEntry> out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (isBlankOrComment(lines.at(i)))
            continue;
        const QString t = lines.at(i).trimmed();
        qsizetype ws = 0;
        while (ws < t.size() && !t.at(ws).isSpace())
            ++ws;
        const QString key = t.mid(ws).trimmed();
        if (!key.isEmpty())
            out.append(PskEntry{t.left(ws), key.toUtf8(), int(i + 1)});
    }
    return out;
}

QString maskedPskLine(const PskEntry& entry)
{
    return entry.id + QStringLiteral("\t(key)");
}

IkeProposal defaultIke()
{
    IkeProposal ike;
    ike.version = 1;
    ike.encryption = QStringLiteral("3des");
    ike.integrity = QStringLiteral("sha1");
    ike.prf = QStringLiteral("sha1");
    ike.dhGroup = QStringLiteral("modp1024");
    ike.lifetime = DefaultLifetime;
    return ike;
}

EspProposal defaultEsp()
{
    EspProposal esp;
    esp.encryption = QStringLiteral("aes128");
    esp.integrity = QStringLiteral("sha1");
    esp.pfsGroup = QStringLiteral("none");
    esp.lifetime = DefaultLifetime;
    return esp;
}

QString safeName(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        if (out.size() >= 32)
            break;
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') || c == QLatin1Char('_') ? c : QLatin1Char('-');
    }
    return out.isEmpty() ? QStringLiteral("imported") : out;
}

NetworkProfile buildNetwork(const ImportOptions& options, Flavour flavour, const QString& localAddress, const Identity& identity,
                            const QList<ImportedTunnel>& tunnels)
{
    NetworkProfile n;
    const QString us = safeName(options.siteName);
    n.name = us;
    Site own;
    own.name = us;
    own.gateway.localAddress = localAddress;
    own.gateway.flavour = flavour;
    own.gateway.identity = identity;
    own.gateway.managed = true;
    own.gateway.ssh.host = options.sshHost;
    for (const ImportedTunnel& t : tunnels)
        for (const QString& net : t.localNets)
            if (!own.networks.contains(net))
                own.networks.append(net);
    n.sites.append(own);

    QSet<QString> tunnelNames;
    for (const ImportedTunnel& t : tunnels) {
        Site peer;
        const QString base = t.peerAddress.isEmpty() ? QStringLiteral("dynamic-peer") : QStringLiteral("peer-") + t.peerAddress;
        peer.name = safeName(base);
        for (int i = 2; n.siteIndex(peer.name) >= 0; ++i)
            peer.name = safeName(base.left(28)) + QLatin1Char('-') + QString::number(i);
        peer.networks = t.remoteNets;
        peer.gateway.localAddress = t.peerAddress;
        peer.gateway.reach = t.peerAddress.isEmpty() ? Reachability::Dynamic : Reachability::Direct;
        peer.gateway.identity = t.peerIdentity;
        peer.gateway.managed = false;
        n.sites.append(peer);

        Tunnel tunnel;
        tunnel.name = t.name.isEmpty() ? safeName(us.left(15) + QLatin1Char('-') + peer.name.left(16)) : safeName(t.name);
        for (int i = 2; tunnelNames.contains(tunnel.name); ++i)
            tunnel.name = safeName(tunnel.name.left(28)) + QLatin1Char('-') + QString::number(i);
        tunnelNames.insert(tunnel.name);
        tunnel.siteA = us;
        tunnel.siteB = peer.name;
        tunnel.networksA = t.localNets;
        tunnel.networksB = t.remoteNets;
        tunnel.ike = t.ike;
        tunnel.esp = t.esp;
        tunnel.psk = t.psk;
        n.tunnels.append(tunnel);
    }
    if (!n.tunnels.isEmpty()) {
        n.ike = n.tunnels.constFirst().ike;
        n.esp = n.tunnels.constFirst().esp;
    } else {
        n.ike = defaultIke();
        n.esp = defaultEsp();
    }
    if (n.tunnels.size() > 1) {
        n.topology.kind = TopologyKind::HubAndSpoke;
        n.topology.hub = us;
    }
    return n;
}

std::optional<QStringList> readInto(const ImportSource& source, const QString& path, LineLedger& ledger)
{
    const auto data = source.read(path);
    if (!data) {
        ledger.fileNote(path, QStringLiteral("not read: %1").arg(data.error().message));
        return std::nullopt;
    }
    return ledger.addFile(path, data.value());
}

std::optional<Error> refusedMainFile(ImportFormat format, const ImportSource& source)
{
    for (const QString& c : mainFileCandidates(format)) {
        const auto r = source.read(c);
        if (!r && !r.error().message.startsWith(QLatin1String("No such file")))
            return r.error();
    }
    return std::nullopt;
}

} // namespace ipsecwiz::RacoonSyntax
