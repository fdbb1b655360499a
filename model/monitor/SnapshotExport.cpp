#include "SnapshotExport.h"

#include <QTextStream>

namespace ipsecwiz::SnapshotExport {

QString text(const Snapshot& s)
{
    QString t;
    // One line an SA, appended piece by piece into room made once: with 10,000 SAs a formatted
    // QString per line (seven arguments, three temporaries) took as long as reading the file.
    t.reserve(s.sas.size() * 90);
    for (const SecurityAssociation& sa : s.sas) {
        t += u"  SA  ";
        t += sa.src;
        t += u" -> ";
        t += sa.dst;
        t += u' ';
        t += sa.protoText.isEmpty() ? protocolName(sa.proto) : sa.protoText;
        t += u" spi ";
        if (sa.hasSpi) { // spiHex()
            char16_t hex[10] = {u'0', u'x'};
            for (int i = 0; i < 8; ++i) {
                const uint nibble = (sa.spi >> (28 - 4 * i)) & 0xf;
                hex[2 + i] = char16_t(nibble < 10 ? u'0' + nibble : u'a' + nibble - 10);
            }
            t += QStringView(hex, 10);
        }
        t += u' ';
        t += sa.stateText.isEmpty() ? stateName(sa.state) : sa.stateText;
        if (!sa.encAlg.isEmpty()) {
            t += u' ';
            t += sa.encAlg;
        }
        if (sa.bytes) {
            t += u' ';
            t += QString::number(*sa.bytes);
            t += u" bytes";
        }
        t += u'\n';
    }
    QTextStream o(&t);
    for (const SecurityPolicy& sp : s.policies) {
        QStringList templates;
        for (const PolicyTemplate& tp : sp.templates)
            templates << tp.toString();
        o << QStringLiteral("  SP  %1 -> %2 %3 %4 %5 %6\n")
                 .arg(sp.src, sp.dst, sp.upperProto, sp.dirText.isEmpty() ? directionName(sp.dir) : sp.dirText,
                     sp.actionText.isEmpty() ? actionName(sp.action) : sp.actionText, templates.join(QLatin1Char(' ')));
    }
    for (const IkeSa& ike : s.ikeSas) {
        o << QStringLiteral("  IKE %1 #%2 %3 %4 <-> %5 %6\n")
                 .arg(ike.name)
                 .arg(ike.uniqueId.value_or(0))
                 .arg(ike.state, ike.localAddr, ike.remoteAddr, ike.proposal);
        for (const ChildSa& c : ike.children)
            o << QStringLiteral("      CHILD %1 %2 %3 in %4 (%5 bytes) out %6 (%7 bytes) %8 === %9\n")
                     .arg(c.name, c.state, c.mode + (c.udpEncap ? QStringLiteral("-in-UDP") : QString()))
                     .arg(c.spiIn.value_or(0), 8, 16, QLatin1Char('0'))
                     .arg(c.bytesIn.value_or(0))
                     .arg(c.spiOut.value_or(0), 8, 16, QLatin1Char('0'))
                     .arg(c.bytesOut.value_or(0))
                     .arg(c.localTs.join(QLatin1Char(',')), c.remoteTs.join(QLatin1Char(',')));
    }
    if (s.emptyDatabase || (s.sas.isEmpty() && s.policies.isEmpty() && s.ikeSas.isEmpty()))
        o << QStringLiteral("  (no SAs)\n");
    for (const QString& w : s.warnings)
        o << QStringLiteral("  warning: ") << w << '\n';
    for (const QString& u : s.unknownLines)
        o << QStringLiteral("  unknown: ") << u << '\n';
    return t;
}

namespace {

    QString field(QString value)
    {
        if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
            value.prepend(QLatin1Char('\''));
        if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))
            || value.contains(QLatin1Char('\r'))) {
            value.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            return QLatin1Char('"') + value + QLatin1Char('"');
        }
        return value;
    }

    QString number(const std::optional<quint64>& n)
    {
        return n ? QString::number(*n) : QString();
    }

} // namespace

QString csv(const QList<GatewayRows>& gateways, bool revealKeys)
{
    QStringList header { QStringLiteral("gateway"), QStringLiteral("kind"), QStringLiteral("src"), QStringLiteral("dst"),
        QStringLiteral("proto"), QStringLiteral("spi"), QStringLiteral("mode"), QStringLiteral("reqid"), QStringLiteral("state"),
        QStringLiteral("enc"), QStringLiteral("auth"), QStringLiteral("bytes"), QStringLiteral("packets"), QStringLiteral("dir"),
        QStringLiteral("action"), QStringLiteral("templates") };
    if (revealKeys)
        header << QStringLiteral("enc_key") << QStringLiteral("auth_key");
    QString out = header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    const auto row = [&](const QStringList& fields) {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString& f : fields)
            quoted << field(f);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    for (const GatewayRows& g : gateways) {
        for (const SecurityAssociation& sa : g.sas) {
            QStringList f { g.gateway, QStringLiteral("sa"), sa.src, sa.dst, sa.protoText.isEmpty() ? protocolName(sa.proto) : sa.protoText,
                sa.hasSpi ? sa.spiHex() : QString(), sa.mode, sa.reqid ? QString::number(*sa.reqid) : QString(),
                sa.stateText.isEmpty() ? stateName(sa.state) : sa.stateText, sa.encAlg, sa.authAlg, number(sa.bytes), number(sa.packets),
                QString(), QString(), QString() };
            if (revealKeys)
                f << QString::fromLatin1(sa.encKey.hex) << QString::fromLatin1(sa.authKey.hex);
            row(f);
        }
        for (const SecurityPolicy& sp : g.policies) {
            QStringList templates;
            for (const PolicyTemplate& tp : sp.templates)
                templates << tp.toString();
            QStringList f { g.gateway, QStringLiteral("sp"), sp.src, sp.dst, sp.upperProto, QString(), QString(), QString(), QString(),
                QString(), QString(), QString(), QString(), sp.dirText.isEmpty() ? directionName(sp.dir) : sp.dirText,
                sp.actionText.isEmpty() ? actionName(sp.action) : sp.actionText, templates.join(QLatin1Char(' ')) };
            if (revealKeys)
                f << QString() << QString();
            row(f);
        }
    }
    return out;
}

} // namespace ipsecwiz::SnapshotExport
