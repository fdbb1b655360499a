#include "SnapshotParser.h"

#include "SetkeyParser.h"
#include "SwanctlParser.h"
#include "XfrmParser.h"

#include <cstring>
#include <limits>

namespace ipsecwiz {

namespace parsing {

    bool LineReader::next(Line& line)
    {
        if (m_pos >= m_data.size())
            return false;
        const qsizetype nl = m_data.indexOf('\n', m_pos);
        const qsizetype end = nl < 0 ? m_data.size() : nl;
        QByteArrayView text = m_data.sliced(m_pos, end - m_pos);
        if (!text.isEmpty() && text.back() == '\r')
            text.chop(1);
        m_pos = nl < 0 ? m_data.size() : nl + 1;
        line.text = text;
        line.number = ++m_number;
        return true;
    }

    QString StringCache::get(QByteArrayView s)
    {
        if (s.isEmpty())
            return {};
        if (s.size() > 64)
            return toQString(s);
        const char first = s.front();
        const char last = s.back();
        for (const Slot& slot : m_slots) {
            // Dates and addresses often share a length: the ends tell most of them apart cheaply.
            if (slot.key.size() == s.size() && slot.key.front() == first && slot.key.back() == last
                && std::memcmp(slot.key.constData(), s.data(), size_t(s.size())) == 0)
                return slot.value;
        }
        Slot& slot = m_slots[m_next];
        m_next = (m_next + 1) % Slots;
        slot.key = s.toByteArray();
        slot.value = toQString(s);
        return slot.value;
    }

    QByteArrayView trimmed(QByteArrayView s)
    {
        qsizetype b = 0;
        qsizetype e = s.size();
        while (b < e && isBlank(s[b]))
            ++b;
        while (e > b && isBlank(s[e - 1]))
            --e;
        return s.sliced(b, e - b);
    }

    qsizetype find(QByteArrayView hay, QByteArrayView needle, qsizetype from)
    {
        if (from < 0 || from > hay.size() || needle.isEmpty())
            return needle.isEmpty() ? from : -1;
        // The haystacks are single lines of a few dozen bytes: memchr for the first byte and a
        // compare beats memmem there, whose set-up costs more than such a line's whole search.
        if (hay.size() - from < needle.size())
            return -1;
        const char* p = hay.data() + from;
        const char* const last = hay.data() + hay.size() - needle.size();
        const char first = needle.front();
        while (p <= last) {
            p = static_cast<const char*>(memchr(p, first, size_t(last - p + 1)));
            if (!p)
                return -1;
            if (std::memcmp(p + 1, needle.data() + 1, size_t(needle.size() - 1)) == 0)
                return p - hay.data();
            ++p;
        }
        return -1;
    }

    QByteArrayView nextToken(QByteArrayView& rest)
    {
        qsizetype i = 0;
        const qsizetype n = rest.size();
        while (i < n && isBlank(rest[i]))
            ++i;
        qsizetype j = i;
        while (j < n && !isBlank(rest[j]))
            ++j;
        const QByteArrayView token = rest.sliced(i, j - i);
        rest = rest.sliced(j);
        return token;
    }

    std::optional<quint64> parseDec(QByteArrayView s)
    {
        if (s.isEmpty() || s.size() > 20)
            return std::nullopt;
        quint64 v = 0;
        for (char c : s) {
            if (c < '0' || c > '9')
                return std::nullopt;
            const quint64 d = quint64(c - '0');
            if (v > (std::numeric_limits<quint64>::max() - d) / 10)
                return std::nullopt;
            v = v * 10 + d;
        }
        return v;
    }

    std::optional<quint64> parseHex(QByteArrayView s)
    {
        if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
            s = s.sliced(2);
        if (s.isEmpty() || s.size() > 16)
            return std::nullopt;
        quint64 v = 0;
        for (char c : s) {
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                return std::nullopt;
            v = (v << 4) | quint64(d);
        }
        return v;
    }

    std::optional<quint64> parseDualNumber(QByteArrayView s)
    {
        const qsizetype paren = s.indexOf('(');
        const QByteArrayView first = paren < 0 ? s : s.first(paren);
        if (startsWith(first, "0x") || startsWith(first, "0X"))
            return parseHex(first);
        if (auto v = parseDec(first))
            return v;
        // The first form was unreadable (e.g. a redacted "SPISPI"): try the one in parentheses.
        if (paren >= 0 && s.endsWith(')')) {
            const QByteArrayView inner = s.sliced(paren + 1, s.size() - paren - 2);
            if (startsWith(inner, "0x") || startsWith(inner, "0X"))
                return parseHex(inner);
            return parseDec(inner);
        }
        return std::nullopt;
    }

    std::optional<quint64> parseLeadingDec(QByteArrayView s)
    {
        qsizetype n = 0;
        while (n < s.size() && s[n] >= '0' && s[n] <= '9')
            ++n;
        return parseDec(s.first(n));
    }

    QByteArrayView valueAfter(QByteArrayView line, QByteArrayView key)
    {
        qsizetype from = 0;
        while (true) {
            const qsizetype at = find(line, key, from);
            if (at < 0)
                return {};
            // Only at a token start: "seq=" must not match "sadb_seq=".
            if (at == 0 || isBlank(line[at - 1])) {
                QByteArrayView rest = line.sliced(at + key.size());
                qsizetype i = 0;
                while (i < rest.size() && isBlank(rest[i]))
                    ++i;
                qsizetype j = i;
                while (j < rest.size() && !isBlank(rest[j]))
                    ++j;
                return rest.sliced(i, j - i);
            }
            from = at + 1;
        }
    }

    QString toQString(QByteArrayView s)
    {
        // fromLatin1(data, -1) would strlen() past the view: never hand it a negative size.
        if (s.size() <= 0)
            return QString();
        return QString::fromLatin1(s.data(), s.size());
    }

    static bool isHexDigit(char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    bool looksLikeAddress(QByteArrayView token)
    {
        qsizetype end = token.size();
        for (qsizetype i = 0; i < token.size(); ++i) {
            if (token[i] == '%' || token[i] == '/' || token[i] == '[') {
                end = i;
                break;
            }
        }
        const QByteArrayView host = token.first(end);
        if (host.size() < 2)
            return false;
        int colons = 0;
        int dots = 0;
        for (char c : host) {
            if (c == ':')
                ++colons;
            else if (c == '.')
                ++dots;
            else if (!isHexDigit(c))
                return false;
        }
        if (colons >= 2)
            return true;
        if (colons == 0 && dots == 3) {
            for (char c : host) {
                if (c != '.' && (c < '0' || c > '9'))
                    return false;
            }
            return true;
        }
        return false;
    }

    bool splitAddress(QByteArrayView token, QByteArrayView& address, std::optional<quint16>& port, bool& anyPort)
    {
        port.reset();
        anyPort = false;
        const qsizetype br = token.indexOf('[');
        if (br < 0) {
            address = token;
            return looksLikeAddress(token);
        }
        if (!token.endsWith(']'))
            return false;
        address = token.first(br);
        const QByteArrayView p = token.sliced(br + 1, token.size() - br - 2);
        if (p == "any") {
            anyPort = true;
        } else {
            const auto v = parseDec(p);
            if (!v || *v > 65535)
                return false;
            port = quint16(*v);
        }
        return looksLikeAddress(address);
    }

    void reportUnknown(Snapshot& snapshot, const Line& line)
    {
        ++snapshot.unknownLineCount;
        if (snapshot.unknownLines.size() >= Snapshot::MaxReportedLines)
            return;
        const QByteArrayView text = line.text.first(qMin<qsizetype>(line.text.size(), Snapshot::MaxLineLength));
        QString printable;
        printable.reserve(text.size());
        for (char c : text) {
            const auto u = static_cast<unsigned char>(c);
            printable += (u == '\t' || (u >= 0x20 && u < 0x7f)) ? QLatin1Char(c) : QLatin1Char('?');
        }
        if (line.text.size() > Snapshot::MaxLineLength)
            printable += QStringLiteral("…");
        snapshot.unknownLines += QStringLiteral("line %1: %2").arg(line.number).arg(printable);
    }

    void warn(Snapshot& snapshot, const QString& message)
    {
        // A pathological input must not turn into a pathological list.
        constexpr int MaxWarnings = 100;
        if (snapshot.warnings.size() < MaxWarnings)
            snapshot.warnings += message;
        else if (snapshot.warnings.size() == MaxWarnings)
            snapshot.warnings += QStringLiteral("More warnings were left out.");
    }

    void noteEndedMidLine(Snapshot& snapshot, const LineReader& reader)
    {
        if (reader.endedMidLine()) {
            snapshot.truncated = true;
            warn(snapshot,
                QStringLiteral("The output ends in the middle of a line: the poll was cut off, "
                               "so the last entry is incomplete and was left out."));
        }
    }

    bool isHexLine(QByteArrayView s)
    {
        if (s.isEmpty())
            return false;
        for (char c : s) {
            const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && !isBlank(c))
                return false;
        }
        return true;
    }

} // namespace parsing

namespace SnapshotParser {

    using namespace parsing;

    SnapshotFormat detect(QByteArrayView text)
    {
        LineReader reader(text);
        Line line;
        int looked = 0;
        bool sawXfrmHeader = false;
        bool sawSetkeyHeader = false;
        while (reader.next(line) && looked < 400) {
            const QByteArrayView t = trimmed(line.text);
            if (t.isEmpty())
                continue;
            ++looked;
            if (t == "No SAD entries.")
                return SnapshotFormat::SetkeySad;
            if (t == "No SPD entries.")
                return SnapshotFormat::SetkeySpd;
            if (startsWith(t, "src ") && t.indexOf(" dst ") > 0) {
                sawXfrmHeader = true;
                continue;
            }
            if (sawXfrmHeader) {
                if (startsWith(t, "proto ") || startsWith(t, "replay-window") || startsWith(t, "auth") || startsWith(t, "enc ")
                    || startsWith(t, "aead "))
                    return SnapshotFormat::XfrmState;
                if (startsWith(t, "dir ") || startsWith(t, "socket ") || startsWith(t, "tmpl "))
                    return SnapshotFormat::XfrmPolicy;
            }
            // swanctl: "name: #1, ESTABLISHED, IKEv2, …" at the left margin
            if (const qsizetype hash = t.indexOf(": #");
                hash > 0 && !isBlank(line.text[0]) && (t.indexOf(", IKEv1") > hash || t.indexOf(", IKEv2") > hash))
                return SnapshotFormat::Swanctl;
            // setkey: "SRC DST" (an SA) or "SRC DST PROTO" (a policy); looksLikeAddress stops at "[port]"
            QByteArrayView rest = t;
            const QByteArrayView first = nextToken(rest);
            const QByteArrayView second = nextToken(rest);
            if (looksLikeAddress(first) && !second.isEmpty() && looksLikeAddress(second)) {
                sawSetkeyHeader = true;
                // A third token (the upper-layer protocol) means a policy.
                if (!trimmed(rest).isEmpty())
                    return SnapshotFormat::SetkeySpd;
                continue;
            }
            if (startsWith(t, "(per-socket policy)") || startsWith(t, "(no selector"))
                return SnapshotFormat::SetkeySpd;
            if (t.indexOf(" mode=") > 0 && t.indexOf(" spi=") > 0)
                return SnapshotFormat::SetkeySad;
            if (sawSetkeyHeader && (startsWith(t, "spid=") || startsWith(t, "in ") || startsWith(t, "out ") || startsWith(t, "fwd ")))
                return SnapshotFormat::SetkeySpd;
        }
        return SnapshotFormat::Auto;
    }

    Snapshot parse(QByteArrayView text, SnapshotFormat format)
    {
        if (format == SnapshotFormat::Auto)
            format = detect(text);
        switch (format) {
        case SnapshotFormat::SetkeySad:
        case SnapshotFormat::SetkeySpd: {
            Snapshot s = SetkeyParser::parse(text);
            if (s.format == SnapshotFormat::Auto)
                s.format = format;
            return s;
        }
        case SnapshotFormat::XfrmState:
        case SnapshotFormat::XfrmPolicy: {
            Snapshot s = XfrmParser::parse(text);
            if (s.format == SnapshotFormat::Auto)
                s.format = format;
            return s;
        }
        case SnapshotFormat::Swanctl:
            return SwanctlParser::parse(text);
        case SnapshotFormat::Auto:
            break;
        }
        // Nothing recognisable: every non-empty line is reported, so the admin sees what came back.
        Snapshot s;
        LineReader reader(text);
        Line line;
        bool any = false;
        while (reader.next(line)) {
            if (trimmed(line.text).isEmpty())
                continue;
            any = true;
            reportUnknown(s, line);
        }
        if (any)
            warn(s,
                QStringLiteral("The output is not one the monitor can read (setkey -D/-DP, ip xfrm "
                               "state/policy, swanctl --list-sas); its lines are listed as unknown."));
        return s;
    }

    Snapshot parse(QStringView text, SnapshotFormat format)
    {
        return parse(QByteArrayView(text.toUtf8()), format);
    }

} // namespace SnapshotParser

namespace {

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

QByteArray maskedHex(QByteArrayView hex)
{
    SecretKey k;
    k.hex = hex.toByteArray();
    return k.masked().toUtf8();
}

// Masks the tokens of LINE from the FIRST-th on (0-based) for which IS_KEY holds, keeping the
// whitespace between tokens as it was.
template<typename Pred>
QByteArray maskTokens(QByteArrayView line, int first, Pred isKey)
{
    QByteArray out;
    out.reserve(line.size() + 32);
    qsizetype i = 0;
    int n = 0;
    while (i < line.size()) {
        if (parsing::isBlank(line[i])) {
            out += line[i++];
            continue;
        }
        qsizetype j = i;
        while (j < line.size() && !parsing::isBlank(line[j]))
            ++j;
        const QByteArrayView token = line.sliced(i, j - i);
        out += n++ >= first && isKey(token) ? maskedHex(token.startsWith("0x") ? token.sliced(2) : token) : token.toByteArray();
        i = j;
    }
    return out;
}

bool allHex(QByteArrayView t)
{
    if (t.isEmpty())
        return false;
    for (char c : t)
        if (!isHexDigit(c))
            return false;
    return true;
}

bool longHexLiteral(QByteArrayView t)
{
    return t.size() >= 34 && t.startsWith("0x") && allHex(t.sliced(2));
}

} // namespace

QByteArray SnapshotParser::maskKeyMaterial(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    bool inKey = false; // setkey wraps long keys onto lines of hex groups
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        const bool hasNewline = end >= 0;
        if (!hasNewline)
            end = text.size();
        const QByteArrayView line = text.sliced(start, end - start);
        const QByteArrayView t = parsing::trimmed(line);
        QByteArrayView rest = t;
        const QByteArrayView word = parsing::nextToken(rest);
        if (word == "E:" || word == "A:" || word == "C:") {
            out += maskTokens(line, 2, allHex);
            inKey = true;
        } else if (inKey && parsing::isHexLine(t)) {
            out += maskTokens(line, 0, allHex);
        } else {
            inKey = false;
            if (word == "enc" || word == "auth" || word == "auth-trunc" || word == "aead")
                out += maskTokens(line, 2, [](QByteArrayView tok) { return tok.startsWith("0x") && allHex(tok.sliced(2)); });
            else
                out += maskTokens(line, 0, longHexLiteral);
        }
        if (hasNewline)
            out += '\n';
        start = end + 1;
    }
    return out;
}

} // namespace ipsecwiz
