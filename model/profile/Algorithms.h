#pragma once

// The algorithm catalogue: every IKE/ESP algorithm the wizard offers, its RFC 8221 / RFC 8247
// status, and what each flavour calls it (empty = that flavour cannot do it).

#include "Flavour.h"

#include <QList>
#include <QString>

namespace ipsecwiz {

enum class AlgorithmKind { Encryption, Integrity, Prf, DhGroup };

// Where IKE means the IKE SA (phase 1) and Esp the CHILD SA (phase 2).
enum class Usage { Ike, Esp };

enum class Strength {
    Recommended, // RFC MUST / SHOULD+
    Acceptable,  // RFC MAY / SHOULD
    Deprecated,  // RFC SHOULD NOT: works, warn
    Forbidden,   // RFC MUST NOT: refuse
};

struct Algorithm
{
    AlgorithmKind kind;
    QString id;          // as stored in the profile: "aes256", "sha256", "modp2048", "none"
    QString label;       // for people: "AES-256-CBC"
    Strength strength;
    QString why;         // the RFC's word, for tooltips and findings
    bool aead = false;   // encryption with built-in integrity (GCM, ChaCha20-Poly1305)
    QString strongswan;  // proposal keyword, e.g. "aes256", "sha256", "prfsha256", "modp2048"
    QString racoonIke;   // racoon phase-1 name, e.g. "aes 256", "sha256", "modp2048"
    QString racoonEsp;   // racoon phase-2 name, e.g. "aes 256", "hmac_sha256"
    // racoon-tool's names are racoon's, but without a key length: AES-128 only (see nameFor).

    [[nodiscard]] QString nameFor(Flavour flavour, Usage usage) const;
    [[nodiscard]] bool supportedBy(Flavour flavour, Usage usage) const { return !nameFor(flavour, usage).isEmpty(); }
};

namespace Algorithms {

const QList<Algorithm>& all();
const QList<Algorithm>& ofKind(AlgorithmKind kind);
// nullptr when the id is unknown for that kind.
const Algorithm* find(AlgorithmKind kind, const QString& id);
// The ids of a kind, for messages: "aes128, aes192, …".
QString idList(AlgorithmKind kind);
QString kindName(AlgorithmKind kind);
QString strengthName(Strength strength);

} // namespace Algorithms

} // namespace ipsecwiz
