#pragma once

// The IPsec software on a gateway. Gateways may run different flavours.

#include <QList>
#include <QString>

#include <optional>

namespace ipsecwiz {

enum class Flavour { RacoonTool, Racoon, StrongSwan };

QString flavourId(Flavour flavour);             // "racoon-tool", "racoon", "strongswan"
QString flavourLabel(Flavour flavour);          // "racoon-tool (Debian racoon)"
std::optional<Flavour> flavourFromId(const QString& id);
const QList<Flavour>& allFlavours();
// racoon and racoon-tool drive the same daemon: IKEv1 only.
inline bool isRacoon(Flavour flavour) { return flavour != Flavour::StrongSwan; }

} // namespace ipsecwiz
