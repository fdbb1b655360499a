#include "XfrmParser.h"

#include "SnapshotParser.h"

// The layout follows iproute2's ip/ipxfrm.c and xfrm_state.c / xfrm_policy.c: an entry starts
// with "src … dst …", its lines are indented by a tab, sub-lines of a section by two more spaces
// (or a second tab under "tmpl"). Nothing closes an entry, so completeness is judged by what a
// section promises: "lifetime config:" four lines, "lifetime current:" two, "stats:" one, and
// with -s (numbers printed as "0x…(…)") a state is complete only after its stats.

namespace ipsecwiz::XfrmParser {

using namespace parsing;

namespace {

    enum class Entry { None, Pending, State, Policy };
    enum class Section { None, LifetimeConfig, LifetimeCurrent, Stats, Template, ReplayEsn };

    SaProtocol protocolFrom(QByteArrayView p)
    {
        if (p == "esp")
            return SaProtocol::Esp;
        if (p == "ah")
            return SaProtocol::Ah;
        if (p == "comp")
            return SaProtocol::IpComp;
        if (p == "route2")
            return SaProtocol::Route2;
        if (p == "hao")
            return SaProtocol::Hao;
        return SaProtocol::Unknown;
    }

    // "(INF)(bytes)" → nullopt, "2883(sec)" → 2883
    std::optional<quint64> limitValue(QByteArrayView v)
    {
        if (startsWith(v, "(INF)"))
            return std::nullopt;
        return parseLeadingDec(v);
    }

    // "soft X, hard Y" → values after "soft" and "hard"
    void softHard(QByteArrayView t, std::optional<quint64>& soft, std::optional<quint64>& hard)
    {
        soft = limitValue(valueAfter(t, "soft"));
        hard = limitValue(valueAfter(t, "hard"));
    }

    // "0xabc… (160 bits) 96" → key, bits, ICV
    void readKey(QByteArrayView rest, SecretKey& key)
    {
        key = SecretKey();
        QByteArrayView hex = nextToken(rest);
        if (startsWith(hex, "0x") || startsWith(hex, "0X"))
            hex = hex.sliced(2);
        key.hex.reserve(hex.size());
        for (char c : hex)
            key.hex += (c >= 'A' && c <= 'F') ? char(c - 'A' + 'a') : c;
        QByteArrayView next = nextToken(rest);
        if (startsWith(next, "(")) {
            if (const auto bits = parseLeadingDec(next.sliced(1)))
                key.bits = int(qMin<quint64>(*bits, 1 << 20));
            (void)nextToken(rest); // "bits)"
            next = nextToken(rest);
        }
        if (const auto icv = parseDec(next))
            key.icvBits = int(qMin<quint64>(*icv, 1 << 20));
    }

    class Parser
    {
    public:
        Snapshot run(QByteArrayView text)
        {
            LineReader reader(text);
            Line line;
            while (reader.next(line))
                feed(line);
            // Nothing closes an entry, so a half line at the end may belong to the open one.
            if (reader.endedMidLine() && m_entry != Entry::None)
                m_cutMidLine = true;
            finish(/*atEnd=*/true);
            noteEndedMidLine(m_snap, reader);
            if (!m_snap.sas.isEmpty() || (m_snap.policies.isEmpty() && m_sawState))
                m_snap.format = SnapshotFormat::XfrmState;
            else if (!m_snap.policies.isEmpty() || m_sawPolicy)
                m_snap.format = SnapshotFormat::XfrmPolicy;
            return std::move(m_snap);
        }

    private:
        void feed(const Line& line)
        {
            const QByteArrayView t = trimmed(line.text);
            if (t.isEmpty())
                return;
            if (startsWith(t, "src ") && t.indexOf(" dst ") > 0) {
                begin(t, line);
                return;
            }
            if (m_entry == Entry::None) {
                reportUnknown(m_snap, line);
                return;
            }
            if (m_entry == Entry::Pending)
                decideKind(t);
            bool known = false;
            if (m_entry == Entry::State)
                known = stateLine(t);
            else if (m_entry == Entry::Policy)
                known = policyLine(t);
            if (known) {
                (m_entry == Entry::State ? m_sa.lastLine : m_sp.lastLine) = line.number;
            } else {
                reportUnknown(m_snap, line);
            }
        }

        void begin(QByteArrayView t, const Line& line)
        {
            finish(false);
            m_entry = Entry::Pending;
            m_header = t;
            m_headerLine = line.number;
        }

        void decideKind(QByteArrayView t)
        {
            if (startsWith(t, "dir ") || startsWith(t, "socket ")) {
                m_entry = Entry::Policy;
                m_sawPolicy = true;
                m_sp = SecurityPolicy();
                m_sa = SecurityAssociation();
                m_sp.firstLine = m_sp.lastLine = m_headerLine;
                policyHeader(m_header);
            } else {
                m_entry = Entry::State;
                m_sawState = true;
                m_sa = SecurityAssociation();
                m_sa.firstLine = m_sa.lastLine = m_headerLine;
                m_sa.src = str(valueAfter(m_header, "src "));
                m_sa.dst = str(valueAfter(m_header, "dst "));
            }
            m_section = Section::None;
            m_pendingSubLines = 0;
            m_statsMode = false;
            m_sawStats = false;
            m_sawCore = false;
        }

        // "src 10.1.0.0/24 dst 10.2.0.0/24 proto tcp sport 80 dport 0 dev eth0 uid 0"
        void policyHeader(QByteArrayView t)
        {
            m_sp.src = str(valueAfter(t, "src "));
            m_sp.dst = str(valueAfter(t, "dst "));
            const QByteArrayView proto = valueAfter(t, "proto ");
            m_sp.upperProto = proto.isEmpty() ? QStringLiteral("any") : str(proto);
            if (const auto p = parseDec(valueAfter(t, "sport ")); p && *p > 0 && *p <= 65535)
                m_sp.srcPort = quint16(*p);
            if (const auto p = parseDec(valueAfter(t, "dport ")); p && *p > 0 && *p <= 65535)
                m_sp.dstPort = quint16(*p);
            const QByteArrayView type = valueAfter(t, "type ");
            const QByteArrayView code = valueAfter(t, "code ");
            if (!type.isEmpty())
                m_sp.upperProtoDetail = str(type) + QLatin1Char(',') + str(code);
            if (const QByteArrayView dev = valueAfter(t, "dev "); !dev.isEmpty())
                m_sp.ifname = str(dev);
        }

        // A line under a section header; false when it is not one.
        bool subLine(QByteArrayView t)
        {
            if (startsWith(t, "limit:")) {
                auto& lt = m_sa.lifetimes;
                if (t.indexOf("(packets)") >= 0)
                    softHard(t.sliced(6), lt.softPackets, lt.hardPackets);
                else
                    softHard(t.sliced(6), lt.softBytes, lt.hardBytes);
                return consumeSubLine(Section::LifetimeConfig);
            }
            if (startsWith(t, "expire add:") || startsWith(t, "expire use:")) {
                std::optional<quint64> soft, hard;
                softHard(t.sliced(11), soft, hard);
                if (t[7] == 'a') {
                    m_sa.lifetimes.softAddSeconds = soft;
                    m_sa.lifetimes.hardAddSeconds = hard;
                    if (m_entry == Entry::Policy)
                        m_sp.lifetimeSeconds = hard;
                } else {
                    m_sa.lifetimes.softUseSeconds = soft;
                    m_sa.lifetimes.hardUseSeconds = hard;
                    if (m_entry == Entry::Policy)
                        m_sp.validtimeSeconds = hard;
                }
                return consumeSubLine(Section::LifetimeConfig);
            }
            if (m_section == Section::LifetimeCurrent && t.indexOf("(bytes),") > 0) {
                m_sa.bytes = parseLeadingDec(t);
                m_sa.packets = parseLeadingDec(trimmed(t.sliced(t.indexOf(',') + 1)));
                return consumeSubLine(Section::LifetimeCurrent);
            }
            if (m_section == Section::LifetimeCurrent && startsWith(t, "add ")) {
                const qsizetype use = t.indexOf(" use ");
                // "add use …" (no add time, fuzzer-found): " use " starts inside "add ".
                const QByteArrayView added = trimmed(use < 0 ? t.sliced(4) : use < 4 ? QByteArrayView() : t.sliced(4, use - 4));
                QByteArrayView used = use < 0 ? QByteArrayView() : trimmed(t.sliced(use + 5));
                if (used == "-")
                    used = {};
                m_sa.lifetimes.created = str(added);
                m_sa.lifetimes.lastUsed = str(used);
                if (m_entry == Entry::Policy) {
                    m_sp.created = m_sa.lifetimes.created;
                    m_sp.lastUsed = m_sa.lifetimes.lastUsed;
                }
                return consumeSubLine(Section::LifetimeCurrent);
            }
            if (m_section == Section::Stats && startsWith(t, "replay-window ") && t.indexOf(" failed ") > 0) {
                m_sawStats = true;
                return consumeSubLine(Section::Stats);
            }
            if (m_section == Section::ReplayEsn && (startsWith(t, "seq-hi") || startsWith(t, "replay_window") || isHexLine(t)))
                return true;
            return false;
        }

        bool consumeSubLine(Section expected)
        {
            if (m_section == expected && m_pendingSubLines > 0)
                --m_pendingSubLines;
            return true;
        }

        void openSection(Section s, int lines)
        {
            m_section = s;
            m_pendingSubLines = lines;
        }

        bool stateLine(QByteArrayView t)
        {
            if (subLine(t))
                return true;
            QByteArrayView rest = t;
            const QByteArrayView word = nextToken(rest);
            if (word == "proto") {
                const QByteArrayView p = valueAfter(t, "proto ");
                m_sa.protoText = str(p);
                if (m_sa.proto != SaProtocol::EspUdp)
                    m_sa.proto = protocolFrom(p);
                const QByteArrayView spi = valueAfter(t, "spi ");
                if (const auto v = parseDualNumber(spi); v && *v <= 0xffffffffu) {
                    m_sa.spi = quint32(*v);
                    m_sa.hasSpi = true;
                }
                m_statsMode = spi.indexOf('(') > 0;
                if (const auto v = parseDualNumber(valueAfter(t, "reqid ")); v && *v <= 0xffffffffu)
                    m_sa.reqid = quint32(*v);
                m_sa.mode = str(valueAfter(t, "mode "));
                m_sawCore = true;
                return true;
            }
            if (word == "replay-window") {
                if (const auto v = parseDec(nextToken(rest)); v && *v <= 0xffffffffu)
                    m_sa.replay = quint32(*v);
                if (const QByteArrayView seq = valueAfter(t, "seq "); !seq.isEmpty())
                    m_sa.seq = parseHex(seq);
                const qsizetype flag = t.indexOf(" flag ");
                if (flag > 0) {
                    QByteArrayView f = trimmed(t.sliced(flag + 6));
                    const qsizetype paren = f.indexOf('(');
                    if (paren >= 0) {
                        if (const auto v = parseHex(f.sliced(paren + 1, qMax<qsizetype>(0, f.size() - paren - 2))); v && *v <= 0xffffffffu)
                            m_sa.flags = quint32(*v);
                        f = trimmed(f.first(paren));
                    }
                    m_sa.flagsText = str(f);
                }
                return true;
            }
            if (word == "auth" || word == "auth-trunc") {
                m_sa.authAlg = str(nextToken(rest));
                readKey(rest, m_sa.authKey);
                return true;
            }
            if (word == "enc" || word == "aead") {
                m_sa.encAlg = str(nextToken(rest));
                readKey(rest, m_sa.encKey);
                return true;
            }
            if (word == "comp") {
                m_sa.compAlg = str(nextToken(rest));
                return true;
            }
            if (word == "encap") {
                m_sa.encapType = str(valueAfter(t, "type "));
                if (const auto p = parseDec(valueAfter(t, "sport ")); p && *p <= 65535)
                    m_sa.srcPort = quint16(*p);
                if (const auto p = parseDec(valueAfter(t, "dport ")); p && *p <= 65535)
                    m_sa.dstPort = quint16(*p);
                if (m_sa.encapType.startsWith(QLatin1String("espinudp")))
                    m_sa.proto = SaProtocol::EspUdp;
                return true;
            }
            if (word == "anti-replay") {
                if (t.indexOf("esn") > 0)
                    openSection(Section::ReplayEsn, 0);
                return true;
            }
            if (t == "lifetime config:") {
                openSection(Section::LifetimeConfig, 4);
                return true;
            }
            if (t == "lifetime current:") {
                openSection(Section::LifetimeCurrent, 2);
                return true;
            }
            if (t == "stats:") {
                openSection(Section::Stats, 1);
                return true;
            }
            // Lines the monitor does not show but that belong to a state.
            static constexpr const char* Known[]
                = { "sel", "mark", "output-mark", "if_id", "dir", "offload", "coa", "security", "extra_flag", "extra-flag", "tfcpad",
                      "lastused", "ctx", "replay-seq", "replay-oseq", "pcpu-num", "nat-keepalive-interval", "mtimer-thresh" };
            for (const char* k : Known) {
                if (word == QByteArrayView(k))
                    return true;
            }
            return false;
        }

        bool policyLine(QByteArrayView t)
        {
            if (m_section == Section::Template) {
                if (startsWith(t, "proto ")) {
                    PolicyTemplate& tmpl = m_sp.templates.back();
                    tmpl.proto = str(valueAfter(t, "proto "));
                    tmpl.mode = str(valueAfter(t, "mode "));
                    if (const auto v = parseDualNumber(valueAfter(t, "reqid ")); v && *v <= 0xffffffffu)
                        tmpl.reqid = quint32(*v);
                    if (const auto v = parseDualNumber(valueAfter(t, "spi ")); v && *v <= 0xffffffffu && *v)
                        tmpl.spi = quint32(*v);
                    if (tmpl.level.isEmpty())
                        tmpl.level = QStringLiteral("required");
                    return consumeSubLine(Section::Template);
                }
                if (startsWith(t, "level ")) {
                    m_sp.templates.back().level = str(valueAfter(t, "level "));
                    return consumeSubLine(Section::Template);
                }
                if (startsWith(t, "enc-mask") || startsWith(t, "auth-mask"))
                    return consumeSubLine(Section::Template);
            }
            if (subLine(t))
                return true;
            QByteArrayView rest = t;
            const QByteArrayView word = nextToken(rest);
            if (word == "dir" || word == "socket") {
                const QByteArrayView d = nextToken(rest);
                m_sp.perSocket = word == "socket";
                m_sp.dirText = m_sp.perSocket ? str(d) + QStringLiteral("(socket)") : str(d);
                if (d == "in")
                    m_sp.dir = m_sp.perSocket ? PolicyDirection::InSocket : PolicyDirection::In;
                else if (d == "out")
                    m_sp.dir = m_sp.perSocket ? PolicyDirection::OutSocket : PolicyDirection::Out;
                else if (d == "fwd")
                    m_sp.dir = PolicyDirection::Fwd;
                const QByteArrayView action = valueAfter(t, "action ");
                m_sp.actionText = action.isEmpty() ? QStringLiteral("allow") : str(action);
                m_sp.action = (action == "block") ? PolicyAction::Block : PolicyAction::Allow;
                m_sp.priority = str(valueAfter(t, "priority "));
                m_sp.ptype = str(valueAfter(t, "ptype "));
                if (const QByteArrayView index = valueAfter(t, "index "); !index.isEmpty()) {
                    m_sp.spid = parseDec(index);
                    m_statsMode = true;
                }
                m_sawCore = true;
                return true;
            }
            if (word == "tmpl") {
                PolicyTemplate tmpl;
                tmpl.src = str(valueAfter(t, "src "));
                tmpl.dst = str(valueAfter(t, "dst "));
                // Transport mode templates print 0.0.0.0 / :: for "no endpoint".
                if (tmpl.src == QLatin1String("0.0.0.0") || tmpl.src == QLatin1String("::"))
                    tmpl.src.clear();
                if (tmpl.dst == QLatin1String("0.0.0.0") || tmpl.dst == QLatin1String("::"))
                    tmpl.dst.clear();
                m_sp.templates += tmpl;
                openSection(Section::Template, m_statsMode ? 3 : 1);
                return true;
            }
            if (t == "lifetime config:") {
                openSection(Section::LifetimeConfig, 4);
                return true;
            }
            if (t == "lifetime current:") {
                openSection(Section::LifetimeCurrent, 2);
                return true;
            }
            static constexpr const char* Known[] = { "mark", "if_id", "security", "offload", "flag", "share" };
            for (const char* k : Known) {
                if (word == QByteArrayView(k))
                    return true;
            }
            return false;
        }

        [[nodiscard]] bool complete() const
        {
            if (!m_sawCore || m_pendingSubLines > 0 || m_cutMidLine)
                return false;
            if (m_entry == Entry::State && m_statsMode)
                return m_sawStats;
            return true;
        }

        void finish(bool atEnd)
        {
            if (m_entry == Entry::Pending) {
                if (atEnd) {
                    m_snap.truncated = true;
                    warn(m_snap,
                        QStringLiteral("The output ends right after the entry header at line %1: the poll "
                                       "was cut off.")
                            .arg(m_headerLine));
                } else {
                    warn(m_snap, QStringLiteral("The entry at line %1 has a header and nothing else; it was left out.").arg(m_headerLine));
                }
            } else if (m_entry == Entry::State || m_entry == Entry::Policy) {
                const bool state = m_entry == Entry::State;
                const QString what = state ? QStringLiteral("state") : QStringLiteral("policy");
                if (complete()) {
                    keep();
                } else if (atEnd) {
                    m_snap.truncated = true;
                    warn(m_snap,
                        QStringLiteral("The output ends inside the %1 that starts at line %2: the poll was "
                                       "cut off, so that %1 was left out.")
                            .arg(what)
                            .arg(m_headerLine));
                } else if (!m_sawCore) {
                    warn(m_snap,
                        QStringLiteral("The %1 that starts at line %2 lacks its %3 line; it was left out.")
                            .arg(what)
                            .arg(m_headerLine)
                            .arg(state ? QStringLiteral("\"proto\"") : QStringLiteral("\"dir\"")));
                } else {
                    warn(m_snap,
                        QStringLiteral("The %1 that starts at line %2 is incomplete; it is shown as far as "
                                       "it goes.")
                            .arg(what)
                            .arg(m_headerLine));
                    keep();
                }
            }
            m_entry = Entry::None;
            m_section = Section::None;
            m_pendingSubLines = 0;
            m_cutMidLine = false;
        }

        void keep()
        {
            if (m_entry == Entry::State) {
                // The kernel lists an SA it is still negotiating (an ACQUIRE) with SPI 0 and no keys.
                const bool keyed = !m_sa.encAlg.isEmpty() || !m_sa.authAlg.isEmpty() || !m_sa.compAlg.isEmpty();
                m_sa.state = (!keyed && m_sa.spi == 0) ? SaState::Larval : SaState::Mature;
                m_snap.sas += std::move(m_sa);
            } else {
                m_snap.policies += std::move(m_sp);
            }
        }

        QString str(QByteArrayView s) { return m_strings.get(s); }

        StringCache m_strings;
        Snapshot m_snap;
        Entry m_entry = Entry::None;
        Section m_section = Section::None;
        SecurityAssociation m_sa; // for policies, only its lifetimes are used as scratch space
        SecurityPolicy m_sp;
        QByteArrayView m_header;
        int m_headerLine = 0;
        int m_pendingSubLines = 0;
        bool m_statsMode = false;
        bool m_sawStats = false;
        bool m_sawCore = false;
        bool m_cutMidLine = false;
        bool m_sawState = false;
        bool m_sawPolicy = false;
    };

} // namespace

Snapshot parse(QByteArrayView text)
{
    return Parser().run(text);
}

} // namespace ipsecwiz::XfrmParser
