#include "Flavour.h"

#include <QCoreApplication>

namespace ipsecwiz {

QString flavourId(Flavour flavour)
{
    switch (flavour) {
    case Flavour::RacoonTool: return QStringLiteral("racoon-tool");
    case Flavour::Racoon: return QStringLiteral("racoon");
    case Flavour::StrongSwan: return QStringLiteral("strongswan");
    }
    return {};
}

QString flavourLabel(Flavour flavour)
{
    switch (flavour) {
    case Flavour::RacoonTool: return QCoreApplication::translate("ipsecwiz::Flavour", "racoon-tool (Debian racoon, the seed's way)");
    case Flavour::Racoon: return QCoreApplication::translate("ipsecwiz::Flavour", "racoon + setkey (ipsec-tools, BSDs)");
    case Flavour::StrongSwan: return QCoreApplication::translate("ipsecwiz::Flavour", "strongSwan (swanctl)");
    }
    return {};
}

std::optional<Flavour> flavourFromId(const QString& id)
{
    for (Flavour f : allFlavours())
        if (flavourId(f) == id)
            return f;
    return std::nullopt;
}

const QList<Flavour>& allFlavours()
{
    static const QList<Flavour> list{Flavour::StrongSwan, Flavour::RacoonTool, Flavour::Racoon};
    return list;
}

} // namespace ipsecwiz
