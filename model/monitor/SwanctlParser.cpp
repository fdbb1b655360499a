#include "SwanctlParser.h"

#include "SnapshotParser.h"

// The layout follows strongSwan's src/swanctl/commands/list_sas.c: an IKE SA line at the left
// margin ("name: #1, ESTABLISHED, IKEv2, spi_i* spi_r"), its details indented by two spaces, each
// CHILD SA line by two ("net: #1, reqid 1, INSTALLED, TUNNEL, ESP:…") and its details by four.
// Nothing closes an SA: a CHILD SA is complete once its "remote" traffic selectors are printed,
// an IKE SA once it has its "local" and "remote" lines (and, when established, its proposal and
// "established" line).

namespace ipsecwiz::SwanctlParser {

using namespace parsing;

namespace {

    // "1234s" / "1234s," → 1234
    std::optional<quint64> seconds(QByteArrayView t, QByteArrayView key)
    {
        return parseLeadingDec(valueAfter(t, key));
    }

    // The number just before `unit` in "…,     84 bytes,     1 packets, …".
    std::optional<quint64> numberBefore(QByteArrayView t, QByteArrayView unit)
    {
        const qsizetype at = t.indexOf(unit);
        if (at <= 0)
            return std::nullopt;
        qsizetype e = at;
        qsizetype b = e;
        while (b > 0 && t[b - 1] >= '0' && t[b - 1] <= '9')
            --b;
        return parseDec(t.sliced(b, e - b));
    }

    // "ID" from "'ID' @ host[port] …"; the ID may contain spaces (a DN) but not "' @ ".
    bool splitEndpoint(QByteArrayView t, QString& id, QString& host, std::optional<quint16>& port, QByteArrayView& after)
    {
        if (!t.startsWith('\''))
            return false;
        // From 1: the opening quote itself must not count as the closing one ("' @ x").
        const qsizetype end = t.indexOf("' @ ", 1);
        if (end < 1)
            return false;
        id = toQString(t.sliced(1, end - 1));
        QByteArrayView rest = t.sliced(end + 4);
        const QByteArrayView hostToken = nextToken(rest);
        const qsizetype br = hostToken.indexOf('[');
        if (br >= 0 && hostToken.endsWith(']')) {
            host = toQString(hostToken.first(br));
            if (const auto p = parseDec(hostToken.sliced(br + 1, hostToken.size() - br - 2)); p && *p <= 65535)
                port = quint16(*p);
        } else {
            host = toQString(hostToken);
        }
        after = trimmed(rest);
        return true;
    }

    // "[10.3.0.1 10.3.0.2]" at the end of an endpoint line
    QString vipsFrom(QByteArrayView after)
    {
        const qsizetype open = after.lastIndexOf('[');
        if (open < 0 || !after.endsWith(']'))
            return {};
        return toQString(after.sliced(open + 1, after.size() - open - 2));
    }

    QString quotedAfter(QByteArrayView t, QByteArrayView key)
    {
        const qsizetype at = t.indexOf(key);
        if (at < 0)
            return {};
        const QByteArrayView rest = t.sliced(at + key.size());
        if (!rest.startsWith('\''))
            return {};
        const qsizetype end = rest.indexOf('\'', 1);
        return end < 0 ? QString() : toQString(rest.sliced(1, end - 1));
    }

    QStringList selectors(QByteArrayView rest)
    {
        QStringList out;
        while (true) {
            const QByteArrayView ts = nextToken(rest);
            if (ts.isEmpty())
                break;
            out += toQString(ts);
        }
        return out;
    }

    bool isProposal(QByteArrayView t)
    {
        // "AES_CBC-128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/CURVE_25519": one token, upper case.
        if (t.isEmpty() || t.indexOf(' ') >= 0 || t.indexOf('/') < 0)
            return false;
        for (char c : t) {
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '/'))
                return false;
        }
        return true;
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
            // Nothing closes an SA, so a half line at the end may belong to the open one.
            if (reader.endedMidLine() && m_inIke)
                m_cutMidLine = true;
            finishIke(/*atEnd=*/true);
            noteEndedMidLine(m_snap, reader);
            if (!m_snap.ikeSas.isEmpty() || m_sawAny)
                m_snap.format = SnapshotFormat::Swanctl;
            return std::move(m_snap);
        }

    private:
        void feed(const Line& line)
        {
            const QByteArrayView t = trimmed(line.text);
            if (t.isEmpty())
                return;
            const qsizetype hash = t.indexOf(": #");
            if (hash > 0) {
                if (t.indexOf(", IKEv", hash) > 0 && ikeHeader(t, hash, line))
                    return;
                if (t.indexOf(", reqid ", hash) > 0 && m_inIke && childHeader(t, hash, line))
                    return;
            }
            bool known = false;
            if (m_inChild)
                known = childLine(t);
            if (!known && m_inIke && !m_inChild)
                known = ikeLine(t);
            if (known) {
                m_ike.lastLine = line.number;
                if (m_inChild)
                    m_child.lastLine = line.number;
            } else {
                reportUnknown(m_snap, line);
            }
        }

        // "home: #1, ESTABLISHED, IKEv2, 6fd55d95f66b4a67_i* cea64d4a303e0ca2_r"
        bool ikeHeader(QByteArrayView t, qsizetype hash, const Line& line)
        {
            finishIke(false);
            m_sawAny = true;
            m_inIke = true;
            m_ike = IkeSa();
            m_ike.name = str(t.first(hash));
            m_ike.firstLine = m_ike.lastLine = line.number;
            QByteArrayView rest = t.sliced(hash + 3);
            const qsizetype comma = rest.indexOf(',');
            if (comma < 0)
                return true;
            if (const auto id = parseDec(rest.first(comma)); id && *id <= 0xffffffffu)
                m_ike.uniqueId = quint32(*id);
            rest = rest.sliced(comma + 1);
            // STATE, IKEvN, SPIs
            QByteArrayView state = trimmed(rest.first(qMax<qsizetype>(0, rest.indexOf(','))));
            m_ike.state = str(state);
            const qsizetype v = rest.indexOf("IKEv");
            if (v >= 0 && v + 4 < rest.size() && rest[v + 4] >= '1' && rest[v + 4] <= '2')
                m_ike.version = rest[v + 4] - '0';
            // (A negative start would make indexOf count from the end.)
            const qsizetype spisAt = v < 0 ? -1 : rest.indexOf(',', v);
            QByteArrayView spis = spisAt < 0 ? QByteArrayView() : trimmed(rest.sliced(spisAt + 1));
            if (spis.indexOf("_i") > 0) {
                QByteArrayView i = nextToken(spis);
                QByteArrayView r = nextToken(spis);
                m_ike.localIsInitiator = i.endsWith('*');
                if (i.endsWith('*'))
                    i.chop(1);
                if (r.endsWith('*'))
                    r.chop(1);
                m_ike.initiatorSpi = str(i.endsWith("_i") ? i.first(i.size() - 2) : i);
                m_ike.responderSpi = str(r.endsWith("_r") ? r.first(r.size() - 2) : r);
            } else if (const qsizetype colon = spis.indexOf(':'); colon > 0) {
                // swanctl 5.2/5.3: "ispi:rspi", no initiator marker
                m_ike.initiatorSpi = str(spis.first(colon));
                m_ike.responderSpi = str(spis.sliced(colon + 1));
            }
            m_hasLocal = m_hasRemote = m_hasProposal = m_hasEstablished = false;
            return true;
        }

        // "net: #1, reqid 1, INSTALLED, TUNNEL-in-UDP, ESP:AES_GCM_16-128"
        bool childHeader(QByteArrayView t, qsizetype hash, const Line& line)
        {
            finishChild(false);
            m_inChild = true;
            m_child = ChildSa();
            m_child.name = str(t.first(hash));
            m_child.firstLine = m_child.lastLine = line.number;
            m_ike.lastLine = line.number;
            QByteArrayView rest = t.sliced(hash + 3);
            QList<QByteArrayView> parts;
            while (!rest.isEmpty() && parts.size() < 8) {
                const qsizetype c = rest.indexOf(',');
                parts += trimmed(c < 0 ? rest : rest.first(c));
                rest = c < 0 ? QByteArrayView() : rest.sliced(c + 1);
            }
            if (!parts.isEmpty()) {
                if (const auto id = parseDec(parts[0]); id && *id <= 0xffffffffu)
                    m_child.uniqueId = quint32(*id);
            }
            if (parts.size() > 1 && startsWith(parts[1], "reqid ")) {
                if (const auto r = parseDec(parts[1].sliced(6)); r && *r <= 0xffffffffu)
                    m_child.reqid = quint32(*r);
            }
            if (parts.size() > 2)
                m_child.state = str(parts[2]);
            if (parts.size() > 3) {
                QByteArrayView mode = parts[3];
                if (mode.endsWith("-in-UDP")) {
                    m_child.udpEncap = true;
                    mode.chop(7);
                }
                m_child.mode = str(mode);
            }
            if (parts.size() > 4) {
                const QByteArrayView p = parts[4];
                const qsizetype colon = p.indexOf(':');
                if (colon >= 0) {
                    m_child.protocol = str(p.first(colon));
                    m_child.proposal = str(p.sliced(colon + 1));
                } else {
                    m_child.protocol = str(p);
                }
            }
            return true;
        }

        bool ikeLine(QByteArrayView t)
        {
            if (startsWith(t, "local ") || startsWith(t, "remote ")) {
                const bool local = t[0] == 'l';
                QByteArrayView rest = trimmed(t.sliced(local ? 6 : 7));
                QByteArrayView after;
                std::optional<quint16> port;
                QString id, host;
                if (!splitEndpoint(rest, id, host, port, after))
                    return false;
                if (local) {
                    m_ike.localId = id;
                    m_ike.localAddr = host;
                    m_ike.localPort = port;
                    m_ike.localVips = vipsFrom(after);
                    m_hasLocal = true;
                } else {
                    m_ike.remoteId = id;
                    m_ike.remoteAddr = host;
                    m_ike.remotePort = port;
                    m_ike.remoteEapId = quotedAfter(after, "EAP: ");
                    m_ike.remoteXauthId = quotedAfter(after, "XAuth: ");
                    m_ike.remoteVips = vipsFrom(after);
                    m_hasRemote = true;
                }
                return true;
            }
            if (startsWith(t, "established ")) {
                m_ike.establishedSeconds = seconds(t, "established");
                m_ike.rekeySeconds = seconds(t, "rekeying in");
                m_ike.reauthSeconds = seconds(t, "reauth in");
                m_ike.expireSeconds = seconds(t, "expires in");
                m_hasEstablished = true;
                return true;
            }
            if (startsWith(t, "queued:")) {
                m_ike.tasksQueued = str(trimmed(t.sliced(7)));
                return true;
            }
            if (startsWith(t, "active:")) {
                m_ike.tasksActive = str(trimmed(t.sliced(7)));
                return true;
            }
            if (startsWith(t, "passive:")) {
                m_ike.tasksPassive = str(trimmed(t.sliced(8)));
                return true;
            }
            if (isProposal(t)) {
                m_ike.proposal = str(t);
                m_hasProposal = true;
                return true;
            }
            return false;
        }

        bool childLine(QByteArrayView t)
        {
            if (startsWith(t, "installed ")) {
                m_child.installedSeconds = seconds(t, "installed");
                m_child.rekeySeconds = seconds(t, "rekeying in");
                m_child.expireSeconds = seconds(t, "expires in");
                return true;
            }
            if (startsWith(t, "in ") || startsWith(t, "out ")) {
                const bool in = t[0] == 'i';
                QByteArrayView rest = trimmed(t.sliced(in ? 3 : 4));
                qsizetype e = 0;
                while (e < rest.size() && rest[e] != ',' && !isBlank(rest[e]))
                    ++e;
                QByteArrayView spi = rest.first(e);
                QString cpi;
                if (const qsizetype slash = spi.indexOf('/'); slash >= 0) {
                    cpi = str(spi.sliced(slash + 1));
                    spi = spi.first(slash);
                }
                const auto spiValue = parseHex(spi);
                QString mark;
                if (const qsizetype open = rest.indexOf('('); open >= 0 && open < rest.indexOf(" bytes")) {
                    const qsizetype close = rest.indexOf(')', open);
                    if (close > open)
                        mark = str(rest.sliced(open + 1, close - open - 1));
                }
                const auto bytes = numberBefore(rest, " bytes");
                const auto packets = numberBefore(rest, " packets");
                const qsizetype pk = rest.indexOf(" packets");
                std::optional<quint64> ago;
                if (pk >= 0) {
                    const QByteArrayView tail = rest.sliced(pk);
                    if (tail.indexOf("s ago") > 0)
                        ago = numberBefore(tail, "s ago");
                }
                if (!spiValue && spi != "-")
                    return false;
                if (in) {
                    m_child.spiIn = spiValue ? std::optional<quint32>(quint32(*spiValue)) : std::nullopt;
                    m_child.cpiIn = cpi;
                    m_child.markIn = mark;
                    m_child.bytesIn = bytes;
                    m_child.packetsIn = packets;
                    m_child.lastUseInSeconds = ago;
                } else {
                    m_child.spiOut = spiValue ? std::optional<quint32>(quint32(*spiValue)) : std::nullopt;
                    m_child.cpiOut = cpi;
                    m_child.markOut = mark;
                    m_child.bytesOut = bytes;
                    m_child.packetsOut = packets;
                    m_child.lastUseOutSeconds = ago;
                }
                return true;
            }
            if (startsWith(t, "local ") && t.indexOf("' @ ") < 0) {
                m_child.localTs = selectors(t.sliced(6));
                return true;
            }
            if (startsWith(t, "remote ") && t.indexOf("' @ ") < 0) {
                m_child.remoteTs = selectors(t.sliced(7));
                m_childComplete = true;
                return true;
            }
            return false;
        }

        void finishChild(bool atEnd)
        {
            if (!m_inChild)
                return;
            if (m_childComplete && !(atEnd && m_cutMidLine)) {
                m_ike.children += std::move(m_child);
            } else if (atEnd) {
                m_snap.truncated = true;
                warn(m_snap,
                    QStringLiteral("The output ends inside the CHILD SA \"%1\" that starts at line %2: the "
                                   "poll was cut off, so that CHILD SA was left out.")
                        .arg(m_child.name)
                        .arg(m_child.firstLine));
            } else {
                warn(m_snap,
                    QStringLiteral("The CHILD SA \"%1\" at line %2 has no traffic selector lines; it is shown "
                                   "as far as it goes.")
                        .arg(m_child.name)
                        .arg(m_child.firstLine));
                m_ike.children += std::move(m_child);
            }
            m_inChild = false;
            m_childComplete = false;
        }

        void finishIke(bool atEnd)
        {
            if (!m_inIke)
                return;
            // The cut line belongs to the CHILD SA being read if there is one, else to the IKE SA.
            const bool childOpen = m_inChild;
            finishChild(atEnd);
            const bool established = m_ike.state == QLatin1String("ESTABLISHED");
            const bool headerDone = m_hasLocal && m_hasRemote && (!established || (m_hasProposal && m_hasEstablished));
            const bool cut = atEnd && m_cutMidLine && !childOpen;
            if (headerDone && !cut) {
                m_snap.ikeSas += std::move(m_ike);
            } else if (atEnd) {
                m_snap.truncated = true;
                warn(m_snap,
                    QStringLiteral("The output ends inside the IKE SA \"%1\" that starts at line %2: the poll "
                                   "was cut off, so that IKE SA was left out.")
                        .arg(m_ike.name)
                        .arg(m_ike.firstLine));
            } else {
                warn(m_snap,
                    QStringLiteral("The IKE SA \"%1\" at line %2 lacks its local, remote, proposal or "
                                   "established line; it is shown as far as it goes.")
                        .arg(m_ike.name)
                        .arg(m_ike.firstLine));
                m_snap.ikeSas += std::move(m_ike);
            }
            m_inIke = false;
        }

        QString str(QByteArrayView s) { return m_strings.get(s); }

        StringCache m_strings;
        Snapshot m_snap;
        IkeSa m_ike;
        ChildSa m_child;
        bool m_inIke = false;
        bool m_inChild = false;
        bool m_childComplete = false;
        bool m_hasLocal = false;
        bool m_hasRemote = false;
        bool m_hasProposal = false;
        bool m_hasEstablished = false;
        bool m_cutMidLine = false;
        bool m_sawAny = false;
    };

} // namespace

Snapshot parse(QByteArrayView text)
{
    return Parser().run(text);
}

} // namespace ipsecwiz::SwanctlParser
