#pragma once

// charon's log lines as events, and what a failed attempt says about its cause. The lines come
// from charon's own log file ("2026-12-04 20:34:17 13[CFG] <lab|4> …"), the journal
// ("Dec 04 20:34:17 gw charon[812]: 13[CFG] <lab|4> …") or `swanctl --log` ("[CFG] <lab|4> …").
// diagnose() reads both gateways' events of the same attempt and says why it failed, most
// likely cause first: the field to change, the fix, and the lines of each side that show it.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ipsecwiz {

struct IkeLogEvent
{
    int line = 0;        // 1-based, in its file
    QString time;        // as the log wrote it; empty for swanctl --log
    QString subsystem;   // IKE, CFG, ENC, NET, KNL, …
    QString ikeSa;       // "lab|4" (connection|unique id), "4" before a config is chosen, or empty
    QString message;     // the text after the IKE SA
};

namespace IkeLog {

// Every charon line of TEXT; lines of other programs or formats are skipped.
QList<IkeLogEvent> parse(const QByteArray& text);
// TEXT with anything that looks like key material (32 or more hex digits) replaced by "[masked]".
QString masked(QString text);

// One row of two gateways' events laid side by side: an index into A's events and one into B's,
// -1 for an empty cell. Both are set only where the two lines are the same IKE packet, sent by one
// and received by the other.
struct AlignedRow
{
    int a = -1;
    int b = -1;
};

// A's and B's events of one attempt in rows, each side in its own order and every event in exactly
// one row. The two clocks cannot be trusted and `swanctl --log` writes none, so the packets are the
// anchor: A's "sending packet: from X[p] to Y[q] (N bytes)" shares a row with B's "received packet"
// of the same addresses and size (of the same size and direction alone where NAT changed the
// addresses), and the other way round. A packet lost or retransmitted keeps a row of its own.
QList<AlignedRow> align(const QList<IkeLogEvent>& a, const QList<IkeLogEvent>& b);

} // namespace IkeLog

// A fix the program can make itself on one gateway, once the admin has agreed: values under
// /proc/sys, and nftables rules put at the top of a chain. A commit-confirmed push makes them
// (CommitPlan::change) and its rollback undoes them; neither outlives a reboot, so the finding's
// fix also says what to write where for that.
struct GatewayChange
{
    QString site;                               // the gateway's site in the profile ("site-a" for a pair's A)
    QList<std::pair<QString, QString>> kernel;  // "/proc/sys/net/ipv4/ip_forward", "1"
    QStringList nftRules;                       // "inet nat postrouting ip saddr 10.1.0.0/24 ip daddr 10.2.0.0/24 accept"

    [[nodiscard]] bool isEmpty() const { return kernel.isEmpty() && nftRules.isEmpty(); }
    // One line per change, for the question the admin answers: "net.ipv4.ip_forward: 1",
    // "nft insert rule inet nat postrouting …".
    [[nodiscard]] QStringList described() const;
};

// What the two sides' logs show, most likely first.
struct IkeDiagnosis
{
    QString cause;        // one sentence, e.g. "The pre-shared keys differ."
    QString field;        // the profile field to look at ("psk", "esp.encryption", "networkB"…)
    QString fix;          // what to do
    QStringList evidence; // "A: line 15: received AUTHENTICATION_FAILED notify error"
    // The gateway where the change is to be made (its name as given), when the evidence says so;
    // empty when either could be (a key or proposal that differs: the drift of one side's files
    // tells, Diagnoser::run).
    QString side;
    // Pushing the profile to both gateways again fixes it: the two ends' settings differ, or a
    // gateway's files are not what the profile makes (not for a stopped daemon, a firewall, …).
    bool fixedByPush = false;
    // What the program can change on a gateway to fix it (empty: nothing it makes itself).
    GatewayChange change{};
};

namespace IkeDiagnose {

// A's and B's events of one attempt, named NAMEA and NAMEB in what is said. HAVEB false: B's log
// was not collected (a peer someone else runs), so its silence says nothing.
QList<IkeDiagnosis> diagnose(const QList<IkeLogEvent>& a, const QList<IkeLogEvent>& b, bool haveB = true,
                             const QString& nameA = QStringLiteral("A"), const QString& nameB = QStringLiteral("B"));

// One proposal ("IKE:AES_GCM_16_256/PRF_HMAC_SHA2_256/CURVE_25519") by transform kind:
// encryption, integrity, prf, dh, esn.
QList<std::pair<QString, QString>> transforms(const QString& proposal);

} // namespace IkeDiagnose

} // namespace ipsecwiz
