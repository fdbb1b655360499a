#include "DataPath.h"

#include "Cidr.h"

#include <QRegularExpression>

namespace ipsecwiz::DataPath {

QString NftRule::where() const
{
    return QStringLiteral("table %1 %2, chain %3").arg(family, table, chain);
}

QList<NftRule> parseRuleset(const QString& listing)
{
    static const QRegularExpression tableLine(QStringLiteral("^table\\s+(\\S+)\\s+(\\S+)\\s*\\{$"));
    static const QRegularExpression chainLine(QStringLiteral("^chain\\s+(\\S+)\\s*\\{$"));
    static const QRegularExpression hookLine(QStringLiteral("^type\\s+(\\S+)\\s+hook\\s+(\\S+)"));
    QList<NftRule> out;
    QString family, table, chain, type, hook;
    int depth = 0;     // braces open
    int skipFrom = -1; // the depth a set, map or flowtable opened at: its lines are not rules
    const QStringList lines = listing.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString l = lines.at(i).trimmed();
        if (l.isEmpty() || l.startsWith(QLatin1Char('#')))
            continue;
        if (l == QLatin1String("}")) {
            if (--depth <= skipFrom)
                skipFrom = -1;
            if (depth == 1)
                chain.clear();
            if (depth <= 0) {
                depth = 0;
                table.clear();
            }
            continue;
        }
        const bool opens = l.endsWith(QLatin1Char('{'));
        if (skipFrom >= 0) {
            depth += opens ? 1 : 0;
            continue;
        }
        if (depth == 0) {
            if (const auto m = tableLine.match(l); m.hasMatch()) {
                family = m.captured(1);
                table = m.captured(2);
            }
            depth += opens ? 1 : 0;
            continue;
        }
        if (depth == 1) {
            if (const auto m = chainLine.match(l); m.hasMatch()) {
                chain = m.captured(1);
                type.clear();
                hook.clear();
            } else if (opens) {
                skipFrom = depth; // set, map, flowtable, ct helper…
            }
            depth += opens ? 1 : 0;
            continue;
        }
        if (depth == 2 && !chain.isEmpty()) {
            if (const auto m = hookLine.match(l); m.hasMatch()) {
                type = m.captured(1);
                hook = m.captured(2);
                continue;
            }
            if (l.startsWith(QLatin1String("policy ")))
                continue;
            out.append(NftRule{family, table, chain, type, hook, l, i + 1});
        }
        // A rule with an anonymous map ("vmap { … }") spanning lines: its inner lines belong to it.
        depth += opens ? 1 : 0;
    }
    return out;
}

namespace {

// What follows KEYWORD in RULE ("ip saddr" → "10.1.0.0/24", "!= 10.1.0.0/24", "{ a, b }"); empty when absent.
QString matchAfter(const QString& rule, const QString& keyword)
{
    const qsizetype at = rule.indexOf(keyword + QLatin1Char(' '));
    if (at < 0)
        return {};
    QString rest = rule.mid(at + keyword.size() + 1).trimmed();
    QString out;
    if (rest.startsWith(QLatin1String("!= "))) {
        out = QStringLiteral("!= ");
        rest = rest.mid(3).trimmed();
    }
    if (rest.startsWith(QLatin1Char('{'))) {
        const qsizetype end = rest.indexOf(QLatin1Char('}'));
        return out + (end < 0 ? rest : rest.left(end + 1));
    }
    return out + rest.section(QLatin1Char(' '), 0, 0);
}

bool isNat(const NftRule& r)
{
    return r.text.contains(QLatin1String("masquerade")) || r.text.contains(QLatin1String("snat "));
}

bool endsHere(const NftRule& r)
{
    return r.text.endsWith(QLatin1String(" accept")) || r.text == QLatin1String("accept") || r.text.endsWith(QLatin1String(" return"))
        || r.text.contains(QLatin1String(" accept comment ")) || r.text.contains(QLatin1String(" return comment "));
}

// Does R, as far as its addresses and output interface say, take the packet?
bool takes(const NftRule& r, const QString& source, const QString& destination, const QString& egress)
{
    const QString s = matchAfter(r.text, QStringLiteral("ip saddr"));
    if (!s.isEmpty() && !addressMatches(source, s))
        return false;
    const QString d = matchAfter(r.text, QStringLiteral("ip daddr"));
    if (!d.isEmpty() && !addressMatches(destination, d))
        return false;
    QString o = matchAfter(r.text, QStringLiteral("oifname"));
    if (!o.isEmpty() && !egress.isEmpty()) {
        const bool negated = o.startsWith(QLatin1String("!= "));
        if (negated)
            o = o.mid(3);
        QStringList names;
        for (QString n : o.remove(QLatin1Char('{')).remove(QLatin1Char('}')).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            n = n.trimmed().remove(QLatin1Char('"'));
            names << n;
        }
        bool any = false;
        for (const QString& n : std::as_const(names))
            any = any || n == egress || (n.endsWith(QLatin1Char('*')) && egress.startsWith(n.chopped(1)));
        if (any == negated)
            return false;
    }
    return true;
}

} // namespace

bool addressMatches(const QString& address, const QString& match)
{
    QString m = match.trimmed();
    const bool negated = m.startsWith(QLatin1String("!="));
    if (negated)
        m = m.mid(2).trimmed();
    const auto host = parseHostAddress(address.section(QLatin1Char('/'), 0, 0));
    if (!host)
        return true; // not known: could be
    bool inside = false;
    bool readable = false;
    for (QString part : m.remove(QLatin1Char('{')).remove(QLatin1Char('}')).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (part.contains(QLatin1Char('-'))) { // a range "10.1.0.1-10.1.0.9"
            const auto lo = parseHostAddress(part.section(QLatin1Char('-'), 0, 0).trimmed());
            const auto hi = parseHostAddress(part.section(QLatin1Char('-'), 1).trimmed());
            if (lo && hi && lo.value().protocol() == host.value().protocol() && host.value().protocol() == QAbstractSocket::IPv4Protocol) {
                readable = true;
                const quint32 a = host.value().toIPv4Address();
                inside = inside || (a >= lo.value().toIPv4Address() && a <= hi.value().toIPv4Address());
            }
            continue;
        }
        const auto c = Cidr::parse(part, true);
        if (!c)
            continue; // a named set (@peers) or a variable: not known
        readable = true;
        inside = inside || c.value().network().contains(host.value());
    }
    if (!readable)
        return true;
    return negated ? !inside : inside;
}

std::optional<NftRule> natCatching(const QList<NftRule>& rules, const QString& source, const QString& destination, const QString& egress)
{
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const NftRule& r = rules.at(i);
        if (r.hook != QLatin1String("postrouting") || !isNat(r) || !takes(r, source, destination, egress))
            continue;
        // An exemption before it in the same chain ("ip daddr 10.2.0.0/24 accept") lets the tunnel's
        // traffic by; so does a rule that looks at IPsec ("ipsec out", "rt ipsec exists").
        if (r.text.contains(QLatin1String("ipsec")))
            continue;
        bool exempt = false;
        for (qsizetype j = 0; j < i && !exempt; ++j) {
            const NftRule& e = rules.at(j);
            exempt = e.family == r.family && e.table == r.table && e.chain == r.chain && endsHere(e) && takes(e, source, destination, egress);
        }
        if (!exempt)
            return r;
    }
    return std::nullopt;
}

std::optional<NftRule> dropping(const QList<NftRule>& rules, const QString& hook, const QStringList& words)
{
    for (const NftRule& r : rules) {
        if (r.hook != hook || !(r.text.endsWith(QLatin1String("drop")) || r.text.contains(QLatin1String(" drop ")) || r.text.contains(QLatin1String("reject"))))
            continue;
        if (words.isEmpty())
            return r;
        for (const QString& w : words)
            if (r.text.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(w)))))
                return r;
    }
    return std::nullopt;
}

PingOutcome pingOutcome(int exitStatus, const QString& output)
{
    static const QRegularExpression mtu(QStringLiteral("(?:message too long|Message too long|Frag needed).*mtu\\s*=\\s*(\\d+)"));
    if (const auto m = mtu.match(output); m.hasMatch())
        return {PingOutcome::TooBigHere, m.captured(1).toInt()};
    return {exitStatus == 0 ? PingOutcome::Answered : PingOutcome::Lost, 0};
}

QString routeDevice(const QString& routeGet)
{
    static const QRegularExpression dev(QStringLiteral("\\bdev\\s+(\\S+)"));
    const auto m = dev.match(routeGet);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace ipsecwiz::DataPath
