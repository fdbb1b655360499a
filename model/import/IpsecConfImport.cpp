#include "ImportDetail.h"
#include "StrongSwanConnections.h"

#include <QCoreApplication>
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

// One section of ipsec.conf: "conn NAME", "config setup" or "ca NAME", its settings as children.
struct Section
{
    QString kind;
    SettingsNode node; // node.name: the section's name
};

// ipsec.conf(5): a section starts at the beginning of a line, its settings are indented
// "key=value" lines; "#" starts a comment outside quotes; "include PATTERN" at the beginning of a
// line reads other files (relative to the including one's folder).
class ConfReader
{
public:
    ConfReader(const ImportSource& source, LineLedger& ledger) : m_source(source), m_ledger(ledger) {}

    QList<Section> sections;

    Status readFile(const QString& file, QStringList& stack)
    {
        auto data = m_source.read(file);
        if (!data)
            return data.error();
        ++m_filesRead;
        m_ledger.addFile(file, data.value());
        stack << file;
        const QList<QByteArray> lines = data.value().split('\n');
        qsizetype current = -1; // index into sections
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const int lineNo = int(i) + 1;
            const QString raw = QString::fromUtf8(lines.at(i));
            const QString text = withoutComment(raw);
            if (text.trimmed().isEmpty())
                continue;
            if (!text.at(0).isSpace()) {
                current = header(text, file, lineNo, stack);
                continue;
            }
            if (current < 0) {
                m_ledger.noteLine(file, lineNo, tr("A setting outside of any section."));
                continue;
            }
            sections[current].node.lastLine = lineNo; // every indented line is the section's, read or not
            setting(text, file, lineNo, sections[current].node);
        }
        stack.removeLast();
        return {};
    }

private:
    static QString withoutComment(const QString& line)
    {
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (line.at(i) == QLatin1Char('"'))
                quoted = !quoted;
            else if (line.at(i) == QLatin1Char('#') && !quoted)
                return line.left(i);
        }
        return line;
    }

    // The section the line opens (its index), or -1 (an include, a version line, something unknown).
    qsizetype header(const QString& text, const QString& file, int line, QStringList& stack)
    {
        const QStringList words = text.simplified().split(QLatin1Char(' '));
        const QString& first = words.at(0);
        if (first == QLatin1String("include") && words.size() >= 2) {
            bool any = false;
            for (const QString& f : StrongSwan::includedFiles(m_source, file, line, text.simplified().mid(8), stack, m_filesRead, m_ledger)) {
                const Status st = readFile(f, stack);
                if (!st)
                    m_ledger.noteLine(file, line, tr("The include is not read: %1").arg(st.error().toString()));
                else
                    any = true;
            }
            if (any)
                m_ledger.useLine(file, line);
            return -1;
        }
        if (first == QLatin1String("version") && words.size() == 2) {
            m_ledger.useLine(file, line); // "version 2": the syntax, nothing to import
            return -1;
        }
        const bool known = (first == QLatin1String("conn") || first == QLatin1String("ca")) || (first == QLatin1String("config") && words.value(1) == QLatin1String("setup"));
        if (!known || words.size() != 2) {
            m_ledger.noteLine(file, line, tr("Not a section of ipsec.conf (conn NAME, config setup, ca NAME) or an include."));
            return -1;
        }
        Section s;
        s.kind = first;
        s.node.name = words.at(1);
        s.node.section = true;
        s.node.where = {file, line};
        s.node.lastLine = line;
        for (const Section& other : std::as_const(sections)) {
            if (other.kind == s.kind && other.node.name == s.node.name && s.kind != QLatin1String("config")) {
                m_ledger.noteLine(file, line, tr("A second section of this name; strongSwan refuses it, and so does the import."));
                sections.append(Section{QStringLiteral("duplicate"), s.node});
                return sections.size() - 1;
            }
        }
        sections.append(s);
        return sections.size() - 1;
    }

    void setting(const QString& text, const QString& file, int line, SettingsNode& section)
    {
        const qsizetype eq = text.indexOf(QLatin1Char('='));
        SettingsNode v;
        v.where = {file, line};
        v.lastLine = line;
        if (eq <= 0) {
            v.name = text.trimmed().section(QLatin1Char(' '), 0, 0);
            m_ledger.note(v, tr("This line is not “key=value”."));
            return;
        }
        v.name = text.left(eq).trimmed();
        v.rawValue = text.mid(eq + 1).trimmed();
        v.value = v.rawValue;
        if (v.value.size() >= 2 && v.value.startsWith(QLatin1Char('"')) && v.value.endsWith(QLatin1Char('"')))
            v.value = v.value.mid(1, v.value.size() - 2);
        for (qsizetype i = 0; i < section.children.size() && v.name != QLatin1String("also"); ++i) { // also= may come several times
            if (section.children.at(i).name == v.name) {
                m_ledger.note(section.children.at(i), tr("Set again at %1:%2; the later value counts.").arg(file).arg(line));
                section.children.removeAt(i);
                break;
            }
        }
        section.children.append(v);
    }

    const ImportSource& m_source;
    LineLedger& m_ledger;
    int m_filesRead = 0;
};

// The keys the profile has no field for, and why (without "left"/"right"); any other key gets a
// general reason.
QString reasonFor(const QString& key)
{
    static const QHash<QString, const char*> reasons = {
        {QStringLiteral("cert"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Certificates are not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("sendcert"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Certificates are not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("ca"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Certificates are not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("rsasigkey"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Raw public keys are not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("sourceip"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Virtual IPs are not in the profile (road warriors are not).")},
        {QStringLiteral("dns"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Handing out DNS servers is not in the profile (road warriors are not).")},
        {QStringLiteral("firewall"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The generator writes its own firewall rules (firewall.nft).")},
        {QStringLiteral("updown"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "An updown script is not in the profile; the generator writes routes and firewall rules itself.")},
        {QStringLiteral("protoport"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Protocol and port selectors are not in the profile; a tunnel carries whole networks.")},
        {QStringLiteral("groups"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Group membership is not in the profile.")},
        {QStringLiteral("xauth"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "XAuth is not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("xauth_identity"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "XAuth is not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("eap_identity"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "EAP is not in the profile; tunnels authenticate with a pre-shared key.")},
        {QStringLiteral("dpdaction"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Dead peer detection is the generator's (every 30 s, restart).")},
        {QStringLiteral("dpddelay"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Dead peer detection is the generator's (every 30 s, restart).")},
        {QStringLiteral("dpdtimeout"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Dead peer detection is the generator's (every 30 s, restart).")},
        {QStringLiteral("closeaction"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Dead peer detection is the generator's (every 30 s, restart).")},
        {QStringLiteral("rekeymargin"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The profile has lifetimes only; strongSwan's default margin applies.")},
        {QStringLiteral("margintime"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The profile has lifetimes only; strongSwan's default margin applies.")},
        {QStringLiteral("rekeyfuzz"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The profile has lifetimes only; strongSwan's default jitter applies.")},
        {QStringLiteral("keyingtries"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Retries are not in the profile; the generator leaves strongSwan's default.")},
        {QStringLiteral("rekey"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The profile's tunnels always rekey.")},
        {QStringLiteral("reauth"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The profile's IKEv2 lifetime is a rekey time; reauthentication is not kept.")},
        {QStringLiteral("mobike"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "MOBIKE is not in the profile; the generator leaves strongSwan's default (on).")},
        {QStringLiteral("forceencaps"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Forced UDP encapsulation is not in the profile; NAT traversal is strongSwan's own.")},
        {QStringLiteral("fragmentation"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "IKE fragmentation is not in the profile; the generator leaves strongSwan's default.")},
        {QStringLiteral("compress"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "IPComp is not in the profile.")},
        {QStringLiteral("ah"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "AH is not in the profile; tunnels use ESP.")},
        {QStringLiteral("type"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Only tunnel mode is in the profile.")},
        {QStringLiteral("aggressive"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The generator uses IKEv1 aggressive mode only with a peer whose address changes.")},
        {QStringLiteral("installpolicy"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "The generator always installs the policies.")},
        {QStringLiteral("mark"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Marks are not in the profile.")},
        {QStringLiteral("reqid"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Fixed reqids are not in the profile.")},
        {QStringLiteral("modeconfig"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "Virtual IPs are not in the profile (road warriors are not).")},
        {QStringLiteral("ikedscp"), QT_TRANSLATE_NOOP("ipsecwiz::Import", "DSCP handling is not in the profile.")},
    };
    const auto it = reasons.constFind(key);
    if (it != reasons.cend())
        return QCoreApplication::translate("ipsecwiz::Import", *it);
    return tr("The profile has no setting for “%1”.").arg(shown(key));
}

// An address or a host name: what left= and right= may hold besides the %-keywords.
bool addressOrName(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9.:-]+$"));
    return re.match(text).hasMatch();
}

// Only what a connection would load counts: auto=add, route or start (strongSwan's default,
// ignore, loads nothing: such a section is only there for also=).
bool loads(const QHash<QString, const SettingsNode*>& settings)
{
    const SettingsNode* a = settings.value(QStringLiteral("auto"));
    return a && (a->value == QLatin1String("add") || a->value == QLatin1String("route") || a->value == QLatin1String("start"));
}

class ConnMapper
{
public:
    ConnMapper(const QList<Section>& sections, LineLedger& ledger, const ImportOptions& options)
        : m_sections(sections), m_ledger(ledger), m_options(options)
    {
    }

    QList<Connection> connections;

    void run()
    {
        for (const Section& s : m_sections) {
            if (s.kind == QLatin1String("config"))
                m_ledger.note(s.node, tr("config setup holds charon's global settings, which are not in the profile."));
            else if (s.kind == QLatin1String("ca"))
                m_ledger.note(s.node, tr("Certificate authorities are not in the profile; tunnels authenticate with a pre-shared key."));
            else if (s.kind == QLatin1String("duplicate"))
                m_ledger.note(s.node, tr("A second section of this name; strongSwan refuses it, and so does the import."));
        }
        for (const Section& s : m_sections) {
            if (s.kind != QLatin1String("conn") || s.node.name == QLatin1String("%default"))
                continue;
            QHash<QString, const SettingsNode*> settings;
            if (const Section* d = conn(QStringLiteral("%default")))
                for (const SettingsNode& k : d->node.children)
                    settings.insert(k.name, &k);
            QStringList stack;
            QList<const SettingsNode*> alsoLines;
            resolve(s, settings, stack, alsoLines);
            if (!loads(settings))
                continue;
            m_ledger.use(s.node);
            for (const SettingsNode* a : std::as_const(alsoLines))
                m_ledger.use(*a);
            const qsizetype before = connections.size();
            map(s.node.name, settings);
            // Its own section, "conn NAME" and the settings under it; a %default or a section it
            // takes with also= may serve others too, and stays.
            if (connections.size() > before) {
                // Every line up to the next section: an indented line left alone after its
                // header is commented out would belong to the section before.
                QList<ImportOrigin>& own = connections.last().origins;
                for (int l = s.node.where.line; l <= std::max(s.node.where.line, s.node.lastLine); ++l)
                    own.append(ImportOrigin{s.node.where.file, l});
            }
        }
        // What no loaded connection took: a section only there for also=, a %default setting every
        // connection overrides, a connection strongSwan does not load.
        for (const Section& s : m_sections) {
            if (s.kind != QLatin1String("conn"))
                continue;
            const bool isDefault = s.node.name == QLatin1String("%default");
            if (!m_ledger.accounted(s.node.where.file, s.node.where.line)) {
                if (isDefault)
                    m_ledger.use(s.node);
                else
                    m_ledger.noteLine(s.node.where.file, s.node.where.line,
                                      tr("strongSwan does not load this connection (auto=ignore, or no auto=), and no loaded one takes it with also=."));
            }
            for (const SettingsNode& k : s.node.children)
                if (!m_ledger.accounted(k.where.file, k.where.line))
                    m_ledger.note(k, tr("No connection that strongSwan loads takes this setting (another value overrides it, or its section is not loaded)."));
        }
    }

private:
    const Section* conn(const QString& name) const
    {
        for (const Section& s : m_sections)
            if (s.kind == QLatin1String("conn") && s.node.name == name)
                return &s;
        return nullptr;
    }

    // The settings of S with what its also= sections give (its own win over theirs; a later also=
    // over an earlier one), over the %default ones already in SETTINGS.
    void resolve(const Section& s, QHash<QString, const SettingsNode*>& settings, QStringList& stack, QList<const SettingsNode*>& alsoLines)
    {
        stack << s.node.name;
        for (const SettingsNode& k : s.node.children) {
            if (k.name != QLatin1String("also"))
                continue;
            const Section* other = conn(k.value);
            if (!other || k.value == QLatin1String("%default")) {
                m_ledger.note(k, tr("There is no connection “%1” to take settings from.").arg(shown(k.value)));
                continue;
            }
            if (stack.contains(k.value) || stack.size() > 32) {
                m_ledger.note(k, tr("also=%1 is a loop (that section is being read already); it is not read again.").arg(shown(k.value)));
                continue;
            }
            alsoLines << &k;
            resolve(*other, settings, stack, alsoLines);
        }
        for (const SettingsNode& k : s.node.children)
            if (k.name != QLatin1String("also"))
                settings.insert(k.name, &k);
        stack.removeLast();
    }

    // Which side is this gateway: the one whose address is the SSH host we read the files from;
    // else the one at %defaultroute; else left (strongSwan's own reading when it cannot tell).
    bool leftIsLocal(const QHash<QString, const SettingsNode*>& settings) const
    {
        const QString left = settings.value(QStringLiteral("left")) ? settings.value(QStringLiteral("left"))->value : QString();
        const QString right = settings.value(QStringLiteral("right")) ? settings.value(QStringLiteral("right"))->value : QString();
        QString host = m_options.sshHost.section(QLatin1Char('@'), -1);
        if (host.startsWith(QLatin1Char('[')))
            host = host.mid(1).section(QLatin1Char(']'), 0, 0);
        else if (host.count(QLatin1Char(':')) == 1)
            host = host.section(QLatin1Char(':'), 0, 0);
        if (!host.isEmpty() && left == host)
            return true;
        if (!host.isEmpty() && right == host)
            return false;
        if (right == QLatin1String("%defaultroute") && left != QLatin1String("%defaultroute"))
            return false;
        return true;
    }

    void map(const QString& name, const QHash<QString, const SettingsNode*>& settings)
    {
        Connection c;
        c.name = name;
        const bool leftLocal = leftIsLocal(settings);
        const QString L = leftLocal ? QStringLiteral("left") : QStringLiteral("right");
        const QString R = leftLocal ? QStringLiteral("right") : QStringLiteral("left");
        // The version first: the lifetimes' and aggressive mode's reading depend on it.
        if (const SettingsNode* k = settings.value(QStringLiteral("keyexchange"))) {
            if (k->value == QLatin1String("ikev1") || k->value == QLatin1String("ikev2")) {
                c.version = k->value.right(1).toInt();
                m_ledger.use(*k);
            } else {
                m_ledger.note(*k, tr("The profile takes one IKE version; IKEv2 is kept."));
            }
        }
        c.ike.version = c.version;
        // Addresses before the subnets: a missing subnet is the address alone.
        for (const QString& side : {L, R}) {
            const bool local = side == L;
            const SettingsNode* k = settings.value(side);
            if (!k)
                continue;
            const QString v = k->value;
            QString& addr = local ? c.localAddr : c.remoteAddr;
            if (v == QLatin1String("%any") || v == QLatin1String("%any4") || v == QLatin1String("%any6")) {
                if (local)
                    c.localDynamic = true;
                m_ledger.use(*k);
            } else if (v == QLatin1String("%defaultroute")) {
                m_ledger.note(*k, tr("The address of the interface with the default route is not known here; give the site its address."));
            } else if (!addressOrName(v)) {
                m_ledger.note(*k, tr("Not one address the profile can hold."));
            } else {
                addr = v;
                m_ledger.use(*k);
            }
            if (local)
                c.localAddrNode = k;
        }
        for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
            const QString& key = it.key();
            const SettingsNode& k = *it.value();
            if (key == QLatin1String("also") || key == L || key == R || key == QLatin1String("keyexchange"))
                continue;
            const bool ours = key.startsWith(L);
            const bool theirs = key.startsWith(R);
            const QString rest = ours ? key.mid(L.size()) : theirs ? key.mid(R.size()) : QString();
            if (rest == QLatin1String("subnet")) {
                subnets(k, ours ? c.localTs : c.remoteTs);
            } else if (rest == QLatin1String("id")) {
                if (!StrongSwan::identity(k.value, QString())) {
                    m_ledger.note(k, tr("An identity the profile cannot express (a distinguished name, %any or a wildcard); the address is used."));
                    continue;
                }
                (ours ? c.localId : c.remoteId) = k.value;
                if (ours)
                    c.localIdNode = &k;
                m_ledger.use(k);
            } else if (rest == QLatin1String("auth")) {
                if (k.value == QLatin1String("psk") || k.value == QLatin1String("secret")) {
                    m_ledger.use(k);
                } else {
                    c.psk = false;
                    m_ledger.note(k, tr("Authentication by “%1” is not in the profile; tunnels authenticate with a pre-shared key.").arg(shown(k.value)));
                }
            } else if (ours || theirs) {
                m_ledger.note(k, reasonFor(rest));
            } else if (key == QLatin1String("authby")) {
                if (k.value == QLatin1String("secret") || k.value == QLatin1String("psk")) {
                    m_ledger.use(k);
                } else {
                    c.psk = false;
                    m_ledger.note(k, tr("Authentication by “%1” is not in the profile; tunnels authenticate with a pre-shared key.").arg(shown(k.value)));
                }
            } else if (key == QLatin1String("ike") || key == QLatin1String("esp")) {
                proposal(k, c, key == QLatin1String("ike"));
            } else if (key == QLatin1String("ikelifetime") || key == QLatin1String("lifetime") || key == QLatin1String("keylife")) {
                const auto seconds = StrongSwan::parseDuration(k.value);
                if (!seconds || *seconds <= 0) {
                    m_ledger.note(k, tr("Not a duration the profile can hold."));
                    continue;
                }
                (key == QLatin1String("ikelifetime") ? c.ike.lifetime : c.esp.lifetime) = *seconds;
                m_ledger.use(k);
            } else if (key == QLatin1String("auto")) {
                m_ledger.use(k); // the generator decides how a tunnel starts
            } else if ((key == QLatin1String("type") && k.value == QLatin1String("tunnel"))
                       || (key == QLatin1String("aggressive") && (k.value == QLatin1String("no") || (k.value == QLatin1String("yes") && c.version == 1)))) {
                m_ledger.use(k); // what the generator writes
            } else {
                m_ledger.note(k, reasonFor(key));
            }
        }
        if (c.localTs.isEmpty() && !c.localAddr.isEmpty())
            if (const auto n = StrongSwan::network(c.localAddr))
                c.localTs << *n;
        if (c.remoteTs.isEmpty() && !c.remoteAddr.isEmpty())
            if (const auto n = StrongSwan::network(c.remoteAddr))
                c.remoteTs << *n;
        connections << c;
    }

    void proposal(const SettingsNode& k, Connection& c, bool ike)
    {
        const QString first = k.value.section(QLatin1Char(','), 0, 0);
        QString why;
        if (ike) {
            const auto p = StrongSwan::ikeProposal(first);
            if (p) {
                const int lifetime = c.ike.lifetime;
                c.ike = p.value();
                c.ike.version = c.version;
                c.ike.lifetime = lifetime;
            } else {
                why = p.error().message;
            }
        } else {
            const auto p = StrongSwan::espProposal(first);
            if (p) {
                const int lifetime = c.esp.lifetime;
                c.esp = p.value();
                c.esp.lifetime = lifetime;
            } else {
                why = p.error().message;
            }
        }
        if (!why.isEmpty())
            m_ledger.note(k, tr("The proposal is not one the profile can express: %1 The profile's default is kept.").arg(why));
        else if (k.value.contains(QLatin1Char(',')))
            m_ledger.note(k, tr("Several proposals; the profile keeps the first, %1.").arg(shown(first.trimmed())));
        else
            m_ledger.use(k);
    }

    void subnets(const SettingsNode& k, QStringList& into)
    {
        QStringList refused;
        for (const QString& part : k.value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto net = StrongSwan::network(part.trimmed());
            if (!net)
                refused << part.trimmed();
            else if (!into.contains(*net))
                into << *net;
        }
        if (refused.isEmpty())
            m_ledger.use(k);
        else
            m_ledger.note(k, tr("Not a network the profile can hold (ranges, protocols, ports): %1.").arg(shown(refused.join(QStringLiteral(", ")))));
    }

    const QList<Section>& m_sections;
    LineLedger& m_ledger;
    const ImportOptions& m_options;
};

// ipsec.secrets(5): "[IDS] : PSK KEY" (and RSA, EAP, XAUTH … keys the profile has no room for), a
// key quoted or 0x/0s-encoded; "include PATTERN".
class SecretsReader
{
public:
    SecretsReader(const ImportSource& source, LineLedger& ledger) : m_source(source), m_ledger(ledger) {}

    struct Entry
    {
        StrongSwan::Secret secret;
        SettingsNode node; // for the ledger: name "PSK", rawValue the key as written
    };
    QList<Entry> entries;

    void readFile(const QString& file, QStringList& stack)
    {
        auto data = m_source.read(file);
        if (!data)
            return; // no ipsec.secrets: the tunnels have no key (a finding says so)
        ++m_filesRead;
        m_ledger.addFile(file, data.value());
        stack << file;
        static const QRegularExpression entry(QStringLiteral("^(.*?)(?:^|\\s):\\s*([A-Za-z0-9]+)(?:\\s+(.*))?$"));
        const QList<QByteArray> lines = data.value().split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const int lineNo = int(i) + 1;
            const QString text = QString::fromUtf8(lines.at(i)).trimmed();
            if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
                continue;
            if (text.startsWith(QLatin1String("include "))) {
                bool any = false;
                for (const QString& f : StrongSwan::includedFiles(m_source, file, lineNo, text.mid(8), stack, m_filesRead, m_ledger)) {
                    if (!m_source.read(f)) {
                        m_ledger.noteLine(file, lineNo, tr("The include is not read: %1").arg(m_source.read(f).error().toString()));
                        continue;
                    }
                    readFile(f, stack);
                    any = true;
                }
                if (any)
                    m_ledger.useLine(file, lineNo);
                continue;
            }
            SettingsNode node;
            node.where = {file, lineNo};
            node.lastLine = lineNo;
            node.name = QStringLiteral("secret"); // masked in any note
            const auto m = entry.match(text);
            if (!m.hasMatch()) {
                m_ledger.noteLine(file, lineNo, tr("Not a line of ipsec.secrets (IDS : TYPE KEY)."));
                continue;
            }
            node.rawValue = m.captured(3).trimmed();
            QString key = node.rawValue;
            const bool quoted = key.size() >= 2 && ((key.startsWith(QLatin1Char('"')) && key.endsWith(QLatin1Char('"'))) || (key.startsWith(QLatin1Char('\'')) && key.endsWith(QLatin1Char('\''))));
            if (quoted)
                key = key.mid(1, key.size() - 2);
            if (m.captured(2).toUpper() != QLatin1String("PSK")) {
                m_ledger.note(node, tr("Only pre-shared keys (PSK) are in the profile."));
                continue;
            }
            if (key.isEmpty() || (!quoted && key.contains(QLatin1Char(' ')))) {
                m_ledger.note(node, tr("A pre-shared key the import cannot read (empty, or blanks outside quotes)."));
                continue;
            }
            Entry e;
            e.secret.ids = m.captured(1).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (QString& id : e.secret.ids)
                if (id.size() >= 2 && id.startsWith(QLatin1Char('"')) && id.endsWith(QLatin1Char('"')))
                    id = id.mid(1, id.size() - 2);
            e.secret.key = key.toUtf8();
            e.node = node;
            entries << e;
        }
        stack.removeLast();
    }

private:
    const ImportSource& m_source;
    LineLedger& m_ledger;
    int m_filesRead = 0;
};

} // namespace

Result<ImportResult> Import::detail::ipsecConf(const ImportSource& source, const ImportOptions& options, QSet<QString>* usedLines)
{
    const auto main = findMainFile(ImportFormat::IpsecConf, source);
    if (!main)
        return main.error();
    LineLedger ledger;
    ConfReader conf(source, ledger);
    QStringList stack;
    if (const Status st = conf.readFile(main.value(), stack); !st)
        return st.error();
    ConnMapper mapper(conf.sections, ledger, options);
    mapper.run();

    // ipsec.secrets lives next to ipsec.conf.
    const qsizetype slash = main.value().lastIndexOf(QLatin1Char('/'));
    const QString secretsFile = main.value().left(slash + 1) + QStringLiteral("ipsec.secrets");
    SecretsReader secrets(source, ledger);
    QStringList secretsStack;
    secrets.readFile(secretsFile, secretsStack);
    QList<StrongSwan::Secret> keys;
    for (const auto& e : std::as_const(secrets.entries))
        keys << e.secret;
    StrongSwan::assignSecrets(mapper.connections, keys);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (keys.at(i).used)
            ledger.use(secrets.entries.at(i).node);
        else
            ledger.note(secrets.entries.at(i).node, tr("This key matches no connection's identities."));
    }

    ImportResult result;
    result.network = StrongSwan::network(mapper.connections, options, ledger);
    if (!source.read(secretsFile).ok())
        result.findings << Finding{Severity::Warning, secretsFile, tr("There is no ipsec.secrets next to ipsec.conf; the tunnels have no key."), {}};
    for (const Connection& c : std::as_const(mapper.connections))
        if (c.psk && !c.key)
            result.findings << Finding{Severity::Warning, Network::tunnelPath(c.name, QStringLiteral("psk")),
                                       tr("No key in ipsec.secrets matches connection “%1”.").arg(shown(c.name)), {}};
    QList<QList<ImportOrigin>> secretLines;
    for (const auto& e : std::as_const(secrets.entries))
        secretLines << QList<ImportOrigin>{ImportOrigin{e.node.where.file, e.node.where.line}};
    StrongSwan::collectOrigins(mapper.connections, secretLines, result);
    result.unused = ledger.notes();
    if (usedLines)
        *usedLines = ledger.usedLines();
    return result;
}

Result<ImportResult> Import::ipsecConf(const ImportSource& source, const ImportOptions& options)
{
    return detail::ipsecConf(source, options, nullptr);
}

} // namespace ipsecwiz
