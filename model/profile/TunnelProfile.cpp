#include "TunnelProfile.h"

#include "FileWriter.h"
#include "JsonReader.h"
#include "NetworkProfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>


namespace ipsecwiz::ProfileJson {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::ProfileJson", text);
}

const QString FormatName = QStringLiteral("ipsec-wizard-profile");

using json::MaxProfileBytes;

using json::ErrorState;
using json::Reader;

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
    if (r.has(QStringLiteral("ssh")))
        json::readSsh(r.object(QStringLiteral("ssh")), gw.ssh);
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
    o.insert(QStringLiteral("ssh"), json::sshJson(gw.ssh));
    return o;
}

} // namespace

QByteArray redactedPlaceholder()
{
    return QByteArrayLiteral("<REDACTED-PSK>");
}

Result<TunnelProfile> fromJson(const QByteArray& json)
{
    const auto object = json::parseObject(json);
    if (!object)
        return object.error();

    ErrorState state;
    std::optional<Error>& error = state.error;
    Reader root(object.value(), QStringLiteral("$"), &state);
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
    if (version > NetworkProfile::FormatVersion)
        return Error{QStringLiteral("$.version"),
                     tr("This profile was written by a newer IPsec Wizard (format version %1); this one reads version %2. "
                        "Update IPsec Wizard to open it.")
                         .arg(version)
                         .arg(NetworkProfile::FormatVersion)};
    if (version == NetworkProfile::FormatVersion) {
        // A network of sites: what version 1 can describe (one tunnel, two sites reached
        // directly, one network each) is read as it; the rest comes with the version 2 generators.
        auto network = NetworkJson::fromJson(json);
        if (!network)
            return network.error();
        if (network.value().tunnels.size() != 1)
            return Error{QStringLiteral("$.tunnels"),
                         tr("This profile is a network of %1 sites and %2 tunnels. `ipsec-wizard validate` checks it whole; generating, "
                            "pushing and monitoring take one tunnel between two sites for now.")
                             .arg(network.value().sites.size())
                             .arg(network.value().tunnels.size())};
        return Network::toTunnelProfile(network.value(), network.value().tunnels.first().name);
    }

    TunnelProfile p;
    p.name = root.string(QStringLiteral("name"), {}, true);
    p.networkA = root.string(QStringLiteral("networkA"), {}, true);
    p.networkB = root.string(QStringLiteral("networkB"), {}, true);
    readGateway(root.object(QStringLiteral("gatewayA")), p.gatewayA);
    readGateway(root.object(QStringLiteral("gatewayB")), p.gatewayB);
    if (root.has(QStringLiteral("ike")))
        json::readIke(root.object(QStringLiteral("ike")), p.ike);
    if (root.has(QStringLiteral("esp")))
        json::readEsp(root.object(QStringLiteral("esp")), p.esp);
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
    o.insert(QStringLiteral("ike"), json::ikeJson(p.ike));
    o.insert(QStringLiteral("esp"), json::espJson(p.esp));
    json::insertPsk(o, p.psk, psk);
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
