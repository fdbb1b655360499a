#include "ImportDetail.h"
#include "StrongSwanConnections.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace ipsecwiz {

namespace {

using StrongSwan::Connection;
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

// A secret of swanctl.conf and where it was written.
struct SwanctlSecret
{
    const SettingsNode* node = nullptr;
    const SettingsNode* secretNode = nullptr;
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

QString firstAddress(const SettingsNode& node, LineLedger& ledger)
{
    const QStringList addrs = node.value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString first = addrs.value(0).trimmed();
    if (first.contains(QLatin1Char('/')) || first.contains(QLatin1Char('-'))) {
        ledger.note(node, tr("A range of addresses; the profile takes it as an address that changes (%any)."));
        return {};
    }
    if (addrs.size() > 1)
        ledger.note(node, tr("Several addresses; the profile keeps the first, %1.").arg(shown(first)));
    else
        ledger.use(node);
    return first == QLatin1String("%any") || first == QLatin1String("%any4") || first == QLatin1String("%any6") ? QString() : first;
}

// TEXT up to a "#" outside quotes, trimmed.
QString withoutComment(const QString& text)
{
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('"'))
            quoted = !quoted;
        else if (text.at(i) == QLatin1Char('#') && !quoted)
            return text.left(i).trimmed();
    }
    return text.trimmed();
}

// Every line of section NODE, from its name to its closing brace: what a migration comments out
// when the tunnel moves. None when a line of it holds something else too ("connections { lab {",
// "} }"), or the section is opened again elsewhere: then its lines cannot be taken alone.
QList<ImportOrigin> sectionLines(const SettingsNode& node, const LineLedger& ledger)
{
    if (!node.section || !node.reopened.isEmpty() || node.lastLine < node.where.line)
        return {};
    if (!withoutComment(ledger.lineText(node.where.file, node.where.line)).startsWith(node.name))
        return {};
    // The braces from its name on: its own opens first, and it closes with the last character of
    // its last line, not before (a "}" after it would be another section's).
    int depth = 0;
    bool opened = false;
    for (int l = node.where.line; l <= node.lastLine; ++l) {
        const QString text = withoutComment(ledger.lineText(node.where.file, l));
        bool quoted = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            if (quoted || (c != QLatin1Char('{') && c != QLatin1Char('}')))
                continue;
            if (opened && depth == 0)
                return {};
            depth += c == QLatin1Char('{') ? 1 : -1;
            opened = true;
            if (depth < 0)
                return {};
        }
    }
    if (!opened || depth != 0 || !withoutComment(ledger.lineText(node.where.file, node.lastLine)).endsWith(QLatin1Char('}')))
        return {};
    QList<ImportOrigin> out;
    for (int l = node.where.line; l <= node.lastLine; ++l)
        out.append(ImportOrigin{node.where.file, l});
    return out;
}

class SwanctlReader
{
public:
    SwanctlReader(LineLedger& ledger, const QHash<QString, Header>& headers) : m_ledger(ledger), m_headers(headers) {}

    QList<Connection> connections;
    QList<StrongSwan::Secret> secrets;
    QList<SwanctlSecret> secretNodes; // where each of secrets was written

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
        c.farSite = m_headers.value(node.name).farSite;
        c.network = m_headers.value(node.name).network;
        c.origins = sectionLines(node, m_ledger);
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
                c.localDynamic = c.localAddr.isEmpty(); // what our generator writes for a site whose address changes
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
        StrongSwan::Secret sec;
        SwanctlSecret where{&s, nullptr};
        for (const SettingsNode& k : s.children) {
            if (!k.section && k.name.startsWith(QLatin1String("id")))
                sec.ids << k.value;
            else if (!k.section && k.name == QLatin1String("secret"))
                where.secretNode = &k;
            else
                m_ledger.note(k, reasonFor(k.name));
        }
        if (!where.secretNode) {
            m_ledger.note(s, tr("A secret without a key."));
            return;
        }
        sec.key = where.secretNode->value.toUtf8();
        secrets.append(sec);
        secretNodes.append(where);
    }

    LineLedger& m_ledger;
    const QHash<QString, Header>& m_headers;
};

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
    StrongSwan::assignSecrets(reader.connections, reader.secrets);
    for (qsizetype i = 0; i < reader.secrets.size(); ++i) {
        const SwanctlSecret& where = reader.secretNodes.at(i);
        if (!reader.secrets.at(i).used) {
            ledger.note(*where.node, tr("This key matches no connection's identities."));
            continue;
        }
        ledger.use(*where.node);
        ledger.use(*where.secretNode);
        for (const SettingsNode& k : where.node->children)
            if (k.name.startsWith(QLatin1String("id")))
                ledger.use(k);
    }

    ImportResult result;
    result.network = StrongSwan::network(reader.connections, options, ledger);
    for (const Connection& c : std::as_const(reader.connections))
        if (c.psk && !c.key)
            result.findings << Finding{Severity::Warning, Network::tunnelPath(c.name, QStringLiteral("psk")),
                                       tr("No secret in swanctl.conf matches connection “%1”; the tunnel has no key.").arg(shown(c.name)), {}};
    QList<QList<ImportOrigin>> secretLines;
    for (const SwanctlSecret& where : std::as_const(reader.secretNodes))
        secretLines << sectionLines(*where.node, ledger);
    StrongSwan::collectOrigins(reader.connections, secretLines, result);
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
