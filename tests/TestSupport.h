#pragma once

// Small helpers the tests share: the example profile, a fixed key, reading files.

#include "NetworkMonitor.h"
#include "NetworkProfile.h"
#include "TestConfig.h"
#include "TunnelProfile.h"

#include <QFile>
#include <QTest>

namespace ipsecwiz::test {

// A fixed, obviously fake key so golden files are stable; never a real secret.
inline QByteArray fixedPsk()
{
    return QByteArrayLiteral("0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
}

inline TunnelProfile seedProfile()
{
    auto p = ProfileJson::load(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE));
    if (!p)
        qFatal("cannot load the example profile: %s", qPrintable(p.error().toString()));
    return p.value();
}

// A fixed, fake key for every tunnel of N ("0x1111…", "0x2222…", …), so golden files are stable.
inline NetworkProfile withKeys(NetworkProfile n)
{
    int i = 0;
    for (Tunnel& t : n.tunnels)
        t.psk = "0x" + QByteArray::number(++i).repeated(64).left(64);
    return n;
}

// resources/examples/hub-and-spoke.json as it is (no keys).
inline NetworkProfile exampleNetwork()
{
    QFile f(QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("hub-and-spoke.json is missing");
    auto n = NetworkJson::fromJson(f.readAll());
    if (!n)
        qFatal("hub-and-spoke.json: %s", qPrintable(n.error().toString()));
    return n.value();
}

// The example with withKeys().
inline NetworkProfile hubAndSpoke()
{
    return withKeys(exampleNetwork());
}

// The example with racoon wherever racoon can run: every site but the dynamic branch2 (racoon's
// policies name its own address), in IKEv1 with proposals racoon has.
inline NetworkProfile hubAndSpokeRacoon()
{
    NetworkProfile n = hubAndSpoke();
    for (Site& s : n.sites)
        if (s.gateway.reach != Reachability::Dynamic)
            s.gateway.flavour = Flavour::Racoon;
    for (Tunnel& t : n.tunnels) {
        t.ike.version = 1;
        t.ike.encryption = t.esp.encryption = QStringLiteral("aes256");
        t.ike.integrity = t.ike.prf = t.esp.integrity = QStringLiteral("sha256");
        t.ike.dhGroup = t.esp.pfsGroup = QStringLiteral("modp2048");
    }
    return n;
}

// The IKE SA swanctl lists for TUNNEL from LOCAL to REMOTE, with one installed CHILD SA (SPIs
// out and in, BYTESOUT sent): how the network monitor's tests describe a gateway's state.
inline IkeSa swanctlIkeSa(const QString& tunnel, const QString& local, const QString& remote, quint32 spiOut, quint32 spiIn,
                          quint64 bytesOut = 100, quint64 bytesIn = 50)
{
    IkeSa s;
    s.name = tunnel;
    s.state = QStringLiteral("ESTABLISHED");
    s.localAddr = local;
    s.remoteAddr = remote;
    ChildSa c;
    c.name = tunnel;
    c.state = QStringLiteral("INSTALLED");
    c.protocol = QStringLiteral("ESP");
    c.spiOut = spiOut;
    c.spiIn = spiIn;
    c.bytesOut = bytesOut;
    c.bytesIn = bytesIn;
    s.children << c;
    return s;
}

// A gateway that answered a swanctl poll with SAS.
inline GatewayReading reachedGateway(QList<IkeSa> sas)
{
    GatewayReading r;
    r.reached = true;
    r.source = QStringLiteral("swanctl");
    r.roundTripMs = 12;
    r.snapshot.format = SnapshotFormat::Swanctl;
    r.snapshot.ikeSas = std::move(sas);
    return r;
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace ipsecwiz::test
