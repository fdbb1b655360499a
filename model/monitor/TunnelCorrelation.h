#pragma once

// Both gateways side by side: each SA one gateway sends with is paired with the SA the other
// receives with (same SPI, addresses and protocol). What is left unpaired is a half-up tunnel;
// several SAs for one direction are leftovers of a rekey; a counter that rises on the sender
// but not on the receiver is traffic lost on the way. No firewall GUI shows this today.

#include "SecuritySnapshot.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ipsecwiz {

enum class TunnelState { Unknown, Down, Partial, Up };
QString tunnelStateName(TunnelState state); // "up", "partial", "down", "unknown"

// One direction of one SA, whichever tool reported it.
struct FlowSa
{
    QString src;
    QString dst;
    QString proto; // "esp", "ah", "ipcomp" (NAT-T "esp-udp" counts as esp)
    quint32 spi = 0;
    std::optional<quint64> bytes;
    std::optional<quint64> packets;
    bool mature = true; // mature / INSTALLED; false for larval, dying, dead, rekeyed

    [[nodiscard]] QString key() const; // proto/src->dst/spi
    friend bool operator==(const FlowSa&, const FlowSa&) = default;
};

// Every directional SA a snapshot shows (setkey, ip xfrm or swanctl).
QList<FlowSa> flowsOf(const Snapshot& snapshot);

struct SaPair
{
    FlowSa onA;
    FlowSa onB;
    bool aToB = true; // direction of the traffic this SA carries
};

struct Correlation
{
    TunnelState state = TunnelState::Unknown;
    QList<SaPair> pairs;
    QList<FlowSa> onlyOnA; // no twin on B
    QList<FlowSa> onlyOnB;
    QStringList findings;  // half-up, rekey leftovers, one-sided counters — sentences
    std::optional<quint64> bytesAToB; // sender side of the mature pairs
    std::optional<quint64> bytesBToA;
};

// addressA/addressB: the gateways' public addresses (the SAs' outer addresses). previous: the
// last poll's result, for counters that rise on one side only.
Correlation correlate(const Snapshot& a, const Snapshot& b, const QString& addressA, const QString& addressB,
                      const Correlation* previous = nullptr);

QJsonObject toJson(const Correlation& correlation);

class JsonWriter;
// The same as text, byte for byte what QJsonDocument makes of toJson(), without the tree (a
// correlation of 10,000 SAs a side is 10,000 pairs).
void write(JsonWriter& writer, const Correlation& correlation);

} // namespace ipsecwiz
