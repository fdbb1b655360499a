#include "SetkeySummary.h"

#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

// Every rule here is the whole program's, read off model/monitor/SetkeyParser.cpp (which lines
// start an SA, which it reads, how the SPI and byte count are taken), SnapshotParser.cpp (what
// `--format auto` decides) and SnapshotExport.cpp (the summary line). Where those are lenient
// (odd spacing, a redacted SPI, a missing line, a warning), this says no instead of following
// them: TestSetkeySummary and fuzz_setkey_summary hold the two side by side.

namespace ipsecwiz::SetkeySummary {

namespace {

    using View = std::string_view;

    bool isBlank(char c) { return c == ' ' || c == '\t'; }
    bool isDigit(char c) { return c >= '0' && c <= '9'; }
    bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
    bool isLower(char c) { return c >= 'a' && c <= 'z'; }
    // For a literal, so the compare is inlined (a dozen prefixes are tried on most lines).
    template <std::size_t N> bool startsWith(View s, const char (&prefix)[N])
    {
        return s.size() >= N - 1 && std::memcmp(s.data(), prefix, N - 1) == 0;
    }

    bool plainByte(unsigned char c) { return (c >= 0x20 && c < 0x7f) || c == '\t'; }

    // The end of the line at P (its '\n'; the text ends with one), and whether every byte looked
    // at is printable ASCII or a tab: no '\r', '\f' or '\v' (the parser's other blanks), no NUL,
    // nothing the parser would print as '?'. One pass for both, sixteen bytes a step: this looks at
    // every byte of a 5 MB file, and the whole process has a few milliseconds.
    const char* lineEnd(const char* p, const char* end, bool& plain)
    {
#ifdef __SSE2__
        const __m128i newline = _mm_set1_epi8('\n');
        const __m128i tab = _mm_set1_epi8('\t');
        const __m128i space = _mm_set1_epi8(0x20);
        const __m128i del = _mm_set1_epi8(0x7f);
        while (end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            const __m128i nl = _mm_cmpeq_epi8(v, newline);
            // Signed: below 0x20 is a control character, or 0x80 and above.
            const __m128i low = _mm_andnot_si128(_mm_or_si128(nl, _mm_cmpeq_epi8(v, tab)), _mm_cmplt_epi8(v, space));
            if (_mm_movemask_epi8(_mm_or_si128(low, _mm_cmpeq_epi8(v, del))))
                plain = false;
            if (const int at = _mm_movemask_epi8(nl))
                return p + __builtin_ctz(unsigned(at));
            p += 16;
        }
#endif
        for (; *p != '\n'; ++p)
            if (!plainByte(static_cast<unsigned char>(*p)))
                plain = false;
        return p;
    }

    View trimmed(View s)
    {
        std::size_t b = 0;
        std::size_t e = s.size();
        while (b < e && isBlank(s[b]))
            ++b;
        while (e > b && isBlank(s[e - 1]))
            --e;
        return s.substr(b, e - b);
    }

    View token(View& rest)
    {
        std::size_t i = 0;
        while (i < rest.size() && isBlank(rest[i]))
            ++i;
        std::size_t j = i;
        while (j < rest.size() && !isBlank(rest[j]))
            ++j;
        const View t = rest.substr(i, j - i);
        rest.remove_prefix(j);
        return t;
    }

    bool hexLine(View t)
    {
        for (char c : t)
            if (!isHex(c) && !isBlank(c))
                return false;
        return true;
    }

    // parsing::looksLikeAddress, for a host that holds no '%', '/' or '['.
    bool looksLikeHost(View h)
    {
        if (h.size() < 2)
            return false;
        int colons = 0;
        int dots = 0;
        bool digitsOnly = true;
        for (char c : h) {
            if (c == ':')
                ++colons;
            else if (c == '.')
                ++dots;
            else if (!isHex(c))
                return false;
            else if (!isDigit(c))
                digitsOnly = false;
        }
        return colons >= 2 || (colons == 0 && dots == 3 && digitsOnly);
    }

    // One end of an SA's first line, "192.0.2.1" or "2001:db8::1[4500]"; HOST is what is printed.
    bool address(View t, View& host)
    {
        const std::size_t bracket = t.find('[');
        host = t.substr(0, bracket);
        if (!looksLikeHost(host))
            return false;
        if (bracket == View::npos)
            return true;
        const View port = t.substr(bracket + 1);
        if (port == "any]")
            return true;
        if (port.size() < 2 || port.size() > 6 || port.back() != ']')
            return false;
        std::uint32_t v = 0;
        for (char c : port.substr(0, port.size() - 1)) {
            if (!isDigit(c))
                return false;
            v = v * 10 + std::uint32_t(c - '0');
        }
        return v <= 65535;
    }

    // DIGITS with at most MAX of them, as parsing::parseDec reads them.
    bool decimal(View& rest, std::size_t max, std::uint64_t& value)
    {
        std::size_t n = 0;
        value = 0;
        while (n < rest.size() && isDigit(rest[n])) {
            if (n == max)
                return false;
            const std::uint64_t d = std::uint64_t(rest[n] - '0');
            if (value > (UINT64_MAX - d) / 10)
                return false;
            value = value * 10 + d;
            ++n;
        }
        rest.remove_prefix(n);
        return n > 0;
    }

    template <std::size_t N> bool expect(View& rest, const char (&literal)[N])
    {
        if (!startsWith(rest, literal))
            return false;
        rest.remove_prefix(N - 1);
        return true;
    }

    // "123(0x0000007b)": the form setkey prints for the SPI and the reqid, the decimal at most ten
    // digits and 32 bits (what parsing::parseDualNumber reads from it), the hex one to eight digits.
    bool dualNumber(View& rest, std::uint64_t& value)
    {
        const std::size_t size = rest.size();
        const char* const s = rest.data();
        std::size_t n = 0;
        value = 0;
        for (; n < size && isDigit(s[n]); ++n) {
            if (n == 10)
                return false;
            value = value * 10 + std::uint64_t(s[n] - '0');
        }
        if (n == 0 || value > 0xffffffffu || size - n < 3 || std::memcmp(s + n, "(0x", 3) != 0)
            return false;
        std::size_t h = n + 3;
        while (h < size && isHex(s[h]))
            ++h;
        if (h == n + 3 || h > n + 11 || h == size || s[h] != ')')
            return false;
        rest.remove_prefix(h + 1);
        return true;
    }

    struct Sa
    {
        View src, dst, proto, state, enc;
        std::uint32_t spi = 0;
        std::uint64_t bytes = 0;
        bool hasProto = false;
        bool hasBytes = false;
        bool complete = false; // its "sadb_seq=" line was there
    };

    // "esp mode=tunnel spi=186578041(0x0b1ef479) reqid=0(0x00000000)", exactly so.
    bool protocolLine(View t, Sa& sa)
    {
        View rest = t;
        const std::size_t space = rest.find(' ');
        const View proto = rest.substr(0, space);
        if (proto != "esp" && proto != "ah" && proto != "ipcomp" && proto != "esp-udp" && proto != "tcp")
            return false;
        rest.remove_prefix(proto.size());
        if (!expect(rest, " mode="))
            return false;
        std::size_t n = 0;
        while (n < rest.size() && isLower(rest[n]))
            ++n;
        if (n == 0)
            return false;
        rest.remove_prefix(n);
        std::uint64_t spi = 0;
        std::uint64_t reqid = 0;
        if (!expect(rest, " spi=") || !dualNumber(rest, spi) || !expect(rest, " reqid=") || !dualNumber(rest, reqid) || !rest.empty())
            return false;
        sa.proto = proto;
        sa.spi = std::uint32_t(spi);
        sa.hasProto = true;
        return true;
    }

    // "seq=0x00000000 replay=4 flags=0x00000000 state=mature": the state is the first token that
    // starts with "state=" (parsing::valueAfter); a line without one leaves the SA without a state.
    bool seqPart(View t, Sa& sa)
    {
        sa.state = {};
        for (std::size_t at = t.find("state="); at != View::npos; at = t.find("state=", at + 1)) {
            if (at > 0 && !isBlank(t[at - 1]))
                continue;
            std::size_t e = at + 6;
            while (e < t.size() && isLower(t[e]))
                ++e;
            // Nothing, or anything but lower-case letters up to the next blank: say no.
            if (e == at + 6 || (e < t.size() && !isBlank(t[e])))
                return false;
            sa.state = t.substr(at + 6, e - at - 6);
            return true;
        }
        return true;
    }

    // The indented lines of an SA that SetkeyParser reads without a warning; the others say no.
    // SetkeyParser first tries every line as the start of an entry, indented or not, and takes
    // any whose first word looks like an address ("\tA::8:2::4 2001:db8::3" starts an SA): so
    // every line taken here has a first word that cannot — a fixed word with a letter other than
    // a-f in it ("created:", "seq=", "esp"), "E:", "A:" or "C:" followed by a blank, or hex digits
    // without ':' or '.' (a wrapped key).
    bool bodyLine(View t, Sa& sa, bool& afterKey)
    {
        if (t.size() > 2 && t[1] == ':' && (t[0] == 'E' || t[0] == 'A' || t[0] == 'C') && !isBlank(t[2]))
            return false;
        if (t.size() >= 2 && t[1] == ':' && (t[0] == 'E' || t[0] == 'A')) {
            View rest = t.substr(2);
            const View alg = token(rest);
            if (alg.empty())
                return false;
            if (t[0] == 'E')
                sa.enc = alg;
            afterKey = true; // a long key goes on over lines of hex groups
            return true;
        }
        if (startsWith(t, "C:")) {
            View rest = t.substr(2);
            if (token(rest).empty())
                return false;
            rest = trimmed(rest);
            return rest.empty() || (startsWith(rest, "seq=") && seqPart(rest, sa));
        }
        if (startsWith(t, "seq="))
            return seqPart(t, sa);
        if (startsWith(t, "created:") || startsWith(t, "diff:") || startsWith(t, "last:") || startsWith(t, "allocated:"))
            return true;
        if (startsWith(t, "current:")) {
            View rest = t.substr(8);
            while (!rest.empty() && isBlank(rest.front()))
                rest.remove_prefix(1);
            if (!decimal(rest, 20, sa.bytes))
                return false;
            sa.hasBytes = true;
            return true;
        }
        if (startsWith(t, "sadb_seq=")) {
            sa.complete = true;
            return true;
        }
        if (startsWith(t, "NAT OA=") || startsWith(t, "security context"))
            return true;
        return protocolLine(t, sa);
    }

    char* putNumber(char* w, std::uint64_t v)
    {
        char digits[20];
        int n = 0;
        do {
            digits[n++] = char('0' + v % 10);
            v /= 10;
        } while (v);
        while (n)
            *w++ = digits[--n];
        return w;
    }

    char* put(char* w, View s)
    {
        std::memcpy(w, s.data(), s.size());
        return w + s.size();
    }

    // SnapshotExport::text's line for a complete SA with its protocol line and a state, written
    // in place: 10,000 of them, and a growing string's checks per piece showed in the profile.
    bool emit(const Sa& sa, std::string& out)
    {
        if (!sa.complete || !sa.hasProto || sa.state.empty())
            return false;
        const std::size_t at = out.size();
        out.resize(at + sa.src.size() + sa.dst.size() + sa.proto.size() + sa.state.size() + sa.enc.size() + 72);
        char* w = out.data() + at;
        w = put(w, "  SA  ");
        w = put(w, sa.src);
        w = put(w, " -> ");
        w = put(w, sa.dst);
        *w++ = ' ';
        w = put(w, sa.proto);
        w = put(w, " spi 0x");
        for (int i = 0; i < 8; ++i) {
            const unsigned nibble = (sa.spi >> (28 - 4 * i)) & 0xf;
            *w++ = char(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }
        *w++ = ' ';
        w = put(w, sa.state);
        if (!sa.enc.empty()) {
            *w++ = ' ';
            w = put(w, sa.enc);
        }
        if (sa.hasBytes) {
            *w++ = ' ';
            w = putNumber(w, sa.bytes);
            w = put(w, " bytes");
        }
        *w++ = '\n';
        out.resize(std::size_t(w - out.data()));
        return true;
    }

    // `--format auto` reads at most this many lines to decide; the first SA's protocol line
    // (" mode=" and " spi=") must come before it, or the detection could end elsewhere.
    constexpr std::size_t DetectionLines = 400;

} // namespace

bool summary(std::string_view text, Summary& out)
{
    out.header.clear();
    out.lines.clear();
    if (text.empty() || text.size() > MaxInputBytes || text.back() != '\n')
        return false;
    if (text == "No SAD entries.\n") {
        out.header = "setkey: 0 SAs, 0 policies, 0 IKE SAs\n";
        out.lines = "  (no SAs)\n";
        return true;
    }
    out.lines.reserve(text.size() / 4);
    Sa sa;
    bool inSa = false;
    bool afterKey = false;
    bool sawProtocol = false;
    std::uint64_t count = 0;
    std::size_t lineNumber = 0;
    const char* const end = text.data() + text.size();
    for (const char* p = text.data(); p < end;) {
        bool plain = true;
        const char* nl = lineEnd(p, end, plain);
        const View line(p, std::size_t(nl - p));
        p = nl + 1;
        ++lineNumber;
        if (line.empty() || !plain)
            return false;
        if (!isBlank(line[0])) {
            // "SRC DST": an SA begins (a third word would make it a policy).
            if (inSa && !emit(sa, out.lines))
                return false;
            ++count;
            View rest = line;
            const View a = token(rest);
            const View b = token(rest);
            sa = Sa();
            if (b.empty() || !trimmed(rest).empty() || !address(a, sa.src) || !address(b, sa.dst))
                return false;
            inSa = true;
            afterKey = false;
            continue;
        }
        const View t = trimmed(line);
        if (!inSa || t.empty())
            return false;
        if (afterKey && hexLine(t))
            continue;
        afterKey = false;
        const bool hadProtocol = sa.hasProto;
        if (!bodyLine(t, sa, afterKey))
            return false;
        if (!sawProtocol && sa.hasProto && !hadProtocol) {
            if (lineNumber >= DetectionLines)
                return false;
            sawProtocol = true;
        }
    }
    if (!inSa || !emit(sa, out.lines))
        return false;
    char digits[20];
    out.header = "setkey: ";
    out.header.append(digits, std::size_t(putNumber(digits, count) - digits));
    out.header += " SAs, 0 policies, 0 IKE SAs\n";
    return true;
}

} // namespace ipsecwiz::SetkeySummary
