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
