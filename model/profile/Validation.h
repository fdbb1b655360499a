#pragma once

// Checks a profile the way an experienced admin would before touching a gateway: each finding
// names the field (its JSON path), says what is wrong in plain words and, where it can, the fix.

#include "TunnelProfile.h"

#include <QList>
#include <QString>

namespace ipsecwiz {

enum class Severity { Warning, Error };

struct Finding
{
    Severity severity;
    QString field;   // "networkA", "gatewayB.publicAddress", "ike.encryption", …
    QString message;
    QString fix;     // may be empty

    [[nodiscard]] QString toString() const;
    friend bool operator==(const Finding&, const Finding&) = default;
};

QList<Finding> validate(const TunnelProfile& profile);

bool hasErrors(const QList<Finding>& findings);
// Only the findings about one field (the wizard shows them next to that field).
QList<Finding> findingsFor(const QList<Finding>& findings, const QString& field);

// Strength of a PSK in bits: 4 per hex digit for "0x…", else 8 per byte (an upper bound).
int pskBits(const QByteArray& psk);

} // namespace ipsecwiz
