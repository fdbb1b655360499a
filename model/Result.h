#pragma once

// A value or an error a person can act on: which field (a JSON path or a CLI option) and what is
// wrong with it. model/ and remote/ return these instead of throwing.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace ipsecwiz {

struct Error
{
    QString field;   // e.g. "gatewayA.publicAddress", "$.ike.version", "--out"
    QString message; // a full sentence, no secrets

    [[nodiscard]] QString toString() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
};

// A value typed by someone, made safe to quote in a message: control characters shown as '?'
// (a newline or NUL must not break a log line or a dialog) and cut after 64 characters.
inline QString shown(const QString& value)
{
    QString s = value.left(64);
    for (QChar& c : s)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char('?');
    return value.size() > 64 ? s + QStringLiteral("…") : s;
}

// Text from elsewhere (a gateway's output, an SSH server's prompt), made safe to print on a
// terminal or in a log: escape sequences (CSI, OSC, and the rest) are dropped, and every other
// control or format character but newline and tab is shown as '?', so a hostile gateway can neither
// rewrite what the admin sees nor hide a line. The text is otherwise kept as it is.
inline QString terminalSafe(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QChar(0x1b) || c == QChar(0x9b)) {
            // CSI (ESC [ or 0x9b): parameters up to a final byte 0x40-0x7e. OSC, DCS, SOS, PM,
            // APC (ESC ] P X ^ _): a string up to BEL or ST. Any other escape: one more character.
            const bool csi = c == QChar(0x9b) || (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('['));
            const bool string = c == QChar(0x1b) && i + 1 < text.size() && QStringLiteral("]PX^_").contains(text.at(i + 1));
            i += c == QChar(0x9b) ? 0 : 1;
            if (csi) {
                while (i + 1 < text.size() && text.at(i + 1) != QLatin1Char('\n')
                       && !(text.at(i + 1).unicode() >= 0x40 && text.at(i + 1).unicode() <= 0x7e))
                    ++i;
                if (i + 1 < text.size() && text.at(i + 1) != QLatin1Char('\n'))
                    ++i;
            } else if (string) {
                while (i + 1 < text.size() && text.at(i + 1) != QChar(0x07) && text.at(i + 1) != QChar(0x1b) && text.at(i + 1) != QChar(0x9c)
                       && text.at(i + 1) != QLatin1Char('\n'))
                    ++i;
                if (i + 1 < text.size() && text.at(i + 1) == QChar(0x1b))
                    ++i; // ESC \ ends it
                if (i + 1 < text.size() && text.at(i + 1) != QLatin1Char('\n'))
                    ++i;
            }
            continue;
        }
        if (c == QLatin1Char('\n') || c == QLatin1Char('\t'))
            out += c;
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            out += QLatin1Char('?');
        else
            out += c;
    }
    return out;
}

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T& value() const& { return std::get<T>(m_v); }
    [[nodiscard]] T& value() & { return std::get<T>(m_v); }
    [[nodiscard]] T&& value() && { return std::get<T>(std::move(m_v)); }
    [[nodiscard]] const Error& error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// For operations that return nothing on success.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace ipsecwiz
