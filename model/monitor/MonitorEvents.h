#pragma once

// What changed between two polls, as the monitor's event list shows it: an SA that appeared, one
// replaced by a new SPI for the same addresses and protocol (a rekey), one that went away, and
// the tunnel going up, half-up or down.

#include "TunnelCorrelation.h"

#include <QList>
#include <QString>

#include <optional>

namespace ipsecwiz {

struct MonitorEvent
{
    enum class Kind { SaAdded, SaRekeyed, SaRemoved, TunnelUp, TunnelPartial, TunnelDown };
    Kind kind = Kind::SaAdded;
    QString text; // one sentence, for the event list and exports

    friend bool operator==(const MonitorEvent&, const MonitorEvent&) = default;
};

QString eventKindName(MonitorEvent::Kind kind); // "added", "rekeyed", "removed", "up", "partial", "down"

// One gateway's SAs before and after a poll. A new SPI for a direction that had another SPI is
// a rekey (the old SA usually lingers until it expires, and is reported removed then).
QList<MonitorEvent> saEvents(const QList<FlowSa>& before, const QList<FlowSa>& after);

// The tunnel's state changing; nothing when it did not change or is not known yet.
std::optional<MonitorEvent> stateEvent(TunnelState before, TunnelState after);

} // namespace ipsecwiz
