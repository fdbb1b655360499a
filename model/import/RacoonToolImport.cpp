#include "Importer.h"

#include "RacoonSyntax.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

#include <map>

// racoon-tool.conf(5), as Debian's racoon-tool (a Perl script) reads it: sections "global:",
// "peer(ADDR|%default|%anonymous):" and "connection(NAME|%default|%anonymous):", each followed by
// "property: value" lines; templates ("spdadd(NAME): …", "racooninit: …") on lines of their own.
// A comment runs from '#' to the end of the line. %default fills every property a section does
// not set, and racoon-tool's own built-in %default fills the rest (its values are below). Then
// every enabled connection with src_ip and dst_ip becomes a policy pair in the kernel and a sainfo
// for racoon, and its dst_ip's peer section a "remote": the connections to one peer are one
// tunnel of the profile, with all their networks. The files are /etc/racoon/racoon-tool.conf and
// then racoon-tool.conf.d/*.conf beside it; the keys are in psk.txt.

namespace ipsecwiz {

using namespace RacoonSyntax;

namespace {

struct Prop
{
    QString key; // lower case, with any "[index]"
    QString value;
    QString file;
    int line = 0; // 0: racoon-tool's built-in default
};

struct Section
{
    QString name; // lower case, "%default" …
    QList<std::pair<QString, int>> headers; // file, line: a section may be opened again further down
    QList<Prop> props;
    QHash<QString, qsizetype> last; // key -> its last prop: a %default of a MiB is looked up per connection

    void add(const Prop& p)
    {
        last.insert(p.key, props.size());
        props.append(p);
    }

    [[nodiscard]] const Prop* find(const QString& key) const
    {
        const auto it = last.constFind(key);
        return it == last.cend() ? nullptr : &props.at(*it);
    }
};

// The peer settings peer() reads without an index; the others are left out whoever sets them.
const QStringList& knownPeerKeys()
{
    static const QStringList k{QStringLiteral("lifetime"),          QStringLiteral("exchange_mode"), QStringLiteral("my_identifier"),
                               QStringLiteral("peers_identifier"),  QStringLiteral("verify_identifier"), QStringLiteral("passive"),
                               QStringLiteral("generate_policy"),   QStringLiteral("nat_traversal")};
    return k;
}

QString indexOf(const QString& key)
{
    return key.contains(QLatin1Char('[')) ? key.section(QLatin1Char('['), 1).chopped(1) : QString();
}

// racoon-tool's built-in %default sections (racoon-tool.pl, %peer_list and %connection_list).
const QList<std::pair<QString, QString>>& builtinPeer()
{
    static const QList<std::pair<QString, QString>> p{
        {QStringLiteral("exchange_mode"), QStringLiteral("main")},
        {QStringLiteral("encryption_algorithm[0]"), QStringLiteral("3des")},
        {QStringLiteral("hash_algorithm[0]"), QStringLiteral("sha1")},
        {QStringLiteral("dh_group[0]"), QStringLiteral("modp1024")},
        {QStringLiteral("authentication_method[0]"), QStringLiteral("pre_shared_key")},
    };
    return p;
}

const QList<std::pair<QString, QString>>& builtinConnection()
{
    static const QList<std::pair<QString, QString>> c{
        {QStringLiteral("admin_status"), QStringLiteral("disabled")},   {QStringLiteral("upperspec"), QStringLiteral("any")},
        {QStringLiteral("encap"), QStringLiteral("esp")},               {QStringLiteral("level"), QStringLiteral("unique")},
        {QStringLiteral("spdadd_template"), QStringLiteral("%default")}, {QStringLiteral("sadadd_template"), QStringLiteral("%default")},
        {QStringLiteral("sainfo_template"), QStringLiteral("%default")}, {QStringLiteral("pfs_group"), QStringLiteral("modp1024")},
        {QStringLiteral("encryption_algorithm"), QStringLiteral("aes,3des")},
        {QStringLiteral("authentication_algorithm"), QStringLiteral("hmac_sha1,hmac_md5")},
    };
    return c;
}

bool truthy(const QString& v)
{
    static const QStringList yes{QStringLiteral("enabled"), QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("up"),
                                 QStringLiteral("on"), QStringLiteral("1")};
    return yes.contains(v.trimmed().toLower());
}

// Why a property the profile has no field for is left out.
QString reasonFor(const QString& key)
{
    const QString k = key.section(QLatin1Char('['), 0, 0);
    static const QStringList certs{QStringLiteral("certificate_type"), QStringLiteral("peers_certfile"), QStringLiteral("verify_cert"),
                                   QStringLiteral("send_cr"), QStringLiteral("send_cert"), QStringLiteral("path_certificate")};
    if (certs.contains(k))
        return QStringLiteral("certificates are not in the profile: its tunnels authenticate with a pre-shared key");
    static const QStringList daemon{QStringLiteral("log"), QStringLiteral("listen"), QStringLiteral("privsep"), QStringLiteral("privsep_chroot"),
                                    QStringLiteral("privsep_user"), QStringLiteral("privsep_group"), QStringLiteral("racoon_command"),
                                    QStringLiteral("racoon_pid_file"), QStringLiteral("path_racoon_conf"), QStringLiteral("complex_bundle")};
    if (daemon.contains(k))
        return QStringLiteral("a setting of the racoon daemon, not of a tunnel: the profile does not carry it");
    static const QStringList tuning{QStringLiteral("proposal_check"), QStringLiteral("nonce_size"), QStringLiteral("initial_contact"),
                                    QStringLiteral("support_mip6"), QStringLiteral("remote_template"), QStringLiteral("spdadd_template"),
                                    QStringLiteral("sadadd_template"), QStringLiteral("sainfo_template"), QStringLiteral("id_type"),
                                    QStringLiteral("upperspec"), QStringLiteral("level")};
    if (tuning.contains(k))
        return QStringLiteral("a racoon-tool detail the profile does not carry; racoon-tool's default applies to the imported tunnel");
    if (k == QLatin1String("auto_ah_on_esp") || k == QLatin1String("always_ah_on_esp"))
        return QStringLiteral("AH: the profile's tunnels use ESP only");
    if (k == QLatin1String("src_port") || k == QLatin1String("dst_port") || k == QLatin1String("policy"))
        return QStringLiteral("a policy for some ports only: the profile's tunnels carry whole networks");
    return {};
}

class RacoonToolReader
{
public:
    RacoonToolReader(const ImportSource& source, const ImportOptions& options) : m_source(source), m_options(options) {}

    Result<ImportResult> run()
    {
        const auto main = findMainFile(ImportFormat::RacoonTool, m_source);
        if (!main)
            return refusedMainFile(ImportFormat::RacoonTool, m_source).value_or(main.error());
        const auto data = m_source.read(main.value());
        if (!data)
            return data.error();
        parse(main.value(), m_ledger.addFile(main.value(), data.value()));
        // racoon-tool.conf.d/*.conf beside the main file, in order, as racoon-tool reads them.
        const QString dir = main.value().contains(QLatin1Char('/')) ? main.value().section(QLatin1Char('/'), 0, -2) + QLatin1Char('/') : QString();
        if (const auto parts = m_source.glob(dir + QStringLiteral("racoon-tool.conf.d/*.conf")); parts) {
            for (const QString& part : parts.value())
                if (const auto lines = readInto(m_source, part, m_ledger))
                    parse(part, *lines);
        } else {
            m_ledger.fileNote(dir + QStringLiteral("racoon-tool.conf.d"), QStringLiteral("not read: %1").arg(parts.error().message));
        }
        readPsk();
        return build();
    }

private:
    void parse(const QString& file, const QStringList& lines)
    {
        static const QRegularExpression sectionRe(QStringLiteral("^\\s*(connection|peer)\\(([^)]*)\\):\\s*$"), QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression globalRe(QStringLiteral("^\\s*global:\\s*$"), QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression templateRe(
            QStringLiteral("^\\s*(spdadd|spdadd_transport_ip4|spdadd_transport_ip6|sadadd|remote|sainfo)\\([^)]*\\):|^\\s*(spdinit|sadinit|racooninit):"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression propRe(QStringLiteral("^\\s*([A-Za-z_]+(?:\\[[-_0-9A-Za-z]+\\])?):(.*)$"));
        static const QRegularExpression connName(QStringLiteral("^(%default|%anonymous|[-_a-z0-9]+)$"));
        static const QRegularExpression peerName(QStringLiteral("^(%default|%anonymous|[a-f0-9:.]+)$"));
        collectBlocks(file, lines);
        Section* current = nullptr;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const int n = int(i + 1);
            QString line = lines.at(i);
            if (isBlankOrComment(line))
                continue;
            if (const qsizetype hash = line.indexOf(QLatin1Char('#')); hash >= 0)
                line.truncate(hash);
            if (line.trimmed().isEmpty())
                continue;
            if (templateRe.match(line).hasMatch()) {
                m_ledger.drop(file, n, QStringLiteral("a racoon-tool template: racoon-tool's own text for racoon.conf or setkey, which the profile "
                                                      "does not carry (the profile's generator writes its own)"));
                continue;
            }
            if (globalRe.match(line).hasMatch()) {
                current = &m_global;
                m_ledger.use(file, n);
                continue;
            }
            if (const auto m = sectionRe.match(line); m.hasMatch()) {
                const bool peer = m.captured(1).compare(QLatin1String("peer"), Qt::CaseInsensitive) == 0;
                const QString name = m.captured(2).trimmed().toLower();
                if (!(peer ? peerName : connName).match(name).hasMatch()) {
                    current = nullptr;
                    m_ledger.drop(file, n, QStringLiteral("racoon-tool refuses this section name, and so does the importer"));
                    continue;
                }
                auto& map = peer ? m_peers : m_connections;
                auto& order = peer ? m_peerOrder : m_connectionOrder;
                if (map.find(name) == map.end()) {
                    order.append(name);
                    map[name].name = name;
                }
                current = &map[name];
                current->headers.append({file, n});
                continue;
            }
            const auto p = propRe.match(line);
            if (!p.hasMatch() || !current) {
                m_ledger.drop(file, n, current ? QStringLiteral("not a \"property: value\" line") : QStringLiteral("outside any section"));
                continue;
            }
            // The value trimmed here: "(.*?)\s*$" would backtrack quadratically on a long run of blanks.
            current->add(Prop{p.captured(1).toLower(), p.captured(2).trimmed(), file, n});
        }
    }

    void readPsk()
    {
        QString path = QStringLiteral("/etc/racoon/psk.txt");
        if (const Prop* p = m_global.find(QStringLiteral("path_pre_shared_key"))) {
            path = p->value.trimmed().remove(QLatin1Char('"'));
            m_ledger.use(p->file, p->line);
        }
        PskFile psk = readPskFile(m_source, m_ledger, path);
        m_pskFile = psk.path;
        m_psk = std::move(psk.entries);
        m_pskById = std::move(psk.byId);
    }

    // A property of connection NAME as racoon-tool sees it: its own, else connection(%default)'s,
    // else the built-in default (line 0).
    std::optional<Prop> connProp(const Section& c, const QString& key) const
    {
        if (const Prop* p = c.find(key))
            return *p;
        if (c.name != QLatin1String("%default") && m_connections.contains(QStringLiteral("%default")))
            if (const Prop* p = m_connections.at(QStringLiteral("%default")).find(key))
                return *p;
        for (const auto& [k, v] : builtinConnection())
            if (k == key)
                return Prop{k, v, {}, 0};
        return std::nullopt;
    }

    // The properties of peer ADDRESS with %default and the built-in defaults filled in. Of
    // %default only what peer() reads for proposal FIRST: a %default of a MiB is not copied into
    // each of thousands of peers (its other lines are judged once, in build()).
    QList<Prop> peerProps(const QString& address, const QString& first) const
    {
        QList<Prop> out;
        QSet<QString> have;
        const auto add = [&](const QList<Prop>& props, bool defaults) {
            // The last of a key within one section wins; the order is the file's (reversed at the end).
            for (qsizetype i = props.size() - 1; i >= 0; --i) {
                const Prop& p = props.at(i);
                if (defaults && (p.key.contains(QLatin1Char('[')) ? indexOf(p.key) != first : !knownPeerKeys().contains(p.key)))
                    continue;
                if (!have.contains(p.key)) {
                    have.insert(p.key);
                    out.append(p);
                }
            }
        };
        if (m_peers.contains(address))
            add(m_peers.at(address).props, false);
        if (address != QLatin1String("%default") && m_peers.contains(QStringLiteral("%default"))) {
            // Filtered once per proposal index, not once per peer.
            auto cached = m_defaultsFor.find(first);
            if (cached == m_defaultsFor.end()) {
                QList<Prop> relevant;
                for (const Prop& p : m_peers.at(QStringLiteral("%default")).props)
                    if (p.key.contains(QLatin1Char('[')) ? indexOf(p.key) == first : knownPeerKeys().contains(p.key))
                        relevant.append(p);
                cached = m_defaultsFor.insert(first, relevant);
            }
            add(*cached, true);
        }
        if (address != QLatin1String("%anonymous")) {
            QList<Prop> builtin;
            for (const auto& [k, v] : builtinPeer())
                builtin.append(Prop{k, v, {}, 0});
            add(builtin, true);
        } else {
            add({Prop{QStringLiteral("passive"), QStringLiteral("on"), {}, 0}, Prop{QStringLiteral("generate_policy"), QStringLiteral("on"), {}, 0}}, true);
        }
        std::reverse(out.begin(), out.end());
        return out;
    }

    void use(const Prop& p) { m_ledger.use(p.file, p.line); }
    void drop(const Prop& p, const QString& reason) { m_ledger.drop(p.file, p.line, reason); }

    // A connection's ESP proposal and networks. False (its lines dropped) when the profile cannot
    // carry it.
    struct Conn
    {
        QString name;
        QString srcIp, dstIp;
        QString local, remote;
        EspProposal esp;
        QList<Prop> espProps; // the lines that made esp, in order
    };

    std::optional<Conn> connection(const Section& c)
    {
        const auto dropAll = [&](const QString& reason) {
            for (const auto& [hf, h] : c.headers)
                m_ledger.drop(hf, h, reason);
            for (const Prop& p : c.props)
                drop(p, reason);
        };
        const auto admin = connProp(c, QStringLiteral("admin_status"));
        if (!admin || !truthy(admin->value)) {
            dropAll(QStringLiteral("connection \"%1\" is disabled (admin_status), so racoon-tool does not load it").arg(c.name));
            return std::nullopt;
        }
        Conn out;
        out.name = c.name;
        const auto srcIp = connProp(c, QStringLiteral("src_ip"));
        const auto dstIp = connProp(c, QStringLiteral("dst_ip"));
        if (!srcIp || !dstIp || QHostAddress(srcIp->value).isNull() || QHostAddress(dstIp->value).isNull()) {
            dropAll(QStringLiteral("connection \"%1\" has no valid src_ip and dst_ip, so racoon-tool does not load it").arg(c.name));
            return std::nullopt;
        }
        out.srcIp = QHostAddress(srcIp->value).toString();
        out.dstIp = QHostAddress(dstIp->value).toString();
        const auto srcRange = connProp(c, QStringLiteral("src_range"));
        const auto dstRange = connProp(c, QStringLiteral("dst_range"));
        const QString src = srcRange ? srcRange->value : srcIp->value;
        const QString dst = dstRange ? dstRange->value : dstIp->value;
        const auto mode = connProp(c, QStringLiteral("mode"));
        const auto sameHost = [](const QString& range, const QString& ip) {
            const auto net = network(range);
            return net && (*net == ip + QStringLiteral("/32") || *net == ip + QStringLiteral("/128"));
        };
        const bool transport = mode ? mode->value.trimmed().toLower() == QLatin1String("transport")
                                    : sameHost(src, srcIp->value.trimmed()) && sameHost(dst, dstIp->value.trimmed());
        if (transport) {
            dropAll(QStringLiteral("connection \"%1\" is in transport mode: the profile describes tunnels between networks").arg(c.name));
            return std::nullopt;
        }
        const auto encap = connProp(c, QStringLiteral("encap"));
        if (encap && encap->value.trimmed().toLower() != QLatin1String("esp")) {
            dropAll(QStringLiteral("connection \"%1\" uses AH: the profile's tunnels use ESP").arg(c.name));
            return std::nullopt;
        }
        const auto local = network(src);
        const auto remote = network(dst);
        if (!local || !remote) {
            dropAll(QStringLiteral("connection \"%1\" protects some ports or not a network (src_range, dst_range): the profile's tunnels carry "
                                   "whole networks")
                        .arg(c.name));
            return std::nullopt;
        }
        out.local = *local;
        out.remote = *remote;
        for (const auto& p : {srcIp, dstIp, srcRange, dstRange, admin, mode, encap})
            if (p)
                use(*p);

        out.esp = defaultEsp();
        // Lists name several algorithms, the kernel offering each: the profile keeps the first.
        const auto firstOf = [&](const QString& key, auto idOf, QString& field) {
            const auto p = connProp(c, key);
            if (!p)
                return;
            const QStringList names = p->value.split(QLatin1Char(','), Qt::SkipEmptyParts);
            const QString id = names.isEmpty() ? QString() : idOf(names.constFirst().trimmed());
            if (id.isEmpty()) {
                drop(*p, QStringLiteral("the profile has no %1 \"%2\"; the imported tunnel keeps %3").arg(key, names.value(0).trimmed(), field));
                return;
            }
            field = id;
            if (names.size() > 1)
                drop(*p, QStringLiteral("several algorithms: the profile holds one proposal, and takes the first (%1)").arg(id));
            else
                out.espProps.append(*p);
        };
        firstOf(QStringLiteral("encryption_algorithm"), encryptionId, out.esp.encryption);
        firstOf(QStringLiteral("authentication_algorithm"), espAuthId, out.esp.integrity);
        if (const auto pfs = connProp(c, QStringLiteral("pfs_group"))) {
            const QString v = pfs->value.trimmed().toLower();
            const QString id = v == QLatin1String("none") ? QStringLiteral("none") : dhId(v);
            if (id.isEmpty())
                drop(*pfs, QStringLiteral("the profile has no PFS group \"%1\"").arg(v));
            else {
                out.esp.pfsGroup = id;
                out.espProps.append(*pfs);
            }
        }
        if (const auto life = connProp(c, QStringLiteral("lifetime"))) {
            if (const auto s = lifetimeSeconds(life->value)) {
                out.esp.lifetime = *s;
                out.espProps.append(*life);
            } else {
                drop(*life, QStringLiteral("not a lifetime the profile can hold (time N sec|min|hour)"));
            }
        }
        if (const auto comp = connProp(c, QStringLiteral("compression"))) {
            if (truthy(comp->value))
                drop(*comp, QStringLiteral("IPComp: the profile's tunnels do not compress"));
            else
                use(*comp);
        }
        static const QStringList harmless{QStringLiteral("upperspec"), QStringLiteral("level"), QStringLiteral("spdadd_template"),
                                          QStringLiteral("sadadd_template"), QStringLiteral("sainfo_template")};
        static const QHash<QString, QString> ours{{QStringLiteral("upperspec"), QStringLiteral("any")},
                                                  {QStringLiteral("level"), QStringLiteral("unique")},
                                                  {QStringLiteral("spdadd_template"), QStringLiteral("%default")},
                                                  {QStringLiteral("sadadd_template"), QStringLiteral("%default")},
                                                  {QStringLiteral("sainfo_template"), QStringLiteral("%default")}};
        for (const QString& key : harmless) {
            const auto p = connProp(c, key);
            if (!p)
                continue;
            const QString v = p->value.trimmed().toLower();
            if (v == ours.value(key) || (key == QLatin1String("level") && v == QLatin1String("require")))
                use(*p);
            else
                drop(*p, reasonFor(key));
        }
        return out;
    }

    // A peer's phase 1: the proposal with the first index, the identities.
    struct Peer
    {
        IkeProposal ike;
        std::optional<Identity> mine;
        std::optional<Identity> theirs;
        bool psk = true;
    };

    Peer peer(const QString& address)
    {
        Peer out;
        out.ike = defaultIke();
        // The lowest index of the peer, %default and the built-in [0]: racoon-tool's first proposal.
        QString first = address == QLatin1String("%anonymous") ? QString() : QStringLiteral("0");
        const auto lower = [&](const Section& s) {
            for (const Prop& p : s.props)
                if (const QString i = indexOf(p.key); !i.isEmpty() && (first.isEmpty() || i < first))
                    first = i;
        };
        if (m_peers.contains(address))
            lower(m_peers.at(address));
        if (!m_defaultFirst) {
            QString own = first;
            first = QStringLiteral("0");
            if (m_peers.contains(QStringLiteral("%default")))
                lower(m_peers.at(QStringLiteral("%default")));
            m_defaultFirst = first;
            first = own;
        }
        if (!m_defaultFirst->isEmpty() && (first.isEmpty() || *m_defaultFirst < first))
            first = *m_defaultFirst;
        const QList<Prop> props = peerProps(address, first);
        for (const Prop& p : props) {
            const QString key = p.key.section(QLatin1Char('['), 0, 0);
            const QString v = p.value.trimmed();
            const bool indexed = p.key.contains(QLatin1Char('['));
            if (indexed && p.key.section(QLatin1Char('['), 1).chopped(1) != first) {
                drop(p, QStringLiteral("another phase 1 proposal: the profile holds one, and takes proposal [%1]").arg(first));
                continue;
            }
            const auto algorithm = [&](QString id, QString& field, const QString& what) {
                if (id.isEmpty())
                    drop(p, QStringLiteral("the profile has no %1 \"%2\"; the imported tunnel keeps %3").arg(what, v, field));
                else {
                    field = id;
                    use(p);
                }
            };
            if (key == QLatin1String("encryption_algorithm"))
                algorithm(encryptionId(v), out.ike.encryption, QStringLiteral("phase 1 encryption"));
            else if (key == QLatin1String("hash_algorithm")) {
                algorithm(hashId(v), out.ike.integrity, QStringLiteral("phase 1 hash"));
                out.ike.prf = out.ike.integrity; // racoon's hash is its PRF
            } else if (key == QLatin1String("dh_group"))
                algorithm(dhId(v), out.ike.dhGroup, QStringLiteral("DH group"));
            else if (key == QLatin1String("authentication_method")) {
                if (v.toLower() == QLatin1String("pre_shared_key"))
                    use(p);
                else {
                    out.psk = false;
                    drop(p, QStringLiteral("the profile's tunnels authenticate with a pre-shared key only; the imported tunnel has none"));
                }
            } else if (key == QLatin1String("lifetime")) {
                if (const auto s = lifetimeSeconds(v)) {
                    out.ike.lifetime = *s;
                    use(p);
                } else
                    drop(p, QStringLiteral("not a lifetime the profile can hold (time N sec|min|hour)"));
            } else if (key == QLatin1String("exchange_mode")) {
                const QString mode = v.toLower();
                if (mode == QLatin1String("main") || (address == QLatin1String("%anonymous") && mode == QLatin1String("aggressive")))
                    use(p);
                else
                    drop(p, QStringLiteral("the profile uses main mode with a peer of fixed address (aggressive only for one whose address changes)"));
            } else if (key == QLatin1String("my_identifier") || key == QLatin1String("peers_identifier")) {
                const bool mine = key == QLatin1String("my_identifier");
                const auto id = identity(v, mine ? QString() : address);
                if (!id) {
                    drop(p, QStringLiteral("an identifier the profile has no kind for (it has address, fqdn and user_fqdn)"));
                    continue;
                }
                (mine ? out.mine : out.theirs) = *id;
                if (!mine)
                    use(p); // mine is used once it is the site's
                else
                    m_myIdProps.append(p);
            } else if (key == QLatin1String("verify_identifier")) {
                if (v.toLower() == QLatin1String("on"))
                    use(p);
                else
                    drop(p, QStringLiteral("the profile's gateways always verify the peer's identifier"));
            } else if (key == QLatin1String("passive")) {
                if (v.toLower() == QLatin1String("off") || address == QLatin1String("%anonymous"))
                    use(p);
                else
                    drop(p, QStringLiteral("a passive end: the profile decides which end starts a tunnel by itself"));
            } else if (key == QLatin1String("generate_policy")) {
                if (address == QLatin1String("%anonymous") || v.toLower() == QLatin1String("off"))
                    use(p);
                else
                    drop(p, QStringLiteral("generate_policy with a peer of fixed address: the profile's tunnels have fixed policies"));
            } else if (key == QLatin1String("nat_traversal")) {
                if (v.toLower() == QLatin1String("force"))
                    drop(p, QStringLiteral("forced NAT traversal: the profile turns it on when either end is behind NAT or dynamic"));
                else
                    use(p); // on when either end is behind NAT: the profile decides that from the sites
            } else {
                const QString why = reasonFor(key);
                drop(p, why.isEmpty() ? QStringLiteral("racoon-tool.conf(5) has no such peer setting") : why);
            }
        }
        return out;
    }

    Result<ImportResult> build()
    {
        ImportResult result;
        // Global settings: none of them is a tunnel's.
        for (const Prop& p : m_global.props)
            if (p.key != QLatin1String("path_pre_shared_key")) {
                const QString why = reasonFor(p.key);
                drop(p, why.isEmpty() ? QStringLiteral("racoon-tool.conf(5) has no such global setting") : why);
            }

        // Connections, grouped by peer in the order they first appear.
        QStringList peers;
        QHash<QString, QList<Conn>> byPeer;
        for (const QString& name : std::as_const(m_connectionOrder)) {
            const Section& c = m_connections.at(name);
            if (name == QLatin1String("%default"))
                continue;
            if (name == QLatin1String("%anonymous")) {
                anonymous(c);
                continue;
            }
            if (const auto conn = connection(c)) {
                for (const auto& [hf, h] : c.headers)
                    m_ledger.use(hf, h);
                if (!byPeer.contains(conn->dstIp))
                    peers.append(conn->dstIp);
                byPeer[conn->dstIp].append(*conn);
            }
        }

        QString localAddress;
        std::optional<Identity> mine;
        QList<ImportedTunnel> tunnels;
        for (const QString& address : std::as_const(peers)) {
            const QList<Conn>& conns = byPeer[address];
            ImportedTunnel t;
            t.peerAddress = address;
            const Peer p = peer(address);
            if (const auto it = m_peers.find(address); it != m_peers.end())
                for (const auto& [hf, h] : it->second.headers)
                    m_ledger.use(hf, h);
            t.ike = p.ike;
            t.peerIdentity = p.theirs.value_or(Identity{});
            t.esp = conns.constFirst().esp;
            QSet<QString> seen;
            for (const Conn& c : conns) {
                if (!seen.contains(QLatin1Char('L') + c.local)) {
                    seen.insert(QLatin1Char('L') + c.local);
                    t.localNets.append(c.local);
                }
                if (!seen.contains(QLatin1Char('R') + c.remote)) {
                    seen.insert(QLatin1Char('R') + c.remote);
                    t.remoteNets.append(c.remote);
                }
                for (const Prop& e : c.espProps) {
                    if (c.esp == t.esp)
                        use(e);
                    else
                        drop(e, QStringLiteral("connection \"%1\" differs from \"%2\" in phase 2: the tunnel to %3 holds one ESP proposal, the first's")
                                    .arg(c.name, conns.constFirst().name, address));
                }
                if (localAddress.isEmpty())
                    localAddress = c.srcIp;
                else if (c.srcIp != localAddress)
                    result.findings.append(Finding{Severity::Warning, QStringLiteral("connection(%1).src_ip").arg(c.name),
                                                   QStringLiteral("Connection \"%1\" starts from %2, the others from %3; the site has one address.")
                                                       .arg(c.name, c.srcIp, localAddress),
                                                   {}});
            }
            if (t.localNets.size() * t.remoteNets.size() != conns.size())
                result.findings.append(Finding{Severity::Warning, QStringLiteral("peer(%1)").arg(address),
                                               QStringLiteral("The connections to %1 join some of their networks only; the imported tunnel carries "
                                                              "every pair of them.")
                                                   .arg(address),
                                               {}});
            if (p.mine && !mine)
                mine = p.mine;
            t.name = tunnelName(conns);
            t.psk = p.psk ? key(identityValue(t.peerIdentity, address), address) : std::nullopt;
            // The tunnel's own lines: its peer's section and its connections' (a %default is every
            // tunnel's), and the line of its key.
            const auto own = [&t](const Section& s) {
                for (const auto& [hf, h] : s.headers)
                    t.origins.append(ImportOrigin{hf, h});
                for (const Prop& pr : s.props)
                    t.origins.append(ImportOrigin{pr.file, pr.line});
            };
            if (const auto it = m_peers.find(address); it != m_peers.end())
                own(it->second);
            for (const Conn& c : conns)
                own(m_connections.at(c.name));
            if (m_lastKeyLine > 0)
                t.origins.append(ImportOrigin{m_pskFile, m_lastKeyLine});
            tunnels.append(t);
        }
        if (m_anonymous) {
            const Peer p = peer(QStringLiteral("%anonymous"));
            if (const auto it = m_peers.find(QStringLiteral("%anonymous")); it != m_peers.end())
                for (const auto& [hf, h] : it->second.headers)
                    m_ledger.use(hf, h);
            m_anonymous->ike = p.ike;
            m_anonymous->peerIdentity = p.theirs.value_or(Identity{});
            if (p.mine && !mine)
                mine = p.mine;
            if (p.psk && !m_anonymous->peerIdentity.value.isEmpty())
                m_anonymous->psk = key(m_anonymous->peerIdentity.value, {});
            tunnels.append(*m_anonymous);
        }
        // my_identifier is the site's: the sections that agree with the first are used.
        const Identity own = mine.value_or(Identity{});
        for (const Prop& p : std::as_const(m_myIdProps)) {
            if (identity(p.value, localAddress) == own || identity(p.value, {}) == own)
                use(p);
            else
                drop(p, QStringLiteral("another identifier of this gateway: the site has one, the first"));
        }

        // What no tunnel took.
        for (const QString& name : std::as_const(m_peerOrder)) {
            const Section& s = m_peers.at(name);
            const bool taken = byPeer.contains(name) || (name == QLatin1String("%anonymous") && m_anonymous);
            const bool defaults = name == QLatin1String("%default");
            const QString why = defaults ? QStringLiteral("a %default value no peer takes: each sets its own, or no connection is loaded")
                                : taken  ? QString()
                                         : QStringLiteral("no enabled connection goes to this peer");
            if (why.isEmpty())
                continue;
            for (const auto& [hf, h] : s.headers) {
                if (defaults && !tunnels.isEmpty())
                    m_ledger.use(hf, h);
                else
                    m_ledger.drop(hf, h, why);
            }
            for (const Prop& p : s.props) {
                const QString key = p.key.section(QLatin1Char('['), 0, 0);
                const bool read = knownPeerKeys().contains(key) || QStringList{QStringLiteral("encryption_algorithm"), QStringLiteral("hash_algorithm"),
                                                                               QStringLiteral("dh_group"), QStringLiteral("authentication_method")}
                                                                       .contains(key);
                const QString other = reasonFor(key);
                drop(p, defaults && p.key.contains(QLatin1Char('[')) && read ? QStringLiteral("another phase 1 proposal: the profile holds one, the first")
                        : defaults && !read ? (other.isEmpty() ? QStringLiteral("racoon-tool.conf(5) has no such peer setting") : other)
                                            : why);
            }
        }
        if (m_connections.contains(QStringLiteral("%default"))) {
            const Section& d = m_connections.at(QStringLiteral("%default"));
            for (const Prop& p : d.props)
                drop(p, QStringLiteral("a %default value no enabled connection takes: each sets its own"));
            for (const auto& [hf, h] : d.headers)
                if (tunnels.isEmpty())
                    m_ledger.drop(hf, h, QStringLiteral("no enabled connection takes these defaults"));
                else
                    m_ledger.use(hf, h);
        }
        for (const PskEntry& e : std::as_const(m_psk))
            if (!m_usedPsk.contains(e.line))
                m_ledger.drop(m_pskFile, e.line, QStringLiteral("a key for %1, which no imported tunnel uses").arg(shown(e.id)));
        for (ImportedTunnel& t : tunnels)
            t.peerSite = m_ledger.farSite(t.name);
        result.network = buildNetwork(m_options, Flavour::RacoonTool, localAddress, own, tunnels, m_ledger.networkName());
        for (qsizetype i = 0; i < tunnels.size() && i < result.network.tunnels.size(); ++i)
            if (!tunnels.at(i).origins.isEmpty())
                result.origins.insert(result.network.tunnels.at(i).name, tunnels.at(i).origins);
        if (tunnels.isEmpty())
            m_ledger.fileNote(QString(), QStringLiteral("no enabled connection: the profile has no tunnel"));
        result.unused = m_ledger.notes();
        return result;
    }

    // connection(%anonymous): racoon-tool's "sainfo anonymous" for a passive server.
    void anonymous(const Section& c)
    {
        const auto admin = connProp(c, QStringLiteral("admin_status"));
        const QString why = QStringLiteral("the %anonymous connection is disabled (admin_status)");
        if (!admin || !truthy(admin->value) || !m_peers.contains(QStringLiteral("%anonymous"))) {
            for (const auto& [hf, h] : c.headers)
                m_ledger.drop(hf, h, admin && truthy(admin->value) ? QStringLiteral("no peer(%anonymous) for it") : why);
            for (const Prop& p : c.props)
                drop(p, why);
            return;
        }
        ImportedTunnel t;
        t.esp = defaultEsp();
        for (const auto& [hf, h] : c.headers)
            m_ledger.use(hf, h);
        use(*admin);
        for (const Prop& p : c.props) {
            if (p.key == QLatin1String("src_range") || p.key == QLatin1String("dst_range")) {
                if (const auto net = network(p.value)) {
                    (p.key == QLatin1String("src_range") ? t.localNets : t.remoteNets).append(*net);
                    use(p);
                } else
                    drop(p, QStringLiteral("not a network"));
            } else if (p.key == QLatin1String("lifetime")) {
                if (const auto s = lifetimeSeconds(p.value)) {
                    t.esp.lifetime = *s;
                    use(p);
                }
            } else if (p.key == QLatin1String("pfs_group")) {
                const QString id = p.value.trimmed().toLower() == QLatin1String("none") ? QStringLiteral("none") : dhId(p.value);
                if (!id.isEmpty()) {
                    t.esp.pfsGroup = id;
                    use(p);
                }
            } else if (p.key == QLatin1String("encryption_algorithm")) {
                if (const QString id = encryptionId(p.value.section(QLatin1Char(','), 0, 0)); !id.isEmpty()) {
                    t.esp.encryption = id;
                    if (!p.value.contains(QLatin1Char(',')))
                        use(p);
                }
            } else if (p.key == QLatin1String("authentication_algorithm")) {
                if (const QString id = espAuthId(p.value.section(QLatin1Char(','), 0, 0)); !id.isEmpty()) {
                    t.esp.integrity = id;
                    if (!p.value.contains(QLatin1Char(',')))
                        use(p);
                }
            }
            drop(p, QStringLiteral("the %anonymous connection: the profile has no field for this"));
        }
        m_anonymous = t;
    }

    // Our own blocks name their tunnel: "# BEGIN ipsec-wizard NAME" holds connection(name) or
    // connection(name-1), (name-2) … (racoon-tool's names are lower case). Otherwise one
    // connection's name is the tunnel's; several make one from the sites.
    QString tunnelName(const QList<Conn>& conns) const
    {
        for (const QStringList& names : m_blockNames) {
            for (const QString& block : names) {
                const QString base = block.toLower();
                const bool all = std::all_of(conns.cbegin(), conns.cend(), [&](const Conn& c) {
                    return c.name == base || (c.name.startsWith(base + QLatin1Char('-')) && conns.size() > 1);
                });
                if (all)
                    return block;
            }
        }
        return conns.size() == 1 ? conns.constFirst().name : QString();
    }

    std::optional<QByteArray> key(const QString& id, const QString& address)
    {
        m_lastKeyLine = 0;
        for (const QString& want : {id, address}) {
            if (want.isEmpty())
                continue;
            if (const auto e = m_pskById.constFind(want); e != m_pskById.cend()) {
                m_usedPsk.insert(e->line);
                m_ledger.use(m_pskFile, e->line);
                m_lastKeyLine = e->line;
                return e->key;
            }
        }
        return std::nullopt;
    }

    // Block names, by file: "# BEGIN ipsec-wizard NAME" lines.
    void collectBlocks(const QString& file, const QStringList& lines)
    {
        static const QRegularExpression begin(QStringLiteral("^# BEGIN ipsec-wizard (\\S+)\\s*$"));
        for (const QString& l : lines)
            if (const auto m = begin.match(l); m.hasMatch())
                m_blockNames[file].append(m.captured(1));
    }

    const ImportSource& m_source;
    const ImportOptions& m_options;
    LineLedger m_ledger;
    Section m_global;
    std::map<QString, Section> m_peers; // std::map: a section's address stays while others are added
    std::map<QString, Section> m_connections;
    QStringList m_peerOrder;
    QStringList m_connectionOrder;
    QList<Prop> m_myIdProps;
    QList<PskEntry> m_psk;
    QHash<QString, PskEntry> m_pskById;
    QString m_pskFile;
    QSet<int> m_usedPsk;
    int m_lastKeyLine = 0; // the psk.txt line key() took the last key from
    std::optional<ImportedTunnel> m_anonymous;
    mutable std::optional<QString> m_defaultFirst; // the lowest proposal index of peer(%default), once
    mutable QHash<QString, QList<Prop>> m_defaultsFor; // proposal index -> what peer() reads of peer(%default)
    QHash<QString, QStringList> m_blockNames;
};

} // namespace

Result<ImportResult> Import::racoonTool(const ImportSource& source, const ImportOptions& options)
{
    return RacoonToolReader(source, options).run();
}

} // namespace ipsecwiz
