#include "IkeLog.h"

#include <QCoreApplication>
#include <QDate>
#include <QTime>
#include <QRegularExpression>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>
#include <optional>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::IkeDiagnose", text);
}

} // namespace

namespace IkeLog {

// Key material never reaches what is shown, whatever the log level was.
QString masked(QString text)
{
    // No word boundaries: a run of hex digits inside a word ("x…hex…g") is masked too; the fuzzer
    // (fuzz_ike_log) found one that a \b-bounded pattern let through.
    static const QRegularExpression hex(QStringLiteral("(0x)?[0-9a-fA-F]{32,}"));
    return text.replace(hex, QStringLiteral("[masked]"));
}

QList<IkeLogEvent> parse(const QByteArray& text)
{
    // [time] [host program[pid]:] [thread]"[SUB]" [<sa>] message
    static const QRegularExpression line(QStringLiteral(
        "^(?:(\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?|[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d)\\s+)?"
        "(?:\\S+\\s+[\\w.-]+\\[\\d+\\]:\\s+)?"
        "\\d*\\[([A-Z]{3})\\]\\s+"
        "(?:<([^>]*)>\\s+)?"
        "(.*)$"));
    // racoon (ipsec-tools' plog): its own log file "2006-08-08 01:42:09: ERROR: couldn't find the
    // pskey for …", or syslog "Mar  8 12:52:18 gw racoon[490]: ERROR: …" (some builds leave the
    // level out). The level stands where charon's subsystem does.
    static const QRegularExpression racoon(QStringLiteral(
        "^(?:(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d):\\s+"
        "|([A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d)\\s+\\S+\\s+racoon(?:\\[\\d+\\])?:\\s+)"
        "(?:(ERROR|WARNING|NOTIFY|INFO|DEBUG|DEBUG2):\\s+)?"
        "(.*)$"));
    QList<IkeLogEvent> out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString l = QString::fromUtf8(lines.at(i)).trimmed();
        if (const auto m = line.match(l); m.hasMatch()) {
            out.append(IkeLogEvent{int(i + 1), m.captured(1), m.captured(2), m.captured(3), m.captured(4)});
            continue;
        }
        if (const auto r = racoon.match(l); r.hasMatch())
            out.append(IkeLogEvent{int(i + 1), r.hasCaptured(1) ? r.captured(1) : r.captured(2),
                                   r.captured(3).isEmpty() ? QStringLiteral("racoon") : r.captured(3), {}, r.captured(4)});
    }
    return out;
}

namespace {

// An IKE packet as charon logs it on either end.
struct Packet
{
    int event;
    bool sent;
    QString from, to; // "198.51.100.1[500]"
    int size;
    std::optional<qint64> time; // ms, where the log has a time stamp
};

// The time stamp of a log line, in ms of its own clock: "2026-12-04 20:34:17[.123]" (charon's
// file) or "Dec  4 20:34:17" (the journal, no year: only differences within a log matter).
std::optional<qint64> msecsOf(const QString& time)
{
    if (time.isEmpty())
        return std::nullopt;
    QDate date;
    QString clock;
    if (time.at(0).isDigit()) {
        date = QDate::fromString(time.left(10), QStringLiteral("yyyy-MM-dd"));
        clock = time.mid(11);
    } else {
        const QStringList parts = time.simplified().split(QLatin1Char(' '));
        if (parts.size() != 3)
            return std::nullopt;
        // Any leap year, so that Feb 29 is a date.
        date = QDate::fromString(parts.at(0) + QLatin1Char(' ') + parts.at(1) + QStringLiteral(" 2000"), QStringLiteral("MMM d yyyy"));
        clock = parts.at(2);
    }
    const QTime t = QTime::fromString(clock.left(8), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !t.isValid())
        return std::nullopt;
    qint64 ms = date.toJulianDay() * 86400000 + t.msecsSinceStartOfDay();
    if (clock.size() > 9 && clock.at(8) == QLatin1Char('.'))
        ms += qRound(QStringView(clock).mid(8).toDouble() * 1000);
    return ms;
}

QList<Packet> packetsOf(const QList<IkeLogEvent>& events)
{
    static const QRegularExpression packet(QStringLiteral("^(sending|received) packet: from (\\S+) to (\\S+) \\((\\d+) bytes\\)"));
    QList<Packet> out;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const IkeLogEvent& e = events.at(i);
        if (e.subsystem != QLatin1String("NET"))
            continue;
        if (const auto m = packet.match(e.message); m.hasMatch())
            out.append(Packet{int(i), m.capturedView(1) == QLatin1String("sending"), m.captured(2), m.captured(3), m.captured(4).toInt(),
                              msecsOf(e.time)});
    }
    return out;
}

// The same packet seen from both ends could be: one sent, the other received, of one size.
bool partners(const Packet& a, const Packet& b)
{
    return a.sent != b.sent && a.size == b.size;
}

bool sameAddresses(const Packet& a, const Packet& b)
{
    return a.from == b.from && a.to == b.to;
}

// B's clock minus A's, as the median over the pairs (ms); nullopt where no pair has both times.
std::optional<qint64> clockOffset(const QList<std::pair<const Packet*, const Packet*>>& pairs)
{
    QList<qint64> d;
    for (const auto& [a, b] : pairs)
        if (a->time && b->time)
            d << *b->time - *a->time;
    if (d.isEmpty())
        return std::nullopt;
    std::nth_element(d.begin(), d.begin() + d.size() / 2, d.end());
    return d.at(d.size() / 2);
}

// A better matching: more pairs, then more of them with the same addresses on both ends, then
// (where both logs have times) closer in time once the clocks' offset is taken out.
struct Score
{
    int pairs = 0;
    int exact = 0;
    qint64 skew = 0;

    bool operator<(const Score& o) const { return std::tie(pairs, exact, o.skew) < std::tie(o.pairs, o.exact, skew); }
    bool operator==(const Score& o) const { return pairs == o.pairs && exact == o.exact && skew == o.skew; }
};

// The packets of A and B that are one packet: an order-keeping matching of the most pairs, as a
// longest common subsequence. Where two are as good (a request retransmitted, one copy arrived),
// the later one is taken: the copy sent just before the answer came is the one that got there.
QList<std::pair<int, int>> matchPackets(const QList<Packet>& pa, const QList<Packet>& pb)
{
    const qsizetype n = pa.size();
    const qsizetype m = pb.size();
    QList<std::pair<int, int>> out;
    if (n == 0 || m == 0)
        return out;
    QList<std::pair<const Packet*, const Packet*>> candidates;
    for (const Packet& a : pa)
        for (const Packet& b : pb)
            if (partners(a, b) && sameAddresses(a, b))
                candidates.emplaceBack(&a, &b);
    if (candidates.isEmpty())
        for (const Packet& a : pa)
            for (const Packet& b : pb)
                if (partners(a, b))
                    candidates.emplaceBack(&a, &b);
    // The clocks' offset from the pairs that can be nothing else (each packet with one candidate)
    // where there are such: a retransmit's copies would pull it towards the wrong one.
    QHash<const Packet*, int> count;
    for (const auto& [a, b] : std::as_const(candidates)) {
        ++count[a];
        ++count[b];
    }
    QList<std::pair<const Packet*, const Packet*>> unique;
    for (const auto& [a, b] : std::as_const(candidates))
        if (count.value(a) == 1 && count.value(b) == 1)
            unique.emplaceBack(a, b);
    std::optional<qint64> offset = clockOffset(unique);
    if (!offset)
        offset = clockOffset(candidates);
    const auto gain = [&](qsizetype i, qsizetype j) {
        const Packet& a = pa.at(i);
        const Packet& b = pb.at(j);
        Score s{1, sameAddresses(a, b) ? 1 : 0, 0};
        if (offset && a.time && b.time)
            s.skew = qAbs(*b.time - *a.time - *offset);
        return s;
    };
    const auto plus = [](Score s, const Score& g) {
        s.pairs += g.pairs;
        s.exact += g.exact;
        s.skew += g.skew;
        return s;
    };
    // Hours of a busy gateway's journal (the table below would take 16 bytes a cell): in order,
    // each packet with the next partner not far ahead.
    if (n * m > 1'000'000) {
        qsizetype j = 0;
        for (qsizetype i = 0; i < n && j < m; ++i)
            for (qsizetype k = j; k < std::min(m, j + 16); ++k)
                if (partners(pa.at(i), pb.at(k))) {
                    out.emplaceBack(pa.at(i).event, pb.at(k).event);
                    j = k + 1;
                    break;
                }
        return out;
    }
    // best[i][j]: the best matching of A's first i packets and B's first j.
    std::vector<Score> best(size_t((n + 1) * (m + 1)));
    const auto at = [&](qsizetype i, qsizetype j) -> Score& { return best[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = 1; i <= n; ++i)
        for (qsizetype j = 1; j <= m; ++j) {
            Score s = std::max(at(i - 1, j), at(i, j - 1));
            if (partners(pa.at(i - 1), pb.at(j - 1)))
                s = std::max(s, plus(at(i - 1, j - 1), gain(i - 1, j - 1)));
            at(i, j) = s;
        }
    // From the end back, a pair taken as soon as it is as good: the latest copies.
    for (qsizetype i = n, j = m; i > 0 && j > 0;) {
        if (partners(pa.at(i - 1), pb.at(j - 1)) && at(i, j) == plus(at(i - 1, j - 1), gain(i - 1, j - 1))) {
            out.prepend(std::pair{pa.at(i - 1).event, pb.at(j - 1).event});
            --i;
            --j;
        } else if (at(i, j) == at(i - 1, j)) {
            --i;
        } else {
            --j;
        }
    }
    return out;
}

} // namespace

QList<AlignedRow> align(const QList<IkeLogEvent>& a, const QList<IkeLogEvent>& b)
{
    const QList<Packet> pa = packetsOf(a);
    const QList<Packet> pb = packetsOf(b);
    const QList<std::pair<int, int>> anchors = matchPackets(pa, pb);

    // The clocks' offset over the pairs taken, to interleave the lines between two pairs by time.
    QHash<int, const Packet*> byEventA, byEventB;
    for (const Packet& p : pa)
        byEventA.insert(p.event, &p);
    for (const Packet& p : pb)
        byEventB.insert(p.event, &p);
    QList<std::pair<const Packet*, const Packet*>> taken;
    for (const auto& [ea, eb] : anchors)
        taken.emplaceBack(byEventA.value(ea), byEventB.value(eb));
    const std::optional<qint64> offset = clockOffset(taken);

    QList<AlignedRow> rows;
    rows.reserve(a.size() + b.size());
    // The lines of A from FROMA up to TOA and of B from FROMB up to TOB (exclusive), none a pair:
    // by time where every one of them has one and the clocks could be related; otherwise, and on
    // a tie, AFIRST says whose come first.
    const auto gap = [&](int fromA, int toA, int fromB, int toB, bool aFirst) {
        bool timed = offset.has_value();
        QList<qint64> ta, tb;
        for (int i = fromA; timed && i < toA; ++i)
            if (const auto t = msecsOf(a.at(i).time))
                ta << *t + *offset;
            else
                timed = false;
        for (int j = fromB; timed && j < toB; ++j)
            if (const auto t = msecsOf(b.at(j).time))
                tb << *t;
            else
                timed = false;
        int i = fromA, j = fromB;
        while (i < toA || j < toB) {
            bool takeA;
            if (i == toA)
                takeA = false;
            else if (j == toB)
                takeA = true;
            else if (timed && ta.at(i - fromA) != tb.at(j - fromB))
                takeA = ta.at(i - fromA) < tb.at(j - fromB);
            else
                takeA = aFirst;
            if (takeA)
                rows.append(AlignedRow{i++, -1});
            else
                rows.append(AlignedRow{-1, j++});
        }
    };
    int nextA = 0, nextB = 0;
    bool lastSentByA = true;
    for (const auto& [ea, eb] : anchors) {
        // Before a packet, the lines of its sender (that lead to it) before the receiver's.
        const bool sentByA = byEventA.value(ea)->sent;
        gap(nextA, ea, nextB, eb, sentByA);
        rows.append(AlignedRow{ea, eb});
        nextA = ea + 1;
        nextB = eb + 1;
        lastSentByA = sentByA;
    }
    // After the last packet, the receiver's lines first: it is the one that answers (or fails to).
    gap(nextA, int(a.size()), nextB, int(b.size()), anchors.isEmpty() || !lastSentByA);
    return rows;
}

} // namespace IkeLog

QStringList GatewayChange::described() const
{
    QStringList out;
    for (const auto& [path, value] : kernel)
        out << QStringLiteral("%1 = %2").arg(path.mid(int(qstrlen("/proc/sys/"))).replace(QLatin1Char('/'), QLatin1Char('.')), value);
    for (const QString& rule : nftRules)
        out << QStringLiteral("nft insert rule ") + rule;
    return out;
}

namespace IkeDiagnose {

QList<std::pair<QString, QString>> transforms(const QString& proposal)
{
    QList<std::pair<QString, QString>> out;
    const QString body = proposal.section(QLatin1Char(':'), 1).trimmed();
    for (const QString& t : body.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        QString kind;
        if (t.startsWith(QLatin1String("PRF_")))
            kind = QStringLiteral("prf");
        else if (t.startsWith(QLatin1String("HMAC_")) || t.startsWith(QLatin1String("AES_XCBC")) || t.startsWith(QLatin1String("AES_CMAC")))
            kind = QStringLiteral("integrity");
        else if (t.startsWith(QLatin1String("MODP_")) || t.startsWith(QLatin1String("CURVE_")) || t.startsWith(QLatin1String("ECP_"))
                 || t.startsWith(QLatin1String("ECP")) || t.startsWith(QLatin1String("MLKEM")))
            kind = QStringLiteral("dh");
        else if (t.contains(QLatin1String("EXT_SEQ")))
            kind = QStringLiteral("esn");
        else
            kind = QStringLiteral("encryption");
        out.append({kind, t});
    }
    return out;
}

namespace {

struct Side
{
    const QList<IkeLogEvent>* events;
    QString name;
};

QString evidence(const Side& s, const IkeLogEvent& e)
{
    return QStringLiteral("%1, line %2: %3").arg(s.name).arg(e.line).arg(IkeLog::masked(e.message));
}

const IkeLogEvent* find(const Side& s, const QString& needle, qsizetype from = 0)
{
    for (qsizetype i = from; i < s.events->size(); ++i)
        if (s.events->at(i).message.contains(needle))
            return &s.events->at(i);
    return nullptr;
}

// The transforms of each kind in a "received/configured proposals:" list ("IKE:A/B/C, IKE:D/E").
QHash<QString, QSet<QString>> byKind(const QString& list)
{
    QHash<QString, QSet<QString>> out;
    for (const QString& p : list.split(QStringLiteral(", "), Qt::SkipEmptyParts))
        for (const auto& [kind, t] : transforms(p))
            out[kind].insert(t);
    return out;
}

QString joined(const QSet<QString>& set)
{
    QStringList l(set.cbegin(), set.cend());
    l.sort();
    return l.join(QStringLiteral(" or "));
}

// A proposal mismatch decoded on the side that refused: which transform of which kind differs.
std::optional<IkeDiagnosis> proposals(const Side& refused, const Side& proposer)
{
    const IkeLogEvent* received = find(refused, QStringLiteral("received proposals: "));
    const IkeLogEvent* configured = received ? find(refused, QStringLiteral("configured proposals: ")) : nullptr;
    if (!received || !configured)
        return std::nullopt;
    const IkeLogEvent* refusal = find(refused, QStringLiteral("no acceptable proposal found"));
    if (!refusal)
        refusal = find(refused, QStringLiteral("received proposals unacceptable"));
    if (!refusal)
        refusal = find(refused, QStringLiteral("no proposal found")); // IKEv1 Main Mode
    if (!refusal)
        refusal = find(refused, QStringLiteral("no matching proposal found")); // IKEv1 Quick Mode
    if (!refusal)
        return std::nullopt;
    const QString got = received->message.section(QStringLiteral("received proposals: "), 1);
    const QString have = configured->message.section(QStringLiteral("configured proposals: "), 1);
    const bool esp = got.startsWith(QLatin1String("ESP")) || got.startsWith(QLatin1String("AH"));
    const QString phase = esp ? QStringLiteral("esp") : QStringLiteral("ike");
    const auto gotKinds = byKind(got);
    const auto haveKinds = byKind(have);
    QStringList differ;
    QString field;
    for (const QString& kind : {QStringLiteral("encryption"), QStringLiteral("integrity"), QStringLiteral("prf"), QStringLiteral("dh")}) {
        const QSet<QString> g = gotKinds.value(kind);
        const QSet<QString> h = haveKinds.value(kind);
        if (g.isEmpty() && h.isEmpty())
            continue;
        // The first CHILD_SA comes with IKE_AUTH, which negotiates no DH group: its proposal
        // has none, whatever PFS group either side configured.
        if (esp && kind == QLatin1String("dh") && g.isEmpty())
            continue;
        if (!g.intersects(h)) {
            const QString name = kind == QLatin1String("dh") ? (esp ? QStringLiteral("pfsGroup") : QStringLiteral("dhGroup")) : kind;
            if (field.isEmpty())
                field = phase + QLatin1Char('.') + name;
            differ << tr("%1.%2: %3 proposes %4, %5 is configured for %6")
                          .arg(phase, name, proposer.name, g.isEmpty() ? tr("none") : joined(g), refused.name, h.isEmpty() ? tr("none") : joined(h));
        }
    }
    IkeDiagnosis d;
    d.cause = (esp ? tr("The ESP proposals differ (phase 2): %1.") : tr("The IKE proposals differ (phase 1): %1."))
                  .arg(differ.isEmpty() ? tr("no proposal of one side is among the other's") : differ.join(QStringLiteral("; ")));
    d.field = field.isEmpty() ? phase : field;
    d.fixedByPush = true;
    d.fix = tr("Both gateways must use the proposals of the same profile: push it again to both, or change %1 so they agree.").arg(d.field);
    d.evidence << evidence(refused, *received) << evidence(refused, *configured) << evidence(refused, *refusal);
    if (const IkeLogEvent* notify = find(proposer, QStringLiteral("NO_PROPOSAL_CHOSEN")))
        d.evidence << evidence(proposer, *notify);
    return d;
}

} // namespace

QList<IkeDiagnosis> diagnose(const QList<IkeLogEvent>& a, const QList<IkeLogEvent>& b, bool haveB, const QString& nameA, const QString& nameB)
{
    const Side sa{&a, nameA};
    const Side sb{&b, nameB};
    QList<IkeDiagnosis> out;
    const std::array<std::pair<Side, Side>, 2> pairs{std::pair{sa, sb}, std::pair{sb, sa}};

    for (const auto& [self, other] : pairs) {
        // The pre-shared key: the responder's MAC check failed.
        if (const IkeLogEvent* mac = find(self, QStringLiteral("but MAC mismatched"))) {
            IkeDiagnosis d;
            d.cause = tr("The pre-shared keys differ: %1 checked %2's authentication with its key, and it did not match.").arg(self.name, other.name);
            d.field = QStringLiteral("psk");
            d.fixedByPush = true;
            d.fix = tr("Give both gateways the same key: push the profile (with its key) to both again.");
            d.evidence << evidence(self, *mac);
            if (const IkeLogEvent* n = find(other, QStringLiteral("AUTHENTICATION_FAILED")))
                d.evidence << evidence(other, *n);
            out << d;
        }
        // IKEv1 Main Mode encrypts the identities with a key made from the pre-shared key: a
        // responder that cannot decrypt them has another key (charon: "invalid ID_V1 payload
        // length, decryption failed?").
        if (const IkeLogEvent* v1 = find(self, QStringLiteral("ID_V1 payload length, decryption failed"))) {
            IkeDiagnosis d;
            d.cause = tr("The pre-shared keys differ: %1 could not decrypt %2's identity (IKEv1 Main Mode encrypts it with a key made from the "
                         "pre-shared key).")
                          .arg(self.name, other.name);
            d.field = QStringLiteral("psk");
            d.fixedByPush = true;
            d.fix = tr("Give both gateways the same key: push the profile (with its key) to both again.");
            d.evidence << evidence(self, *v1);
            if (const IkeLogEvent* n = find(other, QStringLiteral("decryption failed")))
                d.evidence << evidence(other, *n);
            out << d;
        }
        if (auto d = proposals(self, other))
            out << *d;
        // Traffic selectors: the responder has no child for the networks asked.
        if (const IkeLogEvent* ts = find(self, QStringLiteral("unacceptable"))) {
            static const QRegularExpression sel(QStringLiteral("traffic selectors (.+) === (.+) unacceptable"));
            if (const auto m = sel.match(ts->message); m.hasMatch()) {
                IkeDiagnosis d;
                d.cause = tr("The networks differ: %1 was asked to carry %2 (its side) to %3 (%4's side) and has no tunnel for them.")
                              .arg(self.name, m.captured(1), m.captured(2), other.name);
                d.field = QStringLiteral("networks");
                d.fixedByPush = true;
                d.side = self.name;
                d.fix = tr("Both gateways must carry the same networks: push the profile to both again, or correct the networks of the "
                           "tunnel.");
                d.evidence << evidence(self, *ts);
                if (const IkeLogEvent* n = find(other, QStringLiteral("TS_UNACCEPTABLE")))
                    d.evidence << evidence(other, *n);
                out << d;
            }
        }
        // IKEv1 Quick Mode: "no matching CHILD_SA config found for TSi === TSr", the initiator's side first.
        if (const IkeLogEvent* qm = find(self, QStringLiteral("no matching CHILD_SA config found for "))) {
            static const QRegularExpression sel(QStringLiteral("found for (.+) === (.+)$"));
            if (const auto m = sel.match(qm->message); m.hasMatch()) {
                IkeDiagnosis d;
                d.cause = tr("The networks differ: %1 was asked to carry %2 (its side) to %3 (%4's side) and has no tunnel for them.")
                              .arg(self.name, m.captured(2), m.captured(1), other.name);
                d.field = QStringLiteral("networks");
                d.fixedByPush = true;
                d.side = self.name;
                d.fix = tr("Both gateways must carry the same networks: push the profile to both again, or correct the networks of the "
                           "tunnel.");
                d.evidence << evidence(self, *qm);
                if (const IkeLogEvent* n = find(other, QStringLiteral("INVALID_ID_INFORMATION")))
                    d.evidence << evidence(other, *n);
                out << d;
            }
        }
        // Identities: no connection for the pair of identities ("no peer config found": IKEv1).
        const IkeLogEvent* noPeer = find(self, QStringLiteral("no matching peer config found"));
        if (!noPeer)
            noPeer = find(self, QStringLiteral("no peer config found"));
        if (const IkeLogEvent* none = noPeer) {
            IkeDiagnosis d;
            QString ids;
            if (const IkeLogEvent* looking = find(self, QStringLiteral("peer configs matching ")))
                ids = looking->message.section(QStringLiteral("matching "), 1);
            d.cause = tr("The identities differ: %1 has no connection for %2 (its own, then %3's).").arg(self.name, ids.isEmpty() ? tr("them") : ids, other.name);
            d.field = QStringLiteral("identity");
            d.fixedByPush = true;
            d.side = self.name;
            d.fix = tr("Each gateway's identity must be what its peer expects: push the profile to both again, or correct the identities.");
            if (const IkeLogEvent* looking = find(self, QStringLiteral("peer configs matching ")))
                d.evidence << evidence(self, *looking);
            d.evidence << evidence(self, *none);
            if (const IkeLogEvent* n = find(other, QStringLiteral("AUTHENTICATION_FAILED")))
                d.evidence << evidence(other, *n);
            out << d;
        }
        // Addresses: no connection between these two addresses at all.
        if (const IkeLogEvent* none = find(self, QStringLiteral("no IKE config found for "))) {
            static const QRegularExpression addrs(QStringLiteral("no IKE config found for (\\S+)\\.\\.\\.(\\S+?),"));
            const auto m = addrs.match(none->message);
            IkeDiagnosis d;
            d.cause = tr("%1 has no connection between %2 (its own address) and %3: the addresses in the two gateways' configurations differ.")
                          .arg(self.name, m.captured(1), m.captured(2));
            d.field = QStringLiteral("publicAddress");
            d.side = self.name;
            d.fixedByPush = true;
            d.fix = tr("Push the profile to both gateways again, or correct the gateways' addresses (behind NAT: the interface address and "
                       "the public one).");
            d.evidence << evidence(self, *none);
            out << d;
        }
        // racoon (ipsec-tools), whose log names fewer details than charon's.
        if (const IkeLogEvent* nokey = find(self, QStringLiteral("couldn't find the pskey for "))) {
            IkeDiagnosis d;
            d.cause = tr("%1 has no pre-shared key for %2: racoon found no line for it in psk.txt.")
                          .arg(self.name, nokey->message.section(QStringLiteral("pskey for "), 1).chopped(nokey->message.endsWith(QLatin1Char('.')) ? 1 : 0));
            d.field = QStringLiteral("psk");
            d.side = self.name;
            d.fixedByPush = true;
            d.fix = tr("Push the profile (with its key) to %1 again, or add the peer's key to its psk.txt.").arg(self.name);
            d.evidence << evidence(self, *nokey);
            out << d;
        }
        // Proposals racoon refused: it does not log which transform differs.
        for (const bool esp : {false, true}) {
            const IkeLogEvent* refused = find(self, esp ? QStringLiteral("failed to get proposal for responder") : QStringLiteral("no suitable proposal found"));
            if (!refused)
                continue;
            IkeDiagnosis d;
            d.cause = (esp ? tr("The ESP proposals differ (phase 2): %1 found none of %2's proposals acceptable (racoon does not log which "
                                "transform differs).")
                           : tr("The IKE proposals differ (phase 1): %1 found none of %2's proposals acceptable (racoon does not log which "
                                "transform differs)."))
                          .arg(self.name, other.name);
            d.field = esp ? QStringLiteral("esp") : QStringLiteral("ike");
            d.fixedByPush = true;
            d.fix = esp ? tr("Both gateways must use the proposals of the same profile: push it again to both, or compare the ESP proposals.")
                        : tr("Both gateways must use the proposals of the same profile: push it again to both, or compare the IKE proposals.");
            d.evidence << evidence(self, *refused);
            out << d;
        }
        if (const IkeLogEvent* sainfo = find(self, QStringLiteral("failed to get sainfo"))) {
            IkeDiagnosis d;
            d.cause = tr("The networks differ: %1 has no sainfo (no tunnel) for the networks %2 asked for.").arg(self.name, other.name);
            d.field = QStringLiteral("networks");
            d.side = self.name;
            d.fixedByPush = true;
            d.fix = tr("Both gateways must carry the same networks: push the profile to both again, or correct the networks of the "
                       "tunnel.");
            d.evidence << evidence(self, *sainfo);
            out << d;
        }
        // The kernel refused what charon negotiated.
        for (const QString& needle : {QStringLiteral("unable to install IPsec policies"), QStringLiteral("unable to install inbound and outbound IPsec SA"),
                                      QStringLiteral("error installing route")}) {
            if (const IkeLogEvent* k = find(self, needle)) {
                IkeDiagnosis d;
                d.cause = tr("The kernel of %1 could not install the tunnel's policies, SAs or routes.").arg(self.name);
                d.field = QStringLiteral("gateway");
                d.side = self.name;
                d.fix = tr("Look at %1's kernel: IPsec (xfrm) support, a conflicting policy of another program, or (kernel-libipsec) an "
                           "address of the gateway inside each of its networks.")
                            .arg(self.name);
                d.evidence << evidence(self, *k);
                out << d;
                break;
            }
        }
    }

    // Retransmits: the request or its answer is lost on the way; the other side's log tells which.
    for (const auto& [self, other] : pairs) {
        const IkeLogEvent* retransmit = find(self, QStringLiteral("retransmit "));
        if (retransmit && !retransmit->message.contains(QLatin1String("of request with message ID")))
            retransmit = nullptr;
        if (!retransmit) // racoon gave up resending its phase 1
            retransmit = find(self, QStringLiteral("phase1 negotiation failed due to time up"));
        if (!retransmit)
            continue;
        if (self.events == &b && !haveB)
            continue;
        IkeDiagnosis d;
        d.field = QStringLiteral("publicAddress");
        d.evidence << evidence(self, *retransmit);
        const IkeLogEvent* answered = find(other, QStringLiteral("received retransmit of request"));
        if (!answered) // racoon: "the packet is retransmitted by ADDR[PORT] (N)."
            answered = find(other, QStringLiteral("the packet is retransmitted by"));
        if (other.events->isEmpty() && (other.events != &b || haveB)) {
            d.cause = tr("No packet from %1 arrives at %2: %1 sent its request again and again, and %2's log shows none of them. A "
                         "firewall or a route between them drops UDP 500/4500, or %2's IKE daemon does not listen on that address.")
                          .arg(self.name, other.name);
            d.fix = tr("Check %1's firewall for UDP 500 and 4500 from %2, the route between them, and that charon runs on %1.").arg(other.name, self.name);
            d.side = other.name;
        } else if (answered) {
            d.cause = tr("%2 answers, but its answers do not reach %1: %2 received the same request again and answered it again. A "
                         "firewall or NAT on the way back to %1 drops UDP 500/4500.")
                          .arg(self.name, other.name);
            d.fix = tr("Check %1's firewall for UDP 500 and 4500 from %2, and NAT between them.").arg(self.name, other.name);
            d.side = self.name;
            d.evidence << evidence(other, *answered);
        } else if (!haveB && other.events == &b) {
            d.cause = tr("%2 does not answer %1 (%2's log was not collected, so where the packets are lost is not known).").arg(self.name, other.name);
            d.fix = tr("Check the firewalls of both for UDP 500 and 4500, and that %1's IKE daemon runs.").arg(other.name);
        } else {
            continue;
        }
        out << d;
    }
    // What the logs said reaches causes and fixes too (proposals, identities, selectors): masked
    // like the evidence, so a crafted line cannot carry key material into a finding.
    for (IkeDiagnosis& d : out) {
        d.cause = IkeLog::masked(d.cause);
        d.fix = IkeLog::masked(d.fix);
        for (QString& e : d.evidence)
            e = IkeLog::masked(e);
    }
    return out;
}

} // namespace IkeDiagnose

} // namespace ipsecwiz
