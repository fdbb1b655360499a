#include "TunnelProfile.h"

#include "FileWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace ipsecwiz::ProfileJson {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::ProfileJson", text);
}

const QString FormatName = QStringLiteral("ipsec-wizard-profile");

// Profiles are small; anything far larger is not a profile and is refused before parsing.
constexpr qint64 MaxProfileBytes = 1 << 20;

QString typeName(const QJsonValue& v)
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

struct ErrorState
{
    std::optional<Error> error; // the first one found
    bool missing = false;       // it says a required key is missing
};

// Reads one JSON object, remembering the first error with its path; unknown keys are errors
// too, so a typo ("publicAdress") is caught instead of silently ignored.
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

    bool has(const QString& key) const { return m_obj.contains(key); }

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

void readGateway(Reader r, Gateway& gw)
{
    gw.publicAddress = r.string(QStringLiteral("publicAddress"), {}, true);
    gw.internalAddress = r.string(QStringLiteral("internalAddress"), {}, true);
    gw.defaultRouter = r.string(QStringLiteral("defaultRouter"), {});
    const QString flavour = r.string(QStringLiteral("flavour"), flavourId(gw.flavour));
    if (const auto f = flavourFromId(flavour))
        gw.flavour = *f;
    else
        r.fail(QStringLiteral("flavour"),
               tr("expected one of racoon-tool, racoon, strongswan, found “%1”").arg(flavour));
    gw.identity = r.string(QStringLiteral("identity"), {});
    if (r.has(QStringLiteral("ssh"))) {
        Reader s = r.object(QStringLiteral("ssh"));
        gw.ssh.host = s.string(QStringLiteral("host"), {});
        gw.ssh.port = s.integer(QStringLiteral("port"), 22, 1, 65535);
        gw.ssh.user = s.string(QStringLiteral("user"), gw.ssh.user);
        gw.ssh.identityFile = s.string(QStringLiteral("identityFile"), {});
        s.finish();
    }
    r.finish();
}

QJsonObject gatewayJson(const Gateway& gw)
{
    QJsonObject o;
    o.insert(QStringLiteral("publicAddress"), gw.publicAddress);
    o.insert(QStringLiteral("internalAddress"), gw.internalAddress);
    if (!gw.defaultRouter.isEmpty())
        o.insert(QStringLiteral("defaultRouter"), gw.defaultRouter);
    o.insert(QStringLiteral("flavour"), flavourId(gw.flavour));
    if (!gw.identity.isEmpty())
        o.insert(QStringLiteral("identity"), gw.identity);
    QJsonObject ssh;
    ssh.insert(QStringLiteral("host"), gw.ssh.host);
    ssh.insert(QStringLiteral("port"), gw.ssh.port);
    ssh.insert(QStringLiteral("user"), gw.ssh.user);
    if (!gw.ssh.identityFile.isEmpty())
        ssh.insert(QStringLiteral("identityFile"), gw.ssh.identityFile);
    o.insert(QStringLiteral("ssh"), ssh);
    return o;
}

} // namespace

QByteArray redactedPlaceholder()
{
    return QByteArrayLiteral("<REDACTED-PSK>");
}

Result<TunnelProfile> fromJson(const QByteArray& json)
{
    if (json.trimmed().isEmpty())
        return Error{QStringLiteral("$"), tr("The file is empty; expected an IPsec Wizard profile (JSON).")};
    if (json.size() > MaxProfileBytes)
        return Error{QStringLiteral("$"), tr("The file is %1 bytes; a profile is at most %2 bytes. Is this the right file?")
                                              .arg(json.size())
                                              .arg(MaxProfileBytes)};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("$"), tr("Not valid JSON at byte %1: %2.").arg(parseError.offset).arg(parseError.errorString())};
    if (!doc.isObject())
        return Error{QStringLiteral("$"), tr("Expected a JSON object at the top level.")};

    ErrorState state;
    std::optional<Error>& error = state.error;
    Reader root(doc.object(), QStringLiteral("$"), &state);
    const QString format = root.string(QStringLiteral("format"), {}, true);
    if (error)
        return *error;
    if (format != FormatName)
        return Error{QStringLiteral("$.format"), tr("Expected “%1”, found “%2”; this is not an IPsec Wizard profile.").arg(FormatName, format)};
    if (!root.has(QStringLiteral("version")))
        return Error{QStringLiteral("$.version"), tr("is missing; expected %1.").arg(TunnelProfile::FormatVersion)};
    const int version = root.integer(QStringLiteral("version"), -1, 0, 1000000);
    if (error)
        return *error;
    if (version < 1)
        return Error{QStringLiteral("$.version"), tr("expected %1, found %2.").arg(TunnelProfile::FormatVersion).arg(version)};
    if (version > TunnelProfile::FormatVersion)
        return Error{QStringLiteral("$.version"),
                     tr("This profile was written by a newer IPsec Wizard (format version %1); this one reads version %2. "
                        "Update IPsec Wizard to open it.")
                         .arg(version)
                         .arg(TunnelProfile::FormatVersion)};

    TunnelProfile p;
    p.name = root.string(QStringLiteral("name"), {}, true);
    p.networkA = root.string(QStringLiteral("networkA"), {}, true);
    p.networkB = root.string(QStringLiteral("networkB"), {}, true);
    readGateway(root.object(QStringLiteral("gatewayA")), p.gatewayA);
    readGateway(root.object(QStringLiteral("gatewayB")), p.gatewayB);
    if (root.has(QStringLiteral("ike"))) {
        Reader ike = root.object(QStringLiteral("ike"));
        p.ike.version = ike.integer(QStringLiteral("version"), p.ike.version, 1, 2);
        p.ike.encryption = ike.string(QStringLiteral("encryption"), p.ike.encryption);
        p.ike.integrity = ike.string(QStringLiteral("integrity"), p.ike.integrity);
        p.ike.prf = ike.string(QStringLiteral("prf"), p.ike.prf);
        p.ike.dhGroup = ike.string(QStringLiteral("dhGroup"), p.ike.dhGroup);
        p.ike.lifetime = ike.integer(QStringLiteral("lifetime"), p.ike.lifetime, 60, 7 * 86400);
        ike.finish();
    }
    if (root.has(QStringLiteral("esp"))) {
        Reader esp = root.object(QStringLiteral("esp"));
        p.esp.encryption = esp.string(QStringLiteral("encryption"), p.esp.encryption);
        p.esp.integrity = esp.string(QStringLiteral("integrity"), p.esp.integrity);
        p.esp.pfsGroup = esp.string(QStringLiteral("pfsGroup"), p.esp.pfsGroup);
        p.esp.lifetime = esp.integer(QStringLiteral("lifetime"), p.esp.lifetime, 60, 7 * 86400);
        esp.finish();
    }
    if (root.has(QStringLiteral("psk")))
        p.psk = root.string(QStringLiteral("psk"), {}).toUtf8();
    p.knownHostsFile = root.string(QStringLiteral("knownHostsFile"), {});
    root.finish();
    if (error)
        return *error;
    return p;
}

QByteArray toJson(const TunnelProfile& p, PskInFile psk)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), FormatName);
    o.insert(QStringLiteral("version"), TunnelProfile::FormatVersion);
    o.insert(QStringLiteral("name"), p.name);
    o.insert(QStringLiteral("networkA"), p.networkA);
    o.insert(QStringLiteral("networkB"), p.networkB);
    o.insert(QStringLiteral("gatewayA"), gatewayJson(p.gatewayA));
    o.insert(QStringLiteral("gatewayB"), gatewayJson(p.gatewayB));
    QJsonObject ike;
    ike.insert(QStringLiteral("version"), p.ike.version);
    ike.insert(QStringLiteral("encryption"), p.ike.encryption);
    ike.insert(QStringLiteral("integrity"), p.ike.integrity);
    ike.insert(QStringLiteral("prf"), p.ike.prf);
    ike.insert(QStringLiteral("dhGroup"), p.ike.dhGroup);
    ike.insert(QStringLiteral("lifetime"), p.ike.lifetime);
    o.insert(QStringLiteral("ike"), ike);
    QJsonObject esp;
    esp.insert(QStringLiteral("encryption"), p.esp.encryption);
    esp.insert(QStringLiteral("integrity"), p.esp.integrity);
    esp.insert(QStringLiteral("pfsGroup"), p.esp.pfsGroup);
    esp.insert(QStringLiteral("lifetime"), p.esp.lifetime);
    o.insert(QStringLiteral("esp"), esp);
    if (p.psk && psk == PskInFile::Include)
        o.insert(QStringLiteral("psk"), QString::fromUtf8(*p.psk));
    else if (p.psk && psk == PskInFile::Redact)
        o.insert(QStringLiteral("psk"), QString::fromLatin1(redactedPlaceholder()));
    if (!p.knownHostsFile.isEmpty())
        o.insert(QStringLiteral("knownHostsFile"), p.knownHostsFile);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<TunnelProfile> load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path, tr("Cannot open the profile: %1.").arg(file.errorString())};
    if (file.size() > MaxProfileBytes)
        return Error{QStringLiteral("$"), tr("The file is %1 bytes; a profile is at most %2 bytes. Is this the right file?")
                                              .arg(file.size())
                                              .arg(MaxProfileBytes)};
    return fromJson(file.read(MaxProfileBytes + 1));
}

Status save(const TunnelProfile& profile, const QString& path, PskInFile psk)
{
    const bool secret = psk == PskInFile::Include && profile.psk.has_value();
    return FileWriter::writeAtomically(path, toJson(profile, psk), secret ? 0600 : 0644);
}

} // namespace ipsecwiz::ProfileJson
