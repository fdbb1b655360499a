#pragma once

// Small helpers the tests share: the example profile, a fixed key, reading files.

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

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace ipsecwiz::test
