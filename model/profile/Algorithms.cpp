#include "Algorithms.h"

#include <QCoreApplication>
#include <QStringList>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Algorithms", text);
}

using K = AlgorithmKind;
using S = Strength;

QList<Algorithm> buildCatalogue()
{
    const auto L = [](const char* s) { return QString::fromLatin1(s); };
    // racoon has no AEAD, no elliptic curves and no separate PRF (its hash is the PRF).
    return {
        // Encryption
        {K::Encryption, L("aes128gcm16"), L("AES-128-GCM (16-byte ICV)"), S::Recommended,
         tr("RFC 8221 / RFC 8247: MUST. Authenticated encryption, fast on every modern CPU."), true,
         L("aes128gcm16"), {}, {}},
        {K::Encryption, L("aes256gcm16"), L("AES-256-GCM (16-byte ICV)"), S::Recommended,
         tr("RFC 8221: MUST, RFC 8247: SHOULD. Authenticated encryption with a 256-bit key."), true,
         L("aes256gcm16"), {}, {}},
        {K::Encryption, L("chacha20poly1305"), L("ChaCha20-Poly1305"), S::Acceptable,
         tr("RFC 8221 / RFC 8247: SHOULD. Authenticated encryption, fast without AES hardware."), true,
         L("chacha20poly1305"), {}, {}},
        {K::Encryption, L("aes128"), L("AES-128-CBC"), S::Recommended,
         tr("RFC 8221 / RFC 8247: MUST. Needs a separate integrity algorithm."), false,
         L("aes128"), L("aes 128"), L("aes 128")},
        {K::Encryption, L("aes192"), L("AES-192-CBC"), S::Acceptable,
         tr("RFC 8221 / RFC 8247: MAY."), false,
         L("aes192"), L("aes 192"), L("aes 192")},
        {K::Encryption, L("aes256"), L("AES-256-CBC"), S::Recommended,
         tr("RFC 8221: MAY, RFC 8247: MUST. Needs a separate integrity algorithm."), false,
         L("aes256"), L("aes 256"), L("aes 256")},
        {K::Encryption, L("3des"), L("Triple DES"), S::Deprecated,
         tr("RFC 8221 / RFC 8247: SHOULD NOT. A 64-bit block cipher (Sweet32); use AES."), false,
         L("3des"), L("3des"), L("3des")},
        {K::Encryption, L("des"), L("DES"), S::Forbidden,
         tr("RFC 8221 / RFC 8247: MUST NOT. A 56-bit key is broken by brute force; use AES."), false,
         L("des"), L("des"), L("des")},

        // Integrity (IKE integrity / ESP authentication)
        {K::Integrity, L("none"), L("None (AEAD cipher)"), S::Recommended,
         tr("Only with an AEAD cipher (GCM, ChaCha20-Poly1305), which authenticates by itself."), false,
         {}, {}, {}},
        {K::Integrity, L("sha256"), L("HMAC-SHA2-256-128"), S::Recommended,
         tr("RFC 8221 / RFC 8247: MUST."), false,
         L("sha256"), L("sha256"), L("hmac_sha256")},
        {K::Integrity, L("sha384"), L("HMAC-SHA2-384-192"), S::Acceptable,
         tr("RFC 8247: SHOULD."), false,
         L("sha384"), L("sha384"), L("hmac_sha384")},
        {K::Integrity, L("sha512"), L("HMAC-SHA2-512-256"), S::Recommended,
         tr("RFC 8221 / RFC 8247: SHOULD."), false,
         L("sha512"), L("sha512"), L("hmac_sha512")},
        {K::Integrity, L("sha1"), L("HMAC-SHA1-96"), S::Deprecated,
         tr("RFC 8221 / RFC 8247: MUST- (being phased out). SHA-1 is deprecated; use SHA-256."), false,
         L("sha1"), L("sha1"), L("hmac_sha1")},
        {K::Integrity, L("md5"), L("HMAC-MD5-96"), S::Forbidden,
         tr("RFC 8221 / RFC 8247: MUST NOT. MD5 is broken; use SHA-256."), false,
         L("md5"), L("md5"), L("hmac_md5")},

        // PRF (IKE only; racoon uses its hash algorithm, so its names are the hash names)
        {K::Prf, L("sha256"), L("PRF-HMAC-SHA2-256"), S::Recommended,
         tr("RFC 8247: MUST."), false, L("prfsha256"), L("sha256"), {}},
        {K::Prf, L("sha384"), L("PRF-HMAC-SHA2-384"), S::Acceptable,
         tr("RFC 8247: SHOULD."), false, L("prfsha384"), L("sha384"), {}},
        {K::Prf, L("sha512"), L("PRF-HMAC-SHA2-512"), S::Recommended,
         tr("RFC 8247: SHOULD."), false, L("prfsha512"), L("sha512"), {}},
        {K::Prf, L("sha1"), L("PRF-HMAC-SHA1"), S::Deprecated,
         tr("RFC 8247: MUST- (being phased out). Use SHA-256."), false, L("prfsha1"), L("sha1"), {}},
        {K::Prf, L("md5"), L("PRF-HMAC-MD5"), S::Forbidden,
         tr("RFC 8247: MUST NOT. MD5 is broken; use SHA-256."), false, L("prfmd5"), L("md5"), {}},

        // Diffie-Hellman groups (IKE key exchange and PFS)
        {K::DhGroup, L("none"), L("None (no PFS)"), S::Acceptable,
         tr("No perfect forward secrecy: a stolen IKE key exposes the CHILD SA keys. Only valid for PFS."), false,
         {}, {}, {}},
        {K::DhGroup, L("curve25519"), L("Curve25519 (group 31)"), S::Recommended,
         tr("RFC 8247: SHOULD. Fast, small and hard to get wrong."), false, L("curve25519"), {}, {}},
        {K::DhGroup, L("ecp256"), L("NIST P-256 (group 19)"), S::Recommended,
         tr("RFC 8247: SHOULD."), false, L("ecp256"), {}, {}},
        {K::DhGroup, L("ecp384"), L("NIST P-384 (group 20)"), S::Acceptable,
         tr("RFC 8247: MAY."), false, L("ecp384"), {}, {}},
        {K::DhGroup, L("modp2048"), L("2048-bit MODP (group 14)"), S::Recommended,
         tr("RFC 8247: MUST. The group every IKE daemon speaks."), false, L("modp2048"), L("modp2048"), L("modp2048")},
        {K::DhGroup, L("modp3072"), L("3072-bit MODP (group 15)"), S::Acceptable,
         tr("RFC 8247: MAY."), false, L("modp3072"), L("modp3072"), L("modp3072")},
        {K::DhGroup, L("modp4096"), L("4096-bit MODP (group 16)"), S::Acceptable,
         tr("RFC 8247: MAY."), false, L("modp4096"), L("modp4096"), L("modp4096")},
        {K::DhGroup, L("modp1536"), L("1536-bit MODP (group 5)"), S::Deprecated,
         tr("RFC 8247: SHOULD NOT. Too small for today; use 2048 bits or an elliptic curve."), false,
         L("modp1536"), L("modp1536"), L("modp1536")},
        {K::DhGroup, L("modp1024"), L("1024-bit MODP (group 2)"), S::Deprecated,
         tr("RFC 8247: SHOULD NOT. Within reach of a well-funded attacker (Logjam); use 2048 bits or an elliptic curve."), false,
         L("modp1024"), L("modp1024"), L("modp1024")},
        {K::DhGroup, L("modp768"), L("768-bit MODP (group 1)"), S::Forbidden,
         tr("RFC 8247: MUST NOT. Broken; use 2048 bits or an elliptic curve."), false,
         L("modp768"), L("modp768"), L("modp768")},
    };
}

} // namespace

QString Algorithm::nameFor(Flavour flavour, Usage usage) const
{
    if (flavour == Flavour::StrongSwan)
        return strongswan;
    const QString racoon = usage == Usage::Ike ? racoonIke : racoonEsp;
    // racoon-tool.conf(5) takes an algorithm name without a key length (racoon-tool refuses
    // "aes 128" and then loads nothing), so racoon uses its default for AES: 128 bits.
    if (flavour == Flavour::RacoonTool && racoon.startsWith(QLatin1String("aes ")))
        return racoon == QLatin1String("aes 128") ? QStringLiteral("aes") : QString();
    return racoon;
}

namespace Algorithms {

const QList<Algorithm>& all()
{
    static const QList<Algorithm> catalogue = buildCatalogue();
    return catalogue;
}

const QList<Algorithm>& ofKind(AlgorithmKind kind)
{
    static const auto split = [] {
        std::array<QList<Algorithm>, 4> lists;
        for (const Algorithm& a : all())
            lists[size_t(a.kind)].append(a);
        return lists;
    }();
    return split[size_t(kind)];
}

const Algorithm* find(AlgorithmKind kind, const QString& id)
{
    for (const Algorithm& a : ofKind(kind))
        if (a.id == id)
            return &a;
    return nullptr;
}

QString idList(AlgorithmKind kind)
{
    QStringList ids;
    for (const Algorithm& a : ofKind(kind))
        ids.append(a.id);
    return ids.join(QStringLiteral(", "));
}

QString kindName(AlgorithmKind kind)
{
    switch (kind) {
    case AlgorithmKind::Encryption: return tr("encryption algorithm");
    case AlgorithmKind::Integrity: return tr("integrity algorithm");
    case AlgorithmKind::Prf: return tr("PRF");
    case AlgorithmKind::DhGroup: return tr("Diffie-Hellman group");
    }
    return {};
}

QString strengthName(Strength strength)
{
    switch (strength) {
    case Strength::Recommended: return tr("recommended");
    case Strength::Acceptable: return tr("acceptable");
    case Strength::Deprecated: return tr("deprecated");
    case Strength::Forbidden: return tr("forbidden");
    }
    return {};
}

} // namespace Algorithms

} // namespace ipsecwiz
