#include "MonitorEvents.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace ipsecwiz {

namespace {

    QString tr(const char* text)
    {
        return QCoreApplication::translate("ipsecwiz::MonitorEvents", text);
    }

    QString spiText(quint32 spi)
    {
        return QStringLiteral("0x%1").arg(spi, 8, 16, QLatin1Char('0'));
    }

    QString directionKey(const FlowSa& f)
    {
        return f.proto + QLatin1Char('/') + f.src + QLatin1Char('>') + f.dst;
    }

} // namespace

QString eventKindName(MonitorEvent::Kind kind)
{
    switch (kind) {
    case MonitorEvent::Kind::SaAdded:
        return QStringLiteral("added");
    case MonitorEvent::Kind::SaRekeyed:
        return QStringLiteral("rekeyed");
    case MonitorEvent::Kind::SaRemoved:
        return QStringLiteral("removed");
    case MonitorEvent::Kind::TunnelUp:
        return QStringLiteral("up");
    case MonitorEvent::Kind::TunnelPartial:
        return QStringLiteral("partial");
    case MonitorEvent::Kind::TunnelDown:
        return QStringLiteral("down");
    }
    return {};
}

QList<MonitorEvent> saEvents(const QList<FlowSa>& before, const QList<FlowSa>& after)
{
    QSet<QString> oldKeys, newKeys;
    QHash<QString, QList<quint32>> oldSpis; // direction → the SPIs it had
    for (const FlowSa& f : before) {
        oldKeys.insert(f.key());
        oldSpis[directionKey(f)].append(f.spi);
    }
    for (const FlowSa& f : after)
        newKeys.insert(f.key());

    QList<MonitorEvent> events;
    for (const FlowSa& f : after) {
        if (oldKeys.contains(f.key()))
            continue;
        const QList<quint32> previous = oldSpis.value(directionKey(f));
        if (previous.isEmpty()) {
            events.append({ MonitorEvent::Kind::SaAdded, tr("SA added: %1 %2 → %3, SPI %4").arg(f.proto, f.src, f.dst, spiText(f.spi)) });
        } else {
            QStringList old;
            for (quint32 spi : previous)
                old << spiText(spi);
            events.append({ MonitorEvent::Kind::SaRekeyed,
                tr("SA rekeyed: %1 %2 → %3, new SPI %4 (was %5)")
                    .arg(f.proto, f.src, f.dst, spiText(f.spi), old.join(QStringLiteral(", "))) });
        }
    }
    for (const FlowSa& f : before)
        if (!newKeys.contains(f.key()))
            events.append({ MonitorEvent::Kind::SaRemoved,
                tr("SA expired or removed: %1 %2 → %3, SPI %4").arg(f.proto, f.src, f.dst, spiText(f.spi)) });
    return events;
}

std::optional<MonitorEvent> stateEvent(TunnelState before, TunnelState after)
{
    if (before == after)
        return std::nullopt;
    switch (after) {
    case TunnelState::Up:
        return MonitorEvent { MonitorEvent::Kind::TunnelUp, tr("Tunnel up: mature SAs in both directions on both gateways") };
    case TunnelState::Partial:
        return MonitorEvent { MonitorEvent::Kind::TunnelPartial, tr("Tunnel half-up: an SA without its twin, or only one direction") };
    case TunnelState::Down:
        return MonitorEvent { MonitorEvent::Kind::TunnelDown, tr("Tunnel down: no SA pair between the gateways") };
    case TunnelState::Unknown:
        break;
    }
    return std::nullopt;
}

} // namespace ipsecwiz
