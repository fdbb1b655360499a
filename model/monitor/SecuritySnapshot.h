#pragma once

// What one poll of a gateway's IPsec state says: the kernel's SAs and SPs (setkey, ip xfrm) and
// the IKE daemon's IKE/CHILD SAs (swanctl), plus every line the parser did not understand.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ipsecwiz {

// The protocol of a kernel SA. EspUdp is ESP in UDP (NAT-T); Tcp is a TCP-MD5 signature SA
// (BSD setkey); Route2/Hao are Mobile IPv6 states that `ip xfrm` can list.
enum class SaProtocol { Unknown, Esp, Ah, IpComp, EspUdp, Tcp, Route2, Hao };

// The PF_KEY SA states (larval, mature, dying, dead); `Installed` is what a swanctl CHILD SA in
// state INSTALLED maps to, `Other` any state the parser keeps only as text.
enum class SaState { Unknown, Larval, Mature, Dying, Dead, Installed, Other };

enum class PolicyDirection { Unknown, In, Out, Fwd, Any, InSocket, OutSocket };

// ipsec/none/discard/entrust/bypass come from PF_KEY (setkey); allow/block from `ip xfrm`.
enum class PolicyAction { Unknown, Ipsec, None, Discard, Entrust, Bypass, Allow, Block };

// Key material from `E:`/`A:` (setkey) or `enc`/`auth`/`aead` (ip xfrm). It is a secret: it is
// kept so an admin can reveal it on purpose, never logged, and masked by default.
struct SecretKey
{
    QByteArray hex; // lower-case hex digits, no spaces and no 0x
    int bits = 0; // when the tool printed it (ip xfrm "(128 bits)"), else 0
    int icvBits = 0; // ip xfrm aead/auth-trunc ICV or truncation length, else 0

    [[nodiscard]] bool isEmpty() const { return hex.isEmpty(); }
    // "••••••••" of the same length class, so a table column does not show the key.
    [[nodiscard]] QString masked() const;

    friend bool operator==(const SecretKey&, const SecretKey&) = default;
};

// Lifetimes as the tools print them; a field the output did not carry stays empty.
struct SaLifetimes
{
    QString created; // setkey "created:", ip xfrm "add" (as printed)
    QString current; // setkey "current:" (the time of the dump)
    QString lastUsed; // setkey "last:", ip xfrm "use"; empty when never used
    std::optional<quint64> diffSeconds; // setkey "diff:"
    std::optional<quint64> hardAddSeconds, softAddSeconds;
    std::optional<quint64> hardUseSeconds, softUseSeconds;
    std::optional<quint64> hardBytes, softBytes; // 0 or absent: no limit
    std::optional<quint64> hardPackets, softPackets; // ip xfrm; INF is absent
    std::optional<quint64> allocated, hardAllocations, softAllocations; // setkey

    friend bool operator==(const SaLifetimes&, const SaLifetimes&) = default;
};

struct SecurityAssociation
{
    QString src;
    QString dst;
    std::optional<quint16> srcPort; // setkey "addr[port]" (NAT-T), ip xfrm "encap ... sport"
    std::optional<quint16> dstPort;
    SaProtocol proto = SaProtocol::Unknown;
    QString protoText; // as printed: "esp", "esp-udp", "comp", …
    QString mode; // "tunnel", "transport", "any", "beet", …
    quint32 spi = 0;
    bool hasSpi = false; // false when the SPI could not be read (e.g. redacted)
    std::optional<quint32> reqid;
    SaState state = SaState::Unknown;
    QString stateText; // as printed: "mature", "INSTALLED", …
    QString encAlg;
    SecretKey encKey;
    QString authAlg;
    SecretKey authKey;
    QString compAlg; // setkey "C:" / ip xfrm "comp"
    QString encapType; // ip xfrm "espinudp"
    QString natOa; // setkey "NAT OA="
    std::optional<quint64> seq; // setkey seq=, ip xfrm seq
    std::optional<quint32> replay; // replay window size
    std::optional<quint32> flags;
    QString flagsText; // ip xfrm "flag af-unspec"
    SaLifetimes lifetimes;
    std::optional<quint64> bytes;
    std::optional<quint64> packets;
    std::optional<quint64> sadbSeq;
    std::optional<quint64> pid;
    std::optional<quint32> refcnt;
    int firstLine = 0; // 1-based line numbers in the parsed text
    int lastLine = 0;

    [[nodiscard]] QString spiHex() const; // "0x0b1ef479"
    [[nodiscard]] QString spiDecimal() const; // "186578041"
    // Stable across polls while the SA lives: protocol, addresses, SPI. A rekey changes it.
    [[nodiscard]] QString key() const;

    friend bool operator==(const SecurityAssociation&, const SecurityAssociation&) = default;
};

// One `proto/mode/src-dst/level` request of an IPsec policy (setkey) or one `tmpl` (ip xfrm).
struct PolicyTemplate
{
    QString proto; // esp, ah, ipcomp (setkey); esp, ah, comp (ip xfrm)
    QString mode; // tunnel, transport, any, beet
    QString src; // tunnel endpoints; empty in transport mode
    QString dst;
    QString level; // require, use, unique, default (setkey); required, use (ip xfrm)
    std::optional<quint32> reqid; // setkey unique:N / unique#N, ip xfrm reqid
    std::optional<quint32> spi;

    [[nodiscard]] QString toString() const; // "esp/tunnel/192.0.2.1-192.0.2.2/require"

    friend bool operator==(const PolicyTemplate&, const PolicyTemplate&) = default;
};

struct SecurityPolicy
{
    QString src; // selector, "10.1.0.0/24" (setkey omits a full-length prefix)
    QString dst;
    std::optional<quint16> srcPort; // nullopt: any
    std::optional<quint16> dstPort;
    QString upperProto; // "any", "tcp", "icmp", "4(ipv4)", …
    QString upperProtoDetail; // setkey "icmp6 135,0" → "135,0"
    bool perSocket = false; // setkey "(per-socket policy)", ip xfrm "socket in/out"
    PolicyDirection dir = PolicyDirection::Unknown;
    QString dirText;
    PolicyAction action = PolicyAction::Unknown;
    QString actionText;
    QString priority; // setkey "prio def + 100", ip xfrm "2344"
    QString ptype; // ip xfrm "main"/"sub"
    QList<PolicyTemplate> templates;
    QString created;
    QString lastUsed;
    std::optional<quint64> lifetimeSeconds;
    std::optional<quint64> validtimeSeconds;
    std::optional<quint64> spid; // setkey spid=, ip xfrm index
    std::optional<quint64> seq;
    std::optional<quint64> pid;
    std::optional<quint32> refcnt;
    QString scope; // FreeBSD "scope=global|ifnet|pcb"
    QString ifname; // FreeBSD "ifname=ipsec0"
    int firstLine = 0;
    int lastLine = 0;

    // Selector and direction; per-socket policies, which all share one selector, add their
    // spid so two sockets stay two rows.
    [[nodiscard]] QString key() const;

    friend bool operator==(const SecurityPolicy&, const SecurityPolicy&) = default;
};

struct ChildSa
{
    QString name;
    std::optional<quint32> uniqueId;
    std::optional<quint32> reqid;
    QString state; // INSTALLED, REKEYED, …
    QString mode; // TUNNEL, TRANSPORT, BEET, PASS, DROP
    bool udpEncap = false; // "TUNNEL-in-UDP"
    QString protocol; // ESP, AH
    QString proposal; // "AES_GCM_16-256", "AES_CBC-128/HMAC_SHA2_256_128/MODP_3072"
    std::optional<quint32> spiIn;
    std::optional<quint32> spiOut;
    QString cpiIn, cpiOut; // IPComp CPIs when present
    QString markIn, markOut;
    std::optional<quint64> bytesIn, packetsIn, bytesOut, packetsOut;
    std::optional<quint64> lastUseInSeconds, lastUseOutSeconds;
    std::optional<quint64> installedSeconds;
    std::optional<quint64> rekeySeconds;
    std::optional<quint64> expireSeconds;
    QStringList localTs;
    QStringList remoteTs;
    int firstLine = 0;
    int lastLine = 0;

    friend bool operator==(const ChildSa&, const ChildSa&) = default;
};

struct IkeSa
{
    QString name;
    std::optional<quint32> uniqueId;
    QString state; // ESTABLISHED, CONNECTING, …
    int version = 0; // 1 or 2
    QString initiatorSpi;
    QString responderSpi;
    bool localIsInitiator = false;
    QString localId, localAddr;
    QString remoteId, remoteAddr;
    std::optional<quint16> localPort, remotePort;
    QString localVips, remoteVips, remoteEapId, remoteXauthId;
    QString proposal; // "AES_GCM_16-256/PRF_HMAC_SHA2_256/CURVE_25519"
    std::optional<quint64> establishedSeconds;
    std::optional<quint64> rekeySeconds;
    std::optional<quint64> reauthSeconds;
    std::optional<quint64> expireSeconds;
    QString tasksQueued, tasksActive, tasksPassive;
    QList<ChildSa> children;
    int firstLine = 0;
    int lastLine = 0;

    [[nodiscard]] QString key() const; // name + unique id

    friend bool operator==(const IkeSa&, const IkeSa&) = default;
};

enum class SnapshotFormat { Auto, SetkeySad, SetkeySpd, XfrmState, XfrmPolicy, Swanctl };

struct Snapshot
{
    SnapshotFormat format = SnapshotFormat::Auto; // what was parsed (Auto: nothing recognised)
    QList<SecurityAssociation> sas;
    QList<SecurityPolicy> policies;
    QList<IkeSa> ikeSas;
    QStringList unknownLines; // "line 12: <text>", at most MaxReportedLines of them
    QStringList warnings; // sentences a person can act on
    int unknownLineCount = 0; // all of them, even past the cap
    bool truncated = false; // the text ended inside an entry; that entry was left out
    bool emptyDatabase = false; // "No SAD entries." / "No SPD entries."

    static constexpr int MaxReportedLines = 200;
    static constexpr int MaxLineLength = 160; // longer lines are cut in unknownLines
};

QString formatName(SnapshotFormat format); // "setkey", "xfrm-state", …
std::optional<SnapshotFormat> formatFromName(QStringView name);
QString protocolName(SaProtocol proto); // "esp", "esp-udp", …
QString stateName(SaState state);
QString directionName(PolicyDirection dir);
QString actionName(PolicyAction action);

} // namespace ipsecwiz
