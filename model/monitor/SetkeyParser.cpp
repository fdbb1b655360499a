#include "SetkeyParser.h"

#include "SnapshotParser.h"

// The layout follows ipsec-tools' libipsec/pfkey_dump.c (pfkey_sadump, pfkey_spdump) and
// ipsec_dump_policy.c, which the BSDs' setkey shares: an entry starts with its addresses at the
// left margin, the other lines are indented (a tab, or spaces once pasted through mail), and the
// last line of an SA is "sadb_seq=… pid=… refcnt=…", of a policy "refcnt=…".

namespace ipsecwiz::SetkeyParser {

using namespace parsing;

namespace {

    enum class Entry { None, Sa, Sp };

    SaProtocol protocolFrom(QByteArrayView p)
    {
        if (p == "esp")
            return SaProtocol::Esp;
        if (p == "ah")
            return SaProtocol::Ah;
        if (p == "ipcomp")
            return SaProtocol::IpComp;
        if (p == "esp-udp")
            return SaProtocol::EspUdp;
        if (p == "tcp")
            return SaProtocol::Tcp;
        return SaProtocol::Unknown;
    }

    SaState stateFrom(QByteArrayView s)
    {
        if (s == "mature")
            return SaState::Mature;
        if (s == "larval")
            return SaState::Larval;
        if (s == "dying")
            return SaState::Dying;
        if (s == "dead")
            return SaState::Dead;
        return s.isEmpty() ? SaState::Unknown : SaState::Other;
    }

    std::optional<PolicyDirection> directionFrom(QByteArrayView d)
    {
        if (d == "in")
            return PolicyDirection::In;
        if (d == "out")
            return PolicyDirection::Out;
        if (d == "fwd")
            return PolicyDirection::Fwd;
        if (d == "any")
            return PolicyDirection::Any;
        if (d == "in(socket)")
            return PolicyDirection::InSocket;
        if (d == "out(socket)")
            return PolicyDirection::OutSocket;
        return std::nullopt;
    }

    std::optional<PolicyAction> actionFrom(QByteArrayView a)
    {
        if (a == "ipsec")
            return PolicyAction::Ipsec;
        if (a == "none")
            return PolicyAction::None;
        if (a == "discard")
            return PolicyAction::Discard;
        if (a == "entrust")
            return PolicyAction::Entrust;
        if (a == "bypass")
            return PolicyAction::Bypass;
        return std::nullopt;
    }

    void appendHex(SecretKey& key, QByteArrayView groups)
    {
        const qsizetype old = key.hex.size();
        key.hex.resize(old + groups.size());
        char* out = key.hex.data() + old;
        for (char c : groups) {
            if (!isBlank(c))
                *out++ = (c >= 'A' && c <= 'F') ? char(c - 'A' + 'a') : c;
        }
        key.hex.truncate(out - key.hex.constData());
    }

    // The text between `key` and the next of `stops` (or the end), trimmed: for values with spaces
    // such as "created: Nov 18 23:01:24 2004  lastused: …".
    QByteArrayView between(QByteArrayView t, QByteArrayView key, QByteArrayView stop)
    {
        const qsizetype at = find(t, key);
        if (at < 0)
            return {};
        QByteArrayView rest = t.sliced(at + key.size());
        if (!stop.isEmpty()) {
            const qsizetype s = find(rest, stop);
            if (s >= 0)
                rest = rest.first(s);
        }
        return trimmed(rest);
    }

    std::optional<quint64> leading(QByteArrayView t, QByteArrayView key)
    {
        return parseLeadingDec(valueAfter(t, key));
    }

    class Parser
    {
    public:
        Snapshot run(QByteArrayView text)
        {
            // A real SA takes 400-700 bytes of text: reserving for one per 512 bytes avoids growing
            // the list a dozen times on a big dump and stays proportional to the input.
            if (text.size() > 64 * 1024)
                m_snap.sas.reserve(text.size() / 512);
            LineReader reader(text);
            Line line;
            while (reader.next(line))
                feed(line);
            // A final line without its line break may be cut anywhere, even inside the number of
            // the closing "refcnt=": do not trust it.
            if (reader.endedMidLine() && m_complete && m_completedAt == line.number)
                m_complete = false;
            finish(/*atEnd=*/true);
            noteEndedMidLine(m_snap, reader);
            if (m_sawSad || !m_snap.sas.isEmpty())
                m_snap.format = SnapshotFormat::SetkeySad;
            else if (m_sawSpd || !m_snap.policies.isEmpty())
                m_snap.format = SnapshotFormat::SetkeySpd;
            return std::move(m_snap);
        }

    private:
        void feed(const Line& line)
        {
            m_line = line.number;
            const QByteArrayView t = trimmed(line.text);
            if (t.isEmpty()) {
                m_lastKey = nullptr;
                return;
            }
            if (t == "No SAD entries." || t == "No SPD entries.") {
                finish(false);
                m_snap.emptyDatabase = true;
                (t == "No SAD entries." ? m_sawSad : m_sawSpd) = true;
                return;
            }
            if (startEntry(t, line))
                return;
            if (m_entry == Entry::Sa && m_lastKey && isHexLine(t)) {
                // A long key wraps onto a line of its own, indented by one space.
                appendHex(*m_lastKey, t);
                m_sa.lastLine = line.number;
                return;
            }
            m_lastKey = nullptr;
            bool known = false;
            if (m_entry == Entry::Sa)
                known = saLine(t);
            else if (m_entry == Entry::Sp)
                known = spLine(t);
            if (known) {
                (m_entry == Entry::Sa ? m_sa.lastLine : m_sp.lastLine) = line.number;
            } else {
                reportUnknown(m_snap, line);
            }
        }

        // An entry begins with "SRC DST" (SA) or "SRC DST PROTO" (policy), or a per-socket marker.
        // Cheap test before tokenising: a header's first token is made of address characters, and
        // most body lines ("esp mode=", "seq=", "created:") fail on their second character.
        static bool mayBeHeader(QByteArrayView t)
        {
            for (char c : t) {
                if (isBlank(c))
                    return true;
                const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':'
                    || c == '%' || c == '/' || c == '[' || c == ']' || c == 'n' || c == 'y';
                if (!ok)
                    return false;
            }
            return true;
        }

        bool startEntry(QByteArrayView t, const Line& line)
        {
            if (startsWith(t, "(per-socket policy)") || startsWith(t, "(no selector")) {
                beginPolicy(line);
                m_sp.perSocket = true;
                return true;
            }
            if (!mayBeHeader(t))
                return false;
            QByteArrayView rest = t;
            const QByteArrayView a = nextToken(rest);
            const QByteArrayView b = nextToken(rest);
            QByteArrayView srcAddr, dstAddr;
            std::optional<quint16> srcPort, dstPort;
            bool srcAny = false;
            bool dstAny = false;
            if (b.isEmpty() || !splitAddress(a, srcAddr, srcPort, srcAny) || !splitAddress(b, dstAddr, dstPort, dstAny))
                return false;
            const QByteArrayView upper = nextToken(rest);
            if (upper.isEmpty()) {
                finish(false);
                m_entry = Entry::Sa;
                m_sawSad = true;
                m_sa = SecurityAssociation();
                m_sa.src = str(srcAddr, Src);
                m_sa.dst = str(dstAddr, Dst);
                m_sa.srcPort = srcPort;
                m_sa.dstPort = dstPort;
                m_sa.firstLine = m_sa.lastLine = line.number;
                return true;
            }
            beginPolicy(line);
            m_sp.src = str(srcAddr, Src);
            m_sp.dst = str(dstAddr, Dst);
            m_sp.srcPort = srcPort;
            m_sp.dstPort = dstPort;
            m_sp.upperProto = str(upper);
            m_sp.upperProtoDetail = str(trimmed(rest));
            return true;
        }

        void beginPolicy(const Line& line)
        {
            finish(false);
            m_entry = Entry::Sp;
            m_sawSpd = true;
            m_sp = SecurityPolicy();
            m_sp.firstLine = m_sp.lastLine = line.number;
        }

        bool saLine(QByteArrayView t)
        {
            if (startsWith(t, "E:") || startsWith(t, "A:")) {
                QByteArrayView rest = t.sliced(2);
                const QByteArrayView alg = nextToken(rest);
                SecretKey& key = t[0] == 'E' ? m_sa.encKey : m_sa.authKey;
                (t[0] == 'E' ? m_sa.encAlg : m_sa.authAlg) = str(alg, Alg);
                key = SecretKey();
                // Kept as printed even when it is not hex (test suites redact keys as "XXXXXXXX").
                appendHex(key, rest);
                m_lastKey = &key;
                return true;
            }
            if (startsWith(t, "C:")) {
                // ipsec-tools prints no line break after the compression algorithm, so the
                // "seq=… state=…" part follows on the same line.
                QByteArrayView rest = t.sliced(2);
                m_sa.compAlg = str(nextToken(rest));
                rest = trimmed(rest);
                return rest.isEmpty() || (startsWith(rest, "seq=") && seqLine(rest));
            }
            if (startsWith(t, "seq="))
                return seqLine(t);
            if (startsWith(t, "created:")) {
                m_sa.lifetimes.created = str(between(t, "created:", "current:"), Time);
                m_sa.lifetimes.current = str(between(t, "current:", {}), Time);
                return true;
            }
            if (startsWith(t, "diff:")) {
                m_sa.lifetimes.diffSeconds = leading(t, "diff:");
                m_sa.lifetimes.hardAddSeconds = leading(t, "hard:");
                m_sa.lifetimes.softAddSeconds = leading(t, "soft:");
                return true;
            }
            if (startsWith(t, "last:")) {
                m_sa.lifetimes.lastUsed = str(between(t, "last:", "hard:"), Time);
                m_sa.lifetimes.hardUseSeconds = leading(t, "hard:");
                m_sa.lifetimes.softUseSeconds = leading(t, "soft:");
                return true;
            }
            if (startsWith(t, "current:")) {
                m_sa.bytes = leading(t, "current:");
                m_sa.lifetimes.hardBytes = leading(t, "hard:");
                m_sa.lifetimes.softBytes = leading(t, "soft:");
                return true;
            }
            if (startsWith(t, "allocated:")) {
                m_sa.lifetimes.allocated = leading(t, "allocated:");
                m_sa.lifetimes.hardAllocations = leading(t, "hard:");
                m_sa.lifetimes.softAllocations = leading(t, "soft:");
                // Linux PF_KEY reports the SA's packet count as its allocations; the BSDs count one
                // allocation per packet sent or received with the SA as well.
                m_sa.packets = m_sa.lifetimes.allocated;
                return true;
            }
            if (startsWith(t, "sadb_seq=")) {
                m_sa.sadbSeq = parseDec(valueAfter(t, "sadb_seq="));
                m_sa.pid = parseDec(valueAfter(t, "pid="));
                if (const auto r = parseDec(valueAfter(t, "refcnt=")))
                    m_sa.refcnt = quint32(*r);
                m_complete = true;
                m_completedAt = m_line;
                return true;
            }
            if (startsWith(t, "NAT OA=")) {
                m_sa.natOa = str(t.sliced(7));
                return true;
            }
            if (startsWith(t, "security context"))
                return true;
            return protocolLine(t);
        }

        // "esp mode=tunnel spi=186578041(0x0b1ef479) reqid=0(0x00000000)"
        bool protocolLine(QByteArrayView t)
        {
            QByteArrayView rest = t;
            const QByteArrayView proto = nextToken(rest);
            const QByteArrayView mode = valueAfter(t, "mode=");
            if (proto.isEmpty() || mode.isEmpty() || proto.contains('='))
                return false;
            m_sa.protoText = str(proto, Proto);
            m_sa.proto = protocolFrom(proto);
            m_sa.mode = str(mode, Mode);
            const QByteArrayView spi = valueAfter(t, "spi=");
            if (const auto v = parseDualNumber(spi); v && *v <= 0xffffffffu) {
                m_sa.spi = quint32(*v);
                m_sa.hasSpi = true;
            } else {
                warn(m_snap,
                    QStringLiteral("Line %1: the SPI \"%2\" is not a number; the SA is shown without it.")
                        .arg(m_line)
                        .arg(toQString(spi.first(qMin<qsizetype>(spi.size(), 40)))));
            }
            if (const auto v = parseDualNumber(valueAfter(t, "reqid=")); v && *v <= 0xffffffffu)
                m_sa.reqid = quint32(*v);
            return true;
        }

        bool seqLine(QByteArrayView t)
        {
            m_sa.seq = parseHex(valueAfter(t, "seq="));
            if (const auto v = parseDec(valueAfter(t, "replay=")); v && *v <= 0xffffffffu)
                m_sa.replay = quint32(*v);
            if (const auto v = parseHex(valueAfter(t, "flags=")); v && *v <= 0xffffffffu)
                m_sa.flags = quint32(*v);
            const QByteArrayView state = valueAfter(t, "state=");
            m_sa.stateText = str(state, State);
            m_sa.state = stateFrom(state);
            return true;
        }

        bool spLine(QByteArrayView t)
        {
            if (startsWith(t, "created:")) {
                m_sp.created = str(between(t, "created:", "lastused:"), Time);
                m_sp.lastUsed = str(between(t, "lastused:", {}), Time);
                return true;
            }
            if (startsWith(t, "lifetime:")) {
                m_sp.lifetimeSeconds = leading(t, "lifetime:");
                m_sp.validtimeSeconds = leading(t, "validtime:");
                return true;
            }
            if (startsWith(t, "spid=") || startsWith(t, "refcnt=")) {
                if (const QByteArrayView v = valueAfter(t, "spid="); !v.isEmpty())
                    m_sp.spid = parseDec(v);
                if (const QByteArrayView v = valueAfter(t, "seq="); !v.isEmpty())
                    m_sp.seq = parseDec(v);
                if (const QByteArrayView v = valueAfter(t, "pid="); !v.isEmpty())
                    m_sp.pid = parseDec(v);
                if (const QByteArrayView v = valueAfter(t, "scope="); !v.isEmpty())
                    m_sp.scope = str(v);
                if (const QByteArrayView v = valueAfter(t, "ifname="); !v.isEmpty())
                    m_sp.ifname = str(v);
                if (const QByteArrayView v = valueAfter(t, "refcnt="); !v.isEmpty()) {
                    if (const auto r = parseDec(v))
                        m_sp.refcnt = quint32(*r);
                    m_complete = true;
                    m_completedAt = m_line;
                }
                return true;
            }
            if (startsWith(t, "security context"))
                return true;
            if (directionLine(t))
                return true;
            return templateLine(t);
        }

        // "in ipsec", "out prio def + 100 discard", "in(socket) none"
        bool directionLine(QByteArrayView t)
        {
            QByteArrayView rest = t;
            const QByteArrayView d = nextToken(rest);
            const auto dir = directionFrom(d);
            if (!dir)
                return false;
            const QByteArrayView body = trimmed(rest);
            const qsizetype lastSpace = [&] {
                for (qsizetype i = body.size() - 1; i >= 0; --i) {
                    if (isBlank(body[i]))
                        return i;
                }
                return qsizetype(-1);
            }();
            const QByteArrayView a = body.sliced(lastSpace + 1);
            const auto action = actionFrom(a);
            if (!action)
                return false;
            m_sp.dir = *dir;
            m_sp.dirText = str(d);
            m_sp.action = *action;
            m_sp.actionText = str(a);
            if (lastSpace > 0)
                m_sp.priority = str(trimmed(body.first(lastSpace)));
            return true;
        }

        // "esp/tunnel/192.0.2.1-192.0.2.2/require", "esp/transport//unique:8194", "ah/tunnel/A-B/use#16385"
        bool templateLine(QByteArrayView t)
        {
            const qsizetype s1 = t.indexOf('/');
            if (s1 <= 0)
                return false;
            const QByteArrayView proto = t.first(s1);
            if (proto != "esp" && proto != "ah" && proto != "ipcomp" && proto != "tcp")
                return false;
            const qsizetype s2 = t.indexOf('/', s1 + 1);
            if (s2 < 0)
                return false;
            const qsizetype s3 = t.indexOf('/', s2 + 1);
            if (s3 < 0)
                return false;
            PolicyTemplate tmpl;
            tmpl.proto = str(proto);
            tmpl.mode = str(t.sliced(s1 + 1, s2 - s1 - 1));
            const QByteArrayView ends = t.sliced(s2 + 1, s3 - s2 - 1);
            if (!ends.isEmpty()) {
                // IPv6 addresses have no '-', so the first '-' separates the tunnel endpoints.
                const qsizetype dash = ends.indexOf('-');
                if (dash < 0)
                    return false;
                tmpl.src = str(ends.first(dash));
                tmpl.dst = str(ends.sliced(dash + 1));
            }
            QByteArrayView level = trimmed(t.sliced(s3 + 1));
            for (qsizetype i = 0; i < level.size(); ++i) {
                if (level[i] == ':' || level[i] == '#') {
                    if (const auto v = parseDec(level.sliced(i + 1)); v && *v <= 0xffffffffu)
                        tmpl.reqid = quint32(*v);
                    level = level.first(i);
                    break;
                }
            }
            if (level != "require" && level != "use" && level != "unique" && level != "default")
                return false;
            tmpl.level = str(level);
            m_sp.templates += tmpl;
            return true;
        }

        void finish(bool atEnd)
        {
            if (m_entry == Entry::Sa) {
                if (m_complete) {
                    m_snap.sas += std::move(m_sa);
                } else if (atEnd) {
                    m_snap.truncated = true;
                    warn(m_snap,
                        QStringLiteral("The output ends inside the SA that starts at line %1 (%2 → %3): "
                                       "the poll was cut off, so that SA was left out.")
                            .arg(m_sa.firstLine)
                            .arg(m_sa.src, m_sa.dst));
                } else if (m_sa.protoText.isEmpty()) {
                    warn(
                        m_snap, QStringLiteral("The SA that starts at line %1 has no protocol line; it was left out.").arg(m_sa.firstLine));
                } else {
                    warn(m_snap,
                        QStringLiteral("The SA that starts at line %1 has no closing \"sadb_seq=\" line; "
                                       "it is shown as far as it goes.")
                            .arg(m_sa.firstLine));
                    m_snap.sas += std::move(m_sa);
                }
            } else if (m_entry == Entry::Sp) {
                if (m_complete) {
                    m_snap.policies += std::move(m_sp);
                } else if (atEnd) {
                    m_snap.truncated = true;
                    warn(m_snap,
                        QStringLiteral("The output ends inside the policy that starts at line %1: "
                                       "the poll was cut off, so that policy was left out.")
                            .arg(m_sp.firstLine));
                } else if (m_sp.dir == PolicyDirection::Unknown) {
                    warn(m_snap,
                        QStringLiteral("The policy that starts at line %1 has no direction line; it was "
                                       "left out.")
                            .arg(m_sp.firstLine));
                } else {
                    warn(m_snap,
                        QStringLiteral("The policy that starts at line %1 has no closing \"refcnt=\" line; "
                                       "it is shown as far as it goes.")
                            .arg(m_sp.firstLine));
                    m_snap.policies += std::move(m_sp);
                }
            }
            m_entry = Entry::None;
            m_complete = false;
            m_lastKey = nullptr;
        }

        enum Field { Src, Dst, Proto, Mode, Alg, State, Time, Misc, FieldCount };
        QString str(QByteArrayView s, Field f = Misc) { return m_strings[f].get(s); }

        Snapshot m_snap;
        StringCache m_strings[FieldCount];
        Entry m_entry = Entry::None;
        SecurityAssociation m_sa;
        SecurityPolicy m_sp;
        SecretKey* m_lastKey = nullptr;
        bool m_complete = false;
        int m_completedAt = 0;
        int m_line = 0;
        bool m_sawSad = false;
        bool m_sawSpd = false;
    };

} // namespace

Snapshot parse(QByteArrayView text)
{
    return Parser().run(text);
}

} // namespace ipsecwiz::SetkeyParser
