#include "JsonWriter.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <cstring>

namespace ipsecwiz {

namespace {

// Enough to make each write() to a pipe or file worth its system call, small enough not to count.
constexpr qsizetype DrainBytes = 64 * 1024;

constexpr char Spaces[] = "                                                                "
                          "                                                                ";

inline char hexDigit(uint v)
{
    return char(v < 10 ? '0' + v : 'a' + v - 10);
}

char* unicodeEscape(char* dst, char16_t u)
{
    *dst++ = '\\';
    *dst++ = 'u';
    *dst++ = hexDigit(u >> 12 & 0xf);
    *dst++ = hexDigit(u >> 8 & 0xf);
    *dst++ = hexDigit(u >> 4 & 0xf);
    *dst++ = hexDigit(u & 0xf);
    return dst;
}

// At most this many bytes for each UTF-16 code unit ("\u001f", or a lone surrogate's escape).
constexpr qsizetype MaxEscapedPerUnit = 6;

// Writes `text` escaped at dst, which has room for MaxEscapedPerUnit bytes a code unit; returns
// the end of what it wrote.
char* escapeInto(char* dst, QStringView text)
{
    const char16_t* src = text.utf16();
    const char16_t* const end = src + text.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                *dst++ = char(u);
                continue;
            }
            *dst++ = '\\';
            switch (u) {
            case u'"': *dst++ = '"'; break;
            case u'\\': *dst++ = '\\'; break;
            case u'\b': *dst++ = 'b'; break;
            case u'\f': *dst++ = 'f'; break;
            case u'\n': *dst++ = 'n'; break;
            case u'\r': *dst++ = 'r'; break;
            case u'\t': *dst++ = 't'; break;
            default: dst = unicodeEscape(dst - 1, u); break;
            }
        } else if (u < 0x800) {
            *dst++ = char(0xc0 | (u >> 6));
            *dst++ = char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *dst++ = char(0xe0 | (u >> 12));
            *dst++ = char(0x80 | ((u >> 6) & 0x3f));
            *dst++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t cp = QChar::surrogateToUcs4(u, *src++);
            *dst++ = char(0xf0 | (cp >> 18));
            *dst++ = char(0x80 | ((cp >> 12) & 0x3f));
            *dst++ = char(0x80 | ((cp >> 6) & 0x3f));
            *dst++ = char(0x80 | (cp & 0x3f));
        } else {
            // Not UTF-16 (a lone surrogate): QJsonDocument escapes it, and so must we to match.
            dst = unicodeEscape(dst, u);
        }
    }
    return dst;
}

} // namespace

JsonWriter::JsonWriter(Layout layout) : m_layout(layout) {}

JsonWriter::JsonWriter(QIODevice* device, Layout layout) : m_device(device), m_layout(layout)
{
    m_text.resize(DrainBytes + 4096);
}

JsonWriter::~JsonWriter() = default;

void JsonWriter::appendEscaped(QByteArray& out, QStringView text)
{
    const qsizetype at = out.size();
    out.resize(at + MaxEscapedPerUnit * text.size());
    out.truncate(escapeInto(out.data() + at, text) - out.constData());
}

void JsonWriter::grow(qsizetype n)
{
    m_text.resize(qMax(m_used + n, 2 * m_text.size() + 256));
}

void JsonWriter::put(const char* text, qsizetype n)
{
    std::memcpy(room(n), text, size_t(n));
    m_used += n;
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Q_ASSERT_X(!m_levels.last().isObject, "JsonWriter", "a value in an object needs a key");
    beginMember();
}

void JsonWriter::beginMember()
{
    Level& level = m_levels.last();
    if (level.count++)
        put(',');
    if (m_layout == Indented) {
        // "[\n" and "{\n" have already broken the line before the first one.
        if (level.count > 1)
            put('\n');
        for (qsizetype n = 4 * m_levels.size(); n > 0; n -= sizeof(Spaces) - 1)
            put(Spaces, qMin(n, qsizetype(sizeof(Spaces) - 1)));
    }
}

JsonWriter& JsonWriter::key(QLatin1StringView name)
{
    Q_ASSERT_X(!m_levels.isEmpty() && m_levels.last().isObject && !m_afterKey, "JsonWriter", "a key outside an object");
#ifndef QT_NO_DEBUG
    // QJsonObject would have sorted them; out of order, the text would differ from its.
    Level& level = m_levels.last();
    Q_ASSERT_X(level.count == 0 || level.lastKey < QByteArrayView(name.data(), name.size()), "JsonWriter", "keys out of order");
    level.lastKey = QByteArray(name.data(), name.size());
#endif
    beginMember();
    put('"');
    put(name.data(), name.size());
    if (m_layout == Indented)
        put("\": ", 3);
    else
        put("\":", 2);
    m_afterKey = true;
    return *this;
}

void JsonWriter::beginContainer(char open)
{
    beforeValue();
    put(open);
    if (m_layout == Indented)
        put('\n');
    Level level;
    level.isObject = open == '{';
    m_levels.append(level);
}

void JsonWriter::endContainer(char close)
{
    Q_ASSERT_X(!m_levels.isEmpty() && m_levels.last().isObject == (close == '}') && !m_afterKey, "JsonWriter", "unbalanced");
    const bool empty = m_levels.last().count == 0;
    m_levels.removeLast();
    if (m_layout == Indented) {
        if (!empty)
            put('\n');
        for (qsizetype n = 4 * m_levels.size(); n > 0; n -= sizeof(Spaces) - 1)
            put(Spaces, qMin(n, qsizetype(sizeof(Spaces) - 1)));
    }
    put(close);
    if (m_levels.isEmpty() && m_layout == Indented)
        put('\n');
    drainIfFull();
}

void JsonWriter::beginObject()
{
    beginContainer('{');
}

void JsonWriter::endObject()
{
    endContainer('}');
}

void JsonWriter::beginArray()
{
    beginContainer('[');
}

void JsonWriter::endArray()
{
    endContainer(']');
}

void JsonWriter::string(QStringView text)
{
    beforeValue();
    char* dst = room(MaxEscapedPerUnit * text.size() + 2);
    char* const start = dst;
    *dst++ = '"';
    dst = escapeInto(dst, text);
    *dst++ = '"';
    m_used += dst - start;
}

void JsonWriter::number(quint64 value)
{
    // Up to 2^53 the double is exact and prints as this integer; above, its rounding is printed.
    if (value > (quint64(1) << 53)) {
        number(double(value));
        return;
    }
    beforeValue();
    char digits[20];
    char* const end = digits + sizeof(digits);
    char* p = end;
    do {
        *--p = char('0' + value % 10);
        value /= 10;
    } while (value);
    put(p, end - p);
}

void JsonWriter::number(double value)
{
    // QJsonValue keeps a whole double up to 2^53 as an integer and prints it in full; anything
    // else goes through the shortest 'g' form ("1e+16"), and what is not finite becomes null.
    constexpr double ExactLimit = 9007199254740992.0; // 2^53
    if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) <= ExactLimit) {
        if (value < 0) {
            beforeValue();
            const QByteArray digits = QByteArray::number(qint64(value));
            put(digits.constData(), digits.size());
        } else {
            number(quint64(value));
        }
        return;
    }
    beforeValue();
    const QByteArray text = std::isfinite(value) ? QByteArray::number(value, 'g', QLocale::FloatingPointShortest) : QByteArray("null");
    put(text.constData(), text.size());
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    if (value)
        put("true", 4);
    else
        put("false", 5);
}

void JsonWriter::value(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        boolean(v.toBool());
        break;
    case QJsonValue::Double:
        // The program puts its numbers in as doubles; a qint64 above 2^53 would print in full
        // from QJsonDocument but rounded here (the public API cannot tell the two apart).
        number(v.toDouble());
        break;
    case QJsonValue::String:
        string(v.toString());
        break;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray a = v.toArray();
        for (const QJsonValue& e : a)
            value(e);
        endArray();
        break;
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            // Already in QJsonObject's order. A key the program chose is ASCII; it is escaped all
            // the same, so any other one stays valid JSON.
            beginMember();
            const QString name = it.key();
            char* dst = room(MaxEscapedPerUnit * name.size() + 4);
            char* const start = dst;
            *dst++ = '"';
            dst = escapeInto(dst, name);
            *dst++ = '"';
            *dst++ = ':';
            if (m_layout == Indented)
                *dst++ = ' ';
            m_used += dst - start;
            m_afterKey = true;
            value(it.value());
        }
        endObject();
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        beforeValue();
        put("null", 4);
        break;
    }
}

void JsonWriter::strings(const QStringList& list)
{
    beginArray();
    for (const QString& s : list)
        string(s);
    endArray();
}

QByteArray JsonWriter::takeText()
{
    m_text.truncate(m_used);
    m_used = 0;
    return std::exchange(m_text, QByteArray());
}

bool JsonWriter::flush()
{
    if (m_device && m_used) {
        if (!m_deviceFailed && m_device->write(m_text.constData(), m_used) != m_used)
            m_deviceFailed = true;
        m_used = 0;
    }
    return !m_deviceFailed;
}

void JsonWriter::drainIfFull()
{
    if (m_device && m_used >= DrainBytes)
        flush();
}

} // namespace ipsecwiz
