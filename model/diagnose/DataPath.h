#pragma once

// What a tunnel that is up but carries nothing is told by: the gateways' nftables rules as
// `nft list ruleset` prints them, and the answers of ping with "don't fragment" set. Pure text in,
// facts out; Diagnoser runs the commands over SSH and says what the facts mean.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ipsecwiz::DataPath {

// One rule of `nft list ruleset`, with the chain it is in.
struct NftRule
{
    QString family, table, chain; // "inet", "filter", "input"
    QString type, hook;           // the chain's: "nat", "postrouting"; empty for a regular chain
    QString text;                 // the rule as printed, trimmed
    int line = 0;                 // 1-based, in the listing

    [[nodiscard]] QString where() const; // "table inet filter, chain input"
};

// Every rule of every chain; sets, maps, flowtables and the chains' own lines are not rules.
QList<NftRule> parseRuleset(const QString& listing);

// The first source NAT rule (masquerade, snat) in a postrouting chain that takes a packet from
// SOURCE to DESTINATION leaving by EGRESS (an interface name; empty: not known), unless an earlier
// rule of the same chain accepts or returns it first (an exemption). What a rule matches is read
// from its `ip saddr`, `ip daddr` and `oifname` (an address, a network or a set of them, "!="):
// anything else it says is taken as matching, since a rule that may catch the tunnel is worth naming.
std::optional<NftRule> natCatching(const QList<NftRule>& rules, const QString& source, const QString& destination, const QString& egress);

// The first rule in a chain on HOOK ("input", "forward", …) that drops or rejects and names any of
// WORDS ("4500", "esp"); with WORDS empty, any dropping rule of that hook.
std::optional<NftRule> dropping(const QList<NftRule>& rules, const QString& hook, const QStringList& words = {});

// Does the address ADDRESS fall in MATCH, as a rule writes it after `ip saddr`: "10.1.0.0/24",
// "10.1.0.7", "{ 10.1.0.0/24, 10.9.0.0/16 }", each maybe after "!=" (then: is it outside)?
bool addressMatches(const QString& address, const QString& match);

// One ping of PAYLOAD bytes with "don't fragment" set, as iputils' ping reports it.
struct PingOutcome
{
    enum Kind { Answered, Lost, TooBigHere } kind = Lost;
    int mtu = 0; // TooBigHere: the MTU the sender's own route has ("local error: message too long, mtu=1400")
};
PingOutcome pingOutcome(int exitStatus, const QString& output);

// The interface a route leaves by, from `ip -o route get …` ("… dev wan0 src …"); empty when none.
QString routeDevice(const QString& routeGet);

} // namespace ipsecwiz::DataPath
