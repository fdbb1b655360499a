#pragma once

// Drift: what is on a gateway against what the profile generates for it. Only what the program
// writes is compared: its own files whole, and in the admin's files only its marked blocks; every
// other byte there is the admin's and never a difference. Keys are masked before anything is
// compared or shown: the profile's key as "(key)", any other as "(another key)", so a changed key
// is seen without being printed.

#include "Generator.h"
#include "NetworkProfile.h"
#include "SecuritySnapshot.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace ipsecwiz {

struct FileDrift
{
    enum class State { Same, Differs, Missing, BlockMissing };
    QString path;
    QString block; // a marked block's name; empty: the whole file
    State state = State::Same;
    QString diff; // unified, "--- PATH (profile)" / "+++ PATH (gateway)", keys masked
};

QString driftStateId(FileDrift::State state); // "same", "differs", "missing", "block-missing"

namespace Drift {

// EXPECTED's files against LIVE (path → the file's bytes on the gateway; absent or nullopt: no
// such file). KEYS: the profile's keys (masked as "(key)").
QList<FileDrift> compare(const GatewayConfig& expected, const QHash<QString, std::optional<QByteArray>>& live, const QList<QByteArray>& keys);

// TEXT with every key of KEYS as "(key)" and any other hex key (0x and 32 or more hex digits) as
// "(another key)".
QByteArray masked(const QByteArray& text, const QList<QByteArray>& keys);

// A tunnel policy a racoon gateway's kernel must hold (racoon and racoon-tool load them with
// setkey; strongSwan's are checked through its connections instead).
struct Policy
{
    QString src; // the local network going out, the remote one coming in
    QString dst;
    PolicyDirection dir = PolicyDirection::Out;

    [[nodiscard]] QString toString() const; // "10.1.0.0/24 → 10.2.0.0/24 out"
    friend bool operator==(const Policy&, const Policy&) = default;
};

// Every network pair of every tunnel of SITE, out and in.
QList<Policy> expectedPolicies(const NetworkProfile& network, const QString& site);
// Those of EXPECTED that LOADED (`setkey -DP`, parsed) has no "ipsec" policy for; setkey's
// address without a prefix is a host (/32, /128).
QList<Policy> missingPolicies(const QList<Policy>& expected, const QList<SecurityPolicy>& loaded);

// A unified diff (three lines of context) from A to B, labelled; empty when they are equal.
QString unifiedDiff(const QByteArray& a, const QByteArray& b, const QString& labelA, const QString& labelB);

} // namespace Drift

} // namespace ipsecwiz
