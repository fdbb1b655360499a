#pragma once

// Reading a profile's JSON with the path of the first problem ("$.sites[2].gateway.ssh.port")
// and what was expected there. Unknown keys are errors too, so a typo ("publicAdress") is caught
// instead of silently ignored. Shared by the version 1 and version 2 readers.

#include "Result.h"
#include "TunnelProfile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <cmath>
#include <optional>

namespace ipsecwiz::json {

inline QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::ProfileJson", text);
}

inline QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("nothing");
    }
    return {};
}

// Profiles are small; anything far larger is not a profile and is refused before parsing.
constexpr qint64 MaxProfileBytes = 1 << 20;

// The top-level object of a profile file, or what keeps it from being one.
inline Result<QJsonObject> parseObject(const QByteArray& bytes)
{
    if (bytes.trimmed().isEmpty())
        return Error{QStringLiteral("$"), tr("The file is empty; expected an IPsec Wizard profile (JSON).")};
    if (bytes.size() > MaxProfileBytes)
        return Error{QStringLiteral("$"), tr("The file is %1 bytes; a profile is at most %2 bytes. Is this the right file?")
                                              .arg(bytes.size())
                                              .arg(MaxProfileBytes)};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("$"), tr("Not valid JSON at byte %1: %2.").arg(parseError.offset).arg(parseError.errorString())};
    if (!doc.isObject())
        return Error{QStringLiteral("$"), tr("Expected a JSON object at the top level.")};
    return doc.object();
}

struct ErrorState
{
    std::optional<Error> error; // the first one found
    bool missing = false;       // it says a required key is missing
};

class Reader
{
public:
    Reader(QJsonObject object, QString path, ErrorState* error) : m_obj(std::move(object)), m_path(std::move(path)), m_error(error) {}

    QString string(const QString& key, const QString& fallback, bool required = false)
    {
        m_seen.append(key);
        const QJsonValue v = m_obj.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(key, tr("is missing; expected a string"), true);
            return fallback;
        }
        if (!v.isString()) {
            fail(key, tr("expected a string, found %1").arg(typeName(v)));
            return fallback;
        }
        return v.toString();
    }

    int integer(const QString& key, int fallback, int min, int max)
    {
        m_seen.append(key);
        const QJsonValue v = m_obj.value(key);
        if (v.isUndefined())
            return fallback;
        const double d = v.toDouble(-1e300);
        // Range first: converting an out-of-range double to an integer is undefined.
        if (!v.isDouble() || d < min || d > max || d != std::floor(d)) {
            fail(key, tr("expected a whole number from %1 to %2, found %3")
                          .arg(min)
                          .arg(max)
                          .arg(v.isDouble() ? QString::number(d) : typeName(v)));
            return fallback;
        }
        return int(d);
    }

    bool boolean(const QString& key, bool fallback)
    {
        m_seen.append(key);
        const QJsonValue v = m_obj.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            fail(key, tr("expected true or false, found %1").arg(typeName(v)));
            return fallback;
        }
        return v.toBool();
    }

    QStringList strings(const QString& key, bool required = false)
    {
        m_seen.append(key);
        const QJsonValue v = m_obj.value(key);
        QStringList out;
        if (v.isUndefined()) {
            if (required)
                fail(key, tr("is missing; expected a list of strings"), true);
            return out;
        }
        if (!v.isArray()) {
            fail(key, tr("expected a list of strings, found %1").arg(typeName(v)));
            return out;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString()) {
                fail(QStringLiteral("%1[%2]").arg(key).arg(i), tr("expected a string, found %1").arg(typeName(a.at(i))));
                return out;
            }
            out << a.at(i).toString();
        }
        return out;
    }

    Reader object(const QString& key, bool required = true)
    {
        m_seen.append(key);
        const QJsonValue v = m_obj.value(key);
        if (v.isUndefined() && required)
            fail(key, tr("is missing; expected an object"), true);
        else if (!v.isUndefined() && !v.isObject())
            fail(key, tr("expected an object, found %1").arg(typeName(v)));
        return Reader(v.toObject(), m_path + QLatin1Char('.') + key, m_error);
    }

    // The objects of the list at KEY, each with its path "KEY[i]".
    QList<Reader> objects(const QString& key, bool required = true)
    {
        m_seen.append(key);
        const QJsonValue v = m_obj.value(key);
        QList<Reader> out;
        if (v.isUndefined()) {
            if (required)
                fail(key, tr("is missing; expected a list of objects"), true);
            return out;
        }
        if (!v.isArray()) {
            fail(key, tr("expected a list of objects, found %1").arg(typeName(v)));
            return out;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString item = QStringLiteral("%1[%2]").arg(key).arg(i);
            if (!a.at(i).isObject()) {
                fail(item, tr("expected an object, found %1").arg(typeName(a.at(i))));
                return out;
            }
            out.append(Reader(a.at(i).toObject(), m_path + QLatin1Char('.') + item, m_error));
        }
        return out;
    }

    [[nodiscard]] bool has(const QString& key) const { return m_obj.contains(key); }
    [[nodiscard]] const QString& path() const { return m_path; }

    void finish()
    {
        for (auto it = m_obj.begin(); it != m_obj.end(); ++it) {
            if (m_seen.contains(it.key()))
                continue;
            // A misspelt key ("publicAdress") also makes the real one missing; the typo is the
            // cause, so it replaces a "missing" error.
            if (m_error->missing)
                m_error->error.reset();
            fail(it.key(), tr("is not a known setting"));
        }
    }

    void fail(const QString& key, const QString& what, bool missing = false)
    {
        if (!m_error->error.has_value()) {
            m_error->error = Error{m_path + QLatin1Char('.') + key, what + QLatin1Char('.')};
            m_error->missing = missing;
        }
    }

private:
    QJsonObject m_obj;
    QString m_path;
    ErrorState* m_error;
    QStringList m_seen;
};

// The "ike" and "esp" objects, the same in both versions: absent keys keep what P holds.
inline void readIke(Reader r, IkeProposal& p)
{
    p.version = r.integer(QStringLiteral("version"), p.version, 1, 2);
    p.encryption = r.string(QStringLiteral("encryption"), p.encryption);
    p.integrity = r.string(QStringLiteral("integrity"), p.integrity);
    p.prf = r.string(QStringLiteral("prf"), p.prf);
    p.dhGroup = r.string(QStringLiteral("dhGroup"), p.dhGroup);
    p.lifetime = r.integer(QStringLiteral("lifetime"), p.lifetime, 60, 7 * 86400);
    r.finish();
}

inline void readEsp(Reader r, EspProposal& p)
{
    p.encryption = r.string(QStringLiteral("encryption"), p.encryption);
    p.integrity = r.string(QStringLiteral("integrity"), p.integrity);
    p.pfsGroup = r.string(QStringLiteral("pfsGroup"), p.pfsGroup);
    p.lifetime = r.integer(QStringLiteral("lifetime"), p.lifetime, 60, 7 * 86400);
    r.finish();
}

inline QJsonObject ikeJson(const IkeProposal& p)
{
    QJsonObject o;
    o.insert(QStringLiteral("version"), p.version);
    o.insert(QStringLiteral("encryption"), p.encryption);
    o.insert(QStringLiteral("integrity"), p.integrity);
    o.insert(QStringLiteral("prf"), p.prf);
    o.insert(QStringLiteral("dhGroup"), p.dhGroup);
    o.insert(QStringLiteral("lifetime"), p.lifetime);
    return o;
}

inline QJsonObject espJson(const EspProposal& p)
{
    QJsonObject o;
    o.insert(QStringLiteral("encryption"), p.encryption);
    o.insert(QStringLiteral("integrity"), p.integrity);
    o.insert(QStringLiteral("pfsGroup"), p.pfsGroup);
    o.insert(QStringLiteral("lifetime"), p.lifetime);
    return o;
}

// A tunnel's key as a profile holds it: written, redacted or left out, as asked.
inline void insertPsk(QJsonObject& o, const std::optional<QByteArray>& psk, PskInFile mode)
{
    if (psk && mode == PskInFile::Include)
        o.insert(QStringLiteral("psk"), QString::fromUtf8(*psk));
    else if (psk && mode == PskInFile::Redact)
        o.insert(QStringLiteral("psk"), QString::fromLatin1(ProfileJson::redactedPlaceholder()));
}

inline void readSsh(Reader r, SshTarget& ssh)
{
    ssh.host = r.string(QStringLiteral("host"), {});
    ssh.port = r.integer(QStringLiteral("port"), 22, 1, 65535);
    ssh.user = r.string(QStringLiteral("user"), ssh.user);
    ssh.identityFile = r.string(QStringLiteral("identityFile"), {});
    r.finish();
}

inline QJsonObject sshJson(const SshTarget& ssh)
{
    QJsonObject o;
    o.insert(QStringLiteral("host"), ssh.host);
    o.insert(QStringLiteral("port"), ssh.port);
    o.insert(QStringLiteral("user"), ssh.user);
    if (!ssh.identityFile.isEmpty())
        o.insert(QStringLiteral("identityFile"), ssh.identityFile);
    return o;
}

} // namespace ipsecwiz::json
