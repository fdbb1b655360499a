#pragma once

// charon's logs of real attempts, recorded in the lab (tests/fixtures/logs/charon/README.md).

#include "IkeLog.h"
#include "TestConfig.h"

#include <QFile>

namespace ipsecwiz::test {

inline QList<IkeLogEvent> recorded(const QString& name)
{
    QFile f(QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/fixtures/logs/charon/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return IkeLog::parse(f.readAll());
}

} // namespace ipsecwiz::test
