#pragma once

// Turns the raw text of one monitor poll into a Snapshot: detects which tool printed it
// (setkey -D / -DP, ip xfrm state / policy, swanctl --list-sas) and hands it to that parser.
// No I/O: the text comes from the poller, a file or a test.

#include "SecuritySnapshot.h"

#include <QByteArrayView>
#include <QStringView>

#include <cstring>

namespace ipsecwiz {

namespace SnapshotParser {

    // Which tool printed `text`, from its first recognisable lines; Auto when none matches
    // (including empty text, which every tool prints for an empty database except setkey).
    [[nodiscard]] SnapshotFormat detect(QByteArrayView text);

    // Parses with the given format, or the detected one for Auto. Never fails: what it cannot read
    // ends up in unknownLines and warnings.
    [[nodiscard]] Snapshot parse(QByteArrayView text, SnapshotFormat format = SnapshotFormat::Auto);
    [[nodiscard]] Snapshot parse(QStringView text, SnapshotFormat format = SnapshotFormat::Auto);

    // The tools' own output with the live SAs' keys masked as SecretKey::masked() does: setkey's
    // "E:"/"A:" keys and their wrapped lines, ip xfrm's enc/auth/aead keys, and any other 0x run
    // of 32 or more hex digits. Everything else is kept as it is.
    [[nodiscard]] QByteArray maskKeyMaterial(QByteArrayView text);

} // namespace SnapshotParser

// Helpers the format parsers share. Lines are views into the caller's text: nothing is copied
// until a field is stored.
namespace parsing {

    struct Line
    {
        QByteArrayView text; // without the line break (and without a trailing '\r')
        int number = 0; // 1-based
    };

    class LineReader final
    {
    public:
        explicit LineReader(QByteArrayView data)
            : m_data(data)
        {
        }

        bool next(Line& line);
        // The text did not end with a line break: the last line may be cut.
        [[nodiscard]] bool endedMidLine() const { return !m_data.isEmpty() && m_data.back() != '\n'; }
        [[nodiscard]] bool atEnd() const { return m_pos >= m_data.size(); }

    private:
        QByteArrayView m_data;
        qsizetype m_pos = 0;
        int m_number = 0;
    };

    // Values that repeat from entry to entry (protocol, mode, state, algorithm, the dump's
    // timestamp, a gateway's address) share one QString instead of allocating one per entry: a
    // 10,000-SA dump is mostly such values.
    // One cache per kind of field keeps the search short and the hit rate high.
    class StringCache final
    {
    public:
        [[nodiscard]] QString get(QByteArrayView s);

    private:
        struct Slot
        {
            QByteArray key;
            QString value;
        };
        static constexpr int Slots = 4;
        Slot m_slots[Slots];
        int m_next = 0;
    };

    // startsWith for a literal, inlined (QByteArrayView's goes through strlen and a library call,
    // which shows up when every line of a 5 MB dump is tested against a dozen prefixes).
    template <qsizetype N> [[nodiscard]] inline bool startsWith(QByteArrayView s, const char (&literal)[N])
    {
        return s.size() >= N - 1 && std::memcmp(s.data(), literal, N - 1) == 0;
    }

    [[nodiscard]] inline bool isBlank(char c)
    {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    }
    [[nodiscard]] QByteArrayView trimmed(QByteArrayView s);
    // Hex digits in groups and nothing else: a wrapped key (setkey) or a replay bitmap (ip xfrm).
    [[nodiscard]] bool isHexLine(QByteArrayView s);
    // Where `needle` occurs in `hay` at or after `from`, or -1. Made for what these parsers do
    // on every line: look for a short key ("spi=", "hard:") in a line of a few dozen bytes.
    [[nodiscard]] qsizetype find(QByteArrayView hay, QByteArrayView needle, qsizetype from = 0);
    // Splits off the next whitespace-separated token; empty when none is left.
    [[nodiscard]] QByteArrayView nextToken(QByteArrayView& rest);
    [[nodiscard]] std::optional<quint64> parseDec(QByteArrayView s);
    [[nodiscard]] std::optional<quint64> parseHex(QByteArrayView s); // with or without 0x
    // "123(0x0000007b)" or "0x7b(123)" or "123" or "0x7b": the number either way round.
    [[nodiscard]] std::optional<quint64> parseDualNumber(QByteArrayView s);
    // Leading digits of "93(s)" / "3008(bytes)".
    [[nodiscard]] std::optional<quint64> parseLeadingDec(QByteArrayView s);
    // The value after "key" in "a=1 key=2 b=3" (key includes the '=' or ':'); empty if absent.
    [[nodiscard]] QByteArrayView valueAfter(QByteArrayView line, QByteArrayView key);
    [[nodiscard]] QString toQString(QByteArrayView s);
    // An address as printed by setkey/ip: "192.0.2.1", "2001:db8::1", "10.1.0.0/24", with an
    // optional "[port]" or "[any]"; splits off the port.
    [[nodiscard]] bool splitAddress(QByteArrayView token, QByteArrayView& address, std::optional<quint16>& port, bool& anyPort);
    [[nodiscard]] bool looksLikeAddress(QByteArrayView token);

    // Records a line the parser did not understand (capped, printable, cut to a sane length).
    void reportUnknown(Snapshot& snapshot, const Line& line);
    void warn(Snapshot& snapshot, const QString& message);
    // Applies the "the text ended mid-line" rule once parsing is done.
    void noteEndedMidLine(Snapshot& snapshot, const LineReader& reader);

} // namespace parsing

} // namespace ipsecwiz
