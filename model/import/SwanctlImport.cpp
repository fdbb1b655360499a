#include "ImportDetail.h"
#include "StrongSwanSettings.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace ipsecwiz {

namespace {

using StrongSwan::LineLedger;
using StrongSwan::SettingsNode;

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Import", text);
}

// What our own generator writes as a conf.d file's first two lines: the names the files cannot
// otherwise say (the far site's, the network's).
struct Header
{
    QString tunnel, network, farSite;
};

// The keys the profile has no field for, and why; any other key gets a general reason.
QString reasonFor(const QString& key)
{
    static const QHash<QString, const char*> reasons = {
        {QStringLiteral("mobike"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "MOBIKE is not in the profile; the generator leaves strongSwan's default (on).")},
        {QStringLiteral("encap"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Forced UDP encapsulation is not in the profile; NAT traversal is strongSwan's own.")},
        {QStringLiteral("fragmentation"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "IKE fragmentation is not in the profile; the generator leaves strongSwan's default.")},
        {QStringLiteral("pools"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Virtual IP pools are not in the profile (road warriors are not).")},
        {QStringLiteral("vips"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Virtual IPs are not in the profile (road warriors are not).")},
        {QStringLiteral("dpd_delay"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The generator always writes dpd_delay = 30s; this value is not kept.")},
        {QStringLiteral("dpd_timeout"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "DPD timeouts are not in the profile.")},
        {QStringLiteral("dpd_action"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The generator always writes dpd_action = restart; this value is not kept.")},
        {QStringLiteral("reauth_time"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The profile's IKEv2 lifetime is a rekey time (rekey_time); reauthentication is not kept.")},
        {QStringLiteral("over_time"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The profile has lifetimes only; strongSwan's default margin applies.")},
        {QStringLiteral("rand_time"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The profile has lifetimes only; strongSwan's default jitter applies.")},
        {QStringLiteral("life_time"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The profile keeps the rekey time; strongSwan's hard lifetime is then 110% of it.")},
        {QStringLiteral("rekey_bytes"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Volume limits are not in the profile; only lifetimes are.")},
        {QStringLiteral("rekey_packets"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Volume limits are not in the profile; only lifetimes are.")},
        {QStringLiteral("life_bytes"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Volume limits are not in the profile; only lifetimes are.")},
        {QStringLiteral("life_packets"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Volume limits are not in the profile; only lifetimes are.")},
        {QStringLiteral("updown"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "An updown script is not in the profile; the generator writes routes and firewall rules itself.")},
        {QStringLiteral("ah_proposals"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "AH is not in the profile; tunnels use ESP.")},
        {QStringLiteral("certs"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Certificates are not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("cacerts"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Certificates are not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("pubkeys"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Raw public keys are not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("send_cert"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Certificates are not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("send_certreq"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Certificates are not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("eap_id"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "EAP is not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("xauth_id"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "XAuth is not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("mode"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Only tunnel mode is in the profile.")},
        {QStringLiteral("unique"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The uniqueness policy is not in the profile; the generator leaves strongSwan's default.")},
        {QStringLiteral("keyingtries"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Retries are not in the profile; the generator leaves strongSwan's default.")},
        {QStringLiteral("ppk_id"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Post-quantum preshared keys (PPK) are not in the profile.")},
        {QStringLiteral("ppk_required"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Post-quantum preshared keys (PPK) are not in the profile.")},
        {QStringLiteral("copy_dscp"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "DSCP handling is not in the profile.")},
        {QStringLiteral("close_action"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The generator decides what a gateway does when a tunnel closes (dpd_action = restart).")},
        {QStringLiteral("aggressive"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The generator uses IKEv1 aggressive mode only with a peer whose address changes.")},
    };
    const auto it = reasons.constFind(key);
    if (it != reasons.cend())
        return QCoreApplication::translate("ipsecwiz::Import", *it);
    return tr("The profile has no setting for “%1”.").arg(shown(key));
}

struct Connection
{
    QString name;
    int version = 2;
    QString localAddr, remoteAddr; // empty: %any
    const SettingsNode* localAddrNode = nullptr;
    QString localId, remoteId;     // as written; empty: the address
    const SettingsNode* localIdNode = nullptr;
    bool psk = true;
    IkeProposal ike;
    EspProposal esp;
    bool espSet = false;
    bool espLifetimeSet = false;
    QStringList localTs, remoteTs;
    std::optional<QByteArray> key;
    Header header;
};

struct Secret
{
    const SettingsNode* node = nullptr;
    const SettingsNode* secretNode = nullptr;
    QStringList ids;
    bool used = false;
};

QString firstAddress(const SettingsNode& node, LineLedger& ledger)
{
    const QStringList addrs = node.value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString first = addrs.value(0).trimmed();
    if (addrs.size() > 1)
        ledger.note(node, tr("Several addresses; the profile keeps the first, %1.").arg(shown(first)));
    else
        ledger.use(node);
    return first == QLatin1String("%any") || first == QLatin1String("%any4") || first == QLatin1String("%any6") ? QString() : first;
}

class SwanctlReader
{
public:
    SwanctlReader(LineLedger& ledger, const QHash<QString, Header>& headers) : m_ledger(ledger), m_headers(headers) {}

    QList<Connection> connections;
    QList<Secret> secrets;

    void read(const SettingsNode& root)
    {
        for (const SettingsNode& top : root.children) {
            if (!top.section) {
                m_ledger.note(top, reasonFor(top.name));
            } else if (top.name == QLatin1String("connections")) {
                m_ledger.use(top);
                for (const SettingsNode& c : top.children) {
                    if (!c.section)
                        m_ledger.note(c, tr("A setting outside of any connection."));
                    else
                        connection(c);
                }
            } else if (top.name == QLatin1String("secrets")) {
                m_ledger.use(top);
                for (const SettingsNode& s : top.children)
                    secret(s);
            } else if (top.name == QLatin1String("pools")) {
                m_ledger.note(top, reasonFor(QStringLiteral("pools")));
            } else if (top.name == QLatin1String("authorities")) {
                m_ledger.note(top, tr("Certificate authorities are not in the profile; tunnels authenticate with a pre-shared key."));
            } else {
                m_ledger.note(top, tr("“%1” is not a swanctl.conf section the importer reads.").arg(shown(top.name)));
            }
        }
    }

private:
    void connection(const SettingsNode& node)
    {
        if (!node.parent.isEmpty()) {
            m_ledger.note(node, tr("Connections made from a template (“: %1”) are not read.").arg(shown(node.parent)));
            return;
        }
        m_ledger.use(node);
        Connection c;
        c.name = node.name;
        c.header = m_headers.value(node.name);
        if (const SettingsNode* v = node.child(QStringLiteral("version")); v && !v->section) {
            if (v->value == QLatin1String("1") || v->value == QLatin1String("2")) {
                c.version = v->value.toInt();
                m_ledger.use(*v);
            } else {
                m_ledger.note(*v, tr("The profile takes one IKE version; IKEv2 is kept."));
            }
        }
        c.ike.version = c.version;
        bool localSeen = false;
        bool remoteSeen = false;
        // Values first: a child's "dynamic" selector means the connection's addresses, wherever they are written.
        for (const SettingsNode& k : node.children) {
            if (k.section)
                continue;
            value(k, c);
        }
        for (const SettingsNode& k : node.children) {
            if (k.section) {
                if (k.name.startsWith(QLatin1String("local"))) {
                    if (localSeen)
                        m_ledger.note(k, tr("A second round of authentication is not in the profile."));
                    else
                        auth(k, c, true);
                    localSeen = true;
                } else if (k.name.startsWith(QLatin1String("remote"))) {
                    if (remoteSeen)
                        m_ledger.note(k, tr("A second round of authentication is not in the profile."));
                    else
                        auth(k, c, false);
                    remoteSeen = true;
                } else if (k.name == QLatin1String("children")) {
                    m_ledger.use(k);
                    for (const SettingsNode& child : k.children) {
                        if (!child.section)
                            m_ledger.note(child, tr("A setting outside of any child."));
                        else
                            childSa(child, c);
                    }
                } else {
                    m_ledger.note(k, tr("“%1” is not a section of a connection the importer reads.").arg(shown(k.name)));
                }
            }
        }
        // strongSwan's defaults: the local and remote addresses as traffic selectors.
        if (c.localTs.isEmpty() && !c.localAddr.isEmpty())
            if (const auto n = StrongSwan::network(c.localAddr))
                c.localTs << *n;
        if (c.remoteTs.isEmpty() && !c.remoteAddr.isEmpty())
            if (const auto n = StrongSwan::network(c.remoteAddr))
                c.remoteTs << *n;
        connections.append(c);
    }

    void value(const SettingsNode& k, Connection& c)
    {
        {
            const QString& key = k.name;
            if (key == QLatin1String("version"))
                return;
            if (key == QLatin1String("local_addrs")) {
                c.localAddr = firstAddress(k, m_ledger);
                c.localAddrNode = &k;
            } else if (key == QLatin1String("remote_addrs")) {
                c.remoteAddr = firstAddress(k, m_ledger);
            } else if (key == QLatin1String("proposals")) {
                proposal(k, c);
            } else if (key == QLatin1String("rekey_time") || key == QLatin1String("reauth_time")) {
                // IKEv1 has no rekeying, only reauthentication: our generator writes reauth_time there.
                const bool ours = (key == QLatin1String("rekey_time")) == (c.version == 2);
                const auto seconds = StrongSwan::parseDuration(k.value);
                if (!ours)
                    m_ledger.note(k, c.version == 2 ? reasonFor(key) : tr("IKEv1 has no rekeying; the profile's IKEv1 lifetime is reauth_time."));
                else if (!seconds || *seconds <= 0)
                    m_ledger.note(k, tr("Not a duration the profile can hold."));
                else {
                    c.ike.lifetime = *seconds;
                    m_ledger.use(k);
                }
            } else if (key == QLatin1String("dpd_delay") && StrongSwan::parseDuration(k.value) == 30) {
                m_ledger.use(k); // what the generator writes
            } else if (key == QLatin1String("aggressive") && (k.value == QLatin1String("no") || (k.value == QLatin1String("yes") && c.version == 1))) {
                m_ledger.use(k); // the generator writes it for IKEv1 with a peer whose address changes
            } else {
                m_ledger.note(k, reasonFor(key));
            }
        }
    }

    void proposal(const SettingsNode& k, Connection& c)
    {
        const QString first = k.value.section(QLatin1Char(','), 0, 0);
        const auto p = StrongSwan::ikeProposal(first);
        if (!p) {
            m_ledger.note(k, tr("The proposal is not one the profile can express: %1 The profile's default is kept.").arg(p.error().message));
            return;
        }
        const int lifetime = c.ike.lifetime;
        c.ike = p.value();
        c.ike.version = c.version;
        c.ike.lifetime = lifetime;
        if (k.value.contains(QLatin1Char(',')))
            m_ledger.note(k, tr("Several proposals; the profile keeps the first, %1.").arg(shown(first.trimmed())));
        else
            m_ledger.use(k);
    }

    void auth(const SettingsNode& section, Connection& c, bool local)
    {
        m_ledger.use(section);
        for (const SettingsNode& k : section.children) {
            if (k.section) {
                m_ledger.note(k, tr("“%1” is not a section the importer reads.").arg(shown(k.name)));
            } else if (k.name == QLatin1String("auth")) {
                if (k.value == QLatin1String("psk")) {
                    m_ledger.use(k);
                } else {
                    c.psk = false;
                    m_ledger.note(k, tr("Authentication by “%1” is not in the profile; tunnels authenticate with a pre-shared key.").arg(shown(k.value)));
                }
            } else if (k.name == QLatin1String("id")) {
                if (!StrongSwan::identity(k.value, QString())) {
                    m_ledger.note(k, tr("An identity the profile cannot express (a distinguished name, %any or a wildcard); the address is used."));
                    continue;
                }
                (local ? c.localId : c.remoteId) = k.value;
                if (local)
                    c.localIdNode = &k;
                m_ledger.use(k);
            } else {
                m_ledger.note(k, reasonFor(k.name));
            }
        }
    }

    void childSa(const SettingsNode& child, Connection& c)
    {
        if (!child.parent.isEmpty()) {
            m_ledger.note(child, tr("Children made from a template (“: %1”) are not read.").arg(shown(child.parent)));
            return;
        }
        m_ledger.use(child);
        // Read after the connection's own settings: "dynamic" means its addresses.
        for (const SettingsNode& k : child.children) {
            const QString& key = k.name;
            if (k.section) {
                m_ledger.note(k, tr("“%1” is not a section the importer reads.").arg(shown(key)));
            } else if (key == QLatin1String("local_ts") || key == QLatin1String("remote_ts")) {
                selectors(k, key == QLatin1String("local_ts") ? c.localTs : c.remoteTs, c, key == QLatin1String("local_ts"));
            } else if (key == QLatin1String("esp_proposals")) {
                const QString first = k.value.section(QLatin1Char(','), 0, 0);
                const auto p = StrongSwan::espProposal(first);
                if (!p) {
                    m_ledger.note(k, tr("The proposal is not one the profile can express: %1 The profile's default is kept.").arg(p.error().message));
                    continue;
                }
                EspProposal esp = p.value();
                esp.lifetime = c.esp.lifetime;
                if (c.espSet && esp != c.esp) {
                    m_ledger.note(k, tr("Another child of this connection has other ESP proposals; a tunnel has one, the first child's."));
                    continue;
                }
                c.esp = esp;
                c.espSet = true;
                if (k.value.contains(QLatin1Char(',')))
                    m_ledger.note(k, tr("Several proposals; the profile keeps the first, %1.").arg(shown(first.trimmed())));
                else
                    m_ledger.use(k);
            } else if (key == QLatin1String("rekey_time")) {
                const auto seconds = StrongSwan::parseDuration(k.value);
                if (!seconds || *seconds <= 0)
                    m_ledger.note(k, tr("Not a duration the profile can hold."));
                else if (c.espLifetimeSet && *seconds != c.esp.lifetime)
                    m_ledger.note(k, tr("Another child of this connection has another rekey time; a tunnel has one, the first child's."));
                else {
                    c.esp.lifetime = *seconds;
                    c.espLifetimeSet = true;
                    m_ledger.use(k);
                }
            } else if (key == QLatin1String("start_action")) {
                // The generator decides it from the sites' addresses; any of its choices reads back.
                static const QStringList ours{QStringLiteral("none"), QStringLiteral("trap"), QStringLiteral("start"),
                                              QStringLiteral("trap|start"), QStringLiteral("start|trap")};
                if (ours.contains(k.value))
                    m_ledger.use(k);
                else
                    m_ledger.note(k, tr("The generator decides how a tunnel starts; “%1” is not kept.").arg(shown(k.value)));
            } else if ((key == QLatin1String("mode") && k.value == QLatin1String("tunnel"))
                       || (key == QLatin1String("dpd_action") && k.value == QLatin1String("restart"))) {
                m_ledger.use(k); // what the generator writes
            } else {
                m_ledger.note(k, reasonFor(key));
            }
        }
    }

    void selectors(const SettingsNode& k, QStringList& into, const Connection& c, bool local)
    {
        QStringList refused;
        for (const QString& part : k.value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString ts = part.trimmed();
            std::optional<QString> net;
            if (ts == QLatin1String("dynamic")) {
                const QString addr = local ? c.localAddr : c.remoteAddr;
                net = addr.isEmpty() ? std::nullopt : StrongSwan::network(addr);
            } else {
                net = StrongSwan::network(ts);
            }
            if (!net)
                refused << ts;
            else if (!into.contains(*net))
                into << *net;
        }
        if (refused.isEmpty())
            m_ledger.use(k);
        else
            m_ledger.note(k, tr("Not a network the profile can hold (ranges, protocols, ports, a changing address): %1.").arg(shown(refused.join(QStringLiteral(", ")))));
    }

    void secret(const SettingsNode& s)
    {
        if (!s.section) {
            m_ledger.note(s, tr("A setting outside of any secret."));
            return;
        }
        if (!s.name.startsWith(QLatin1String("ike"))) {
            m_ledger.note(s, tr("Only pre-shared IKE keys (ike…) are in the profile."));
            return;
        }
        Secret sec;
        sec.node = &s;
        for (const SettingsNode& k : s.children) {
            if (!k.section && k.name.startsWith(QLatin1String("id")))
                sec.ids << k.value;
            else if (!k.section && k.name == QLatin1String("secret"))
                sec.secretNode = &k;
            else
                m_ledger.note(k, reasonFor(k.name));
        }
        if (!sec.secretNode) {
            m_ledger.note(s, tr("A secret without a key."));
            return;
        }
        secrets.append(sec);
    }

    LineLedger& m_ledger;
    const QHash<QString, Header>& m_headers;
};

QString normalId(const QString& id)
{
    QString s = id.trimmed().toLower();
    if (s.startsWith(QLatin1Char('@')) && !s.startsWith(QLatin1String("@#")))
        s.remove(0, s.startsWith(QLatin1String("@@")) ? 2 : 1);
    return s;
}

// Which secret strongSwan would take for a connection: every id of it must be one of the two
// ends'; one that names the remote end beats one that names only the local; one without ids
// matches anything, last.
void assignSecrets(QList<Connection>& conns, QList<Secret>& secrets)
{
    for (Connection& c : conns) {
        if (!c.psk)
            continue;
        const QString local = normalId(c.localId.isEmpty() ? c.localAddr : c.localId);
        const QString remote = normalId(c.remoteId.isEmpty() ? c.remoteAddr : c.remoteId);
        int best = -1;
        int bestScore = -1;
        for (qsizetype i = 0; i < secrets.size(); ++i) {
            int score = 0;
            bool fits = true;
            for (const QString& id : std::as_const(secrets.at(i).ids)) {
                const QString n = normalId(id);
                if (!remote.isEmpty() && n == remote)
                    score |= 2;
                else if (!local.isEmpty() && n == local)
                    score |= 1;
                else
                    fits = false;
            }
            if (fits && score > bestScore) {
                best = int(i);
                bestScore = score;
            }
        }
        if (best >= 0) {
            secrets[best].used = true;
            c.key = secrets.at(best).secretNode->value.toUtf8();
        }
    }
}

QString safeName(const QString& text)
{
    QString s;
    for (const QChar ch : text)
        if (ch.isLetterOrNumber() && ch.unicode() < 128)
            s += ch;
        else if (ch == QLatin1Char('-') || ch == QLatin1Char('_'))
            s += ch;
    s = s.left(32);
    return s.isEmpty() ? QStringLiteral("peer") : s;
}

QString uniqueName(const QString& wanted, const NetworkProfile& n)
{
    QString name = wanted;
    for (int i = 2; n.siteIndex(name) >= 0; ++i)
        name = wanted.left(28) + QLatin1Char('-') + QString::number(i);
    return name;
}

// The peer's name for a connection we did not write: "us-peer" or "peer-us" (the tunnel names
// the topologies make), else the connection's own name.
QString peerName(const Connection& c, const QString& us)
{
    if (!c.header.farSite.isEmpty())
        return c.header.farSite;
    if (c.name.startsWith(us + QLatin1Char('-')) && c.name.size() > us.size() + 1)
        return safeName(c.name.mid(us.size() + 1));
    if (c.name.endsWith(QLatin1Char('-') + us) && c.name.size() > us.size() + 1)
        return safeName(c.name.left(c.name.size() - us.size() - 1));
    return safeName(c.name);
}

QHash<QString, Header> ourHeaders(const LineLedger& ledger, const QStringList& files)
{
    static const QRegularExpression first(QStringLiteral("^# swanctl connection and secret for site \"([^\"]*)\" of tunnel \"([^\"]*)\" \\(network \"([^\"]*)\"\\)$"));
    static const QRegularExpression second(QStringLiteral("^# Generated by IPsec Wizard; site \"([^\"]*)\" gets the mirror image"));
    QHash<QString, Header> out;
    for (const QString& f : files) {
        const auto a = first.match(ledger.lineText(f, 1));
        const auto b = second.match(ledger.lineText(f, 2));
        if (a.hasMatch() && b.hasMatch())
            out.insert(a.captured(2), Header{a.captured(2), a.captured(3), b.captured(1)});
    }
    return out;
}

} // namespace

Result<ImportResult> Import::detail::swanctl(const ImportSource& source, const ImportOptions& options, QSet<QString>* usedLines)
{
    const auto main = findMainFile(ImportFormat::Swanctl, source);
    if (!main)
        return main.error();
    LineLedger ledger;
    const auto root = StrongSwan::parseSettings(source, main.value(), ledger);
    if (!root)
        return root.error();
    const QHash<QString, Header> headers = ourHeaders(ledger, ledger.files());
    SwanctlReader reader(ledger, headers);
    reader.read(root.value());
    assignSecrets(reader.connections, reader.secrets);
    for (const Secret& s : std::as_const(reader.secrets)) {
        if (s.used)
            ledger.use(*s.node), ledger.use(*s.secretNode);
        else
            ledger.note(*s.node, tr("This key matches no connection's identities."));
        if (s.used)
            for (const SettingsNode& k : s.node->children)
                if (k.name.startsWith(QLatin1String("id")))
                    ledger.use(k);
    }

    ImportResult result;
    NetworkProfile& n = result.network;
    Site us;
    us.name = options.siteName;
    us.gateway.managed = true;
    us.gateway.flavour = Flavour::StrongSwan;
    const QList<Connection>& conns = reader.connections;
    // The gateway's own address and identity: the first connection's; another that says otherwise is noted.
    const Connection* defining = nullptr;
    for (const Connection& c : conns) {
        if (!defining) {
            defining = &c;
            continue;
        }
        if (c.localAddr != defining->localAddr && c.localAddrNode)
            ledger.note(*c.localAddrNode, tr("Connection “%1” gives this gateway another address; the site keeps %2.").arg(shown(defining->name), shown(defining->localAddr.isEmpty() ? QStringLiteral("%any") : defining->localAddr)));
        if (normalId(c.localId) != normalId(defining->localId) && c.localIdNode)
            ledger.note(*c.localIdNode, tr("Connection “%1” gives this gateway another identity; the site keeps its.").arg(shown(defining->name)));
    }
    if (defining) {
        const QString addr = defining->localAddr;
        us.gateway.localAddress = addr;
        us.gateway.reach = addr.isEmpty() ? Reachability::Dynamic : Reachability::Direct;
        us.gateway.identity = StrongSwan::identity(defining->localId, addr).value_or(Identity{});
        // An address identity other than the interface's: the address the peers see, a NAT router's.
        if (!addr.isEmpty() && us.gateway.identity.kind == IdentityKind::Address && !us.gateway.identity.value.isEmpty()) {
            us.gateway.reach = Reachability::Nat;
            us.gateway.publicAddress = us.gateway.identity.value;
        }
    }
    for (const Connection& c : conns)
        for (const QString& net : c.localTs)
            if (!us.networks.contains(net))
                us.networks << net;
    n.sites << us;

    QHash<QString, QString> peerByKey; // remote address and identity → the peer's site name
    for (const Connection& c : conns) {
        const QString key = c.remoteAddr + QLatin1Char('\n') + normalId(c.remoteId);
        QString peer = peerByKey.value(key);
        if (peer.isEmpty()) {
            Site s;
            s.name = uniqueName(peerName(c, us.name), n);
            s.gateway.managed = false;
            s.gateway.flavour = Flavour::StrongSwan; // not known: what we would run there
            s.gateway.localAddress = c.remoteAddr;
            s.gateway.reach = c.remoteAddr.isEmpty() ? Reachability::Dynamic : Reachability::Direct;
            s.gateway.identity = StrongSwan::identity(c.remoteId, c.remoteAddr).value_or(Identity{});
            n.sites << s;
            peer = s.name;
            peerByKey.insert(key, peer);
        }
        Site& s = n.sites[n.siteIndex(peer)];
        for (const QString& net : c.remoteTs)
            if (!s.networks.contains(net))
                s.networks << net;
        Tunnel t;
        t.name = c.name;
        t.siteA = us.name;
        t.siteB = peer;
        t.networksA = c.localTs;
        t.networksB = c.remoteTs;
        t.ike = c.ike;
        t.esp = c.esp;
        t.psk = c.key;
        n.tunnels << t;
        if (n.name.isEmpty() && !c.header.network.isEmpty())
            n.name = c.header.network;
    }
    // A tunnel that carries every network of a site says so by an empty list.
    for (Tunnel& t : n.tunnels) {
        if (t.networksA == n.site(t.siteA)->networks)
            t.networksA.clear();
        if (t.networksB == n.site(t.siteB)->networks)
            t.networksB.clear();
    }
    if (n.name.isEmpty())
        n.name = safeName(options.siteName);
    if (!n.tunnels.isEmpty()) {
        n.ike = n.tunnels.first().ike;
        n.esp = n.tunnels.first().esp;
    }
    if (n.tunnels.size() > 1) {
        n.topology.kind = TopologyKind::HubAndSpoke;
        n.topology.hub = us.name;
    }
    result.unused = ledger.notes();
    if (usedLines)
        *usedLines = ledger.usedLines();
    return result;
}

Result<ImportResult> Import::swanctl(const ImportSource& source, const ImportOptions& options)
{
    return detail::swanctl(source, options, nullptr);
}

} // namespace ipsecwiz
