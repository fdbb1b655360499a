#include "PeerCheck.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace ipsecwiz::PeerCheck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::PeerCheck", text);
}

struct Found
{
    const IkeLogEvent* event = nullptr;
    qsizetype index = -1;
};

Found find(const QList<IkeLogEvent>& events, const QString& needle, qsizetype from = 0)
{
    for (qsizetype i = from; i < events.size(); ++i)
        if (events.at(i).message.contains(needle))
            return {&events.at(i), i};
    return {};
}

QString evidence(const QString& side, const IkeLogEvent& e)
{
    return QStringLiteral("%1, line %2: %3").arg(side).arg(e.line).arg(IkeLog::masked(e.message));
}

// As the sheet writes an algorithm: "AES-256-GCM (16-byte ICV) [aes256gcm16]".
QString sheetValue(AlgorithmKind kind, const QString& id)
{
    const Algorithm* alg = Algorithms::find(kind, id);
    return alg ? QStringLiteral("%1 [%2]").arg(alg->label, id) : QStringLiteral("[%1]").arg(id);
}

// "10.1.0.0/24 10.3.0.0/24" or "10.1.0.0/24[udp/500]": the networks alone.
QSet<QString> selectors(const QString& text)
{
    QSet<QString> out;
    for (QString s : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (const qsizetype bracket = s.indexOf(QLatin1Char('[')); bracket > 0)
            s.truncate(bracket);
        out.insert(s);
    }
    return out;
}

QSet<QString> setOf(const QStringList& list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

QString listed(const QSet<QString>& set)
{
    QStringList l(set.cbegin(), set.cend());
    l.sort();
    return l.join(QStringLiteral(", "));
}

bool proposes(const QSet<QString>& offered, const QString& name)
{
    for (const QString& t : offered)
        if (t == name || t.startsWith(name + QLatin1Char('_')))
            return true;
    return false;
}

struct Line
{
    QString kind; // as IkeDiagnose::transforms names it
    AlgorithmKind algorithmKind;
    QString label; // the sheet's
    QString id;
    QString field;
};

QList<Line> sheetLines(const PeerSheet& s, bool esp)
{
    if (esp)
        return {{QStringLiteral("encryption"), AlgorithmKind::Encryption, tr("ESP (phase 2) › Encryption"), s.espEncryption, QStringLiteral("esp.encryption")},
                {QStringLiteral("integrity"), AlgorithmKind::Integrity, tr("ESP (phase 2) › Integrity"), s.espIntegrity, QStringLiteral("esp.integrity")},
                {QStringLiteral("dh"), AlgorithmKind::DhGroup, tr("ESP (phase 2) › PFS group"), s.espPfs, QStringLiteral("esp.pfsGroup")}};
    return {{QStringLiteral("encryption"), AlgorithmKind::Encryption, tr("IKE (phase 1) › Encryption"), s.ikeEncryption, QStringLiteral("ike.encryption")},
            {QStringLiteral("integrity"), AlgorithmKind::Integrity, tr("IKE (phase 1) › Integrity"), s.ikeIntegrity, QStringLiteral("ike.integrity")},
            {QStringLiteral("prf"), AlgorithmKind::Prf, tr("IKE (phase 1) › PRF"), s.ikePrf, QStringLiteral("ike.prf")},
            {QStringLiteral("dh"), AlgorithmKind::DhGroup, tr("IKE (phase 1) › DH group"), s.ikeDh, QStringLiteral("ike.dhGroup")}};
}

QString section(const PeerSheet& s, bool esp)
{
    QStringList values;
    for (const Line& l : sheetLines(s, esp))
        values << QStringLiteral("%1 %2").arg(l.label.section(QStringLiteral(" › "), 1), sheetValue(l.algorithmKind, l.id));
    return values.join(QStringLiteral(", "));
}

QString askFix(const PeerSheet& s, const QString& what)
{
    return tr("Ask the admin of %1 to set %2 as its settings sheet says (the Review page saves the sheet; generate --all writes it).")
        .arg(s.peer, what);
}

// The finding's verdict: the lines of the sheet the peer does not follow (DIFFER), or, when it
// followed them all, our gateway (whose files are then not the profile's: WHENFOLLOWED says so).
void verdict(IkeDiagnosis& d, const QStringList& differ, const PeerSheet& s, const QString& ourName, const QString& whenFollowed,
             const QString& what)
{
    if (differ.isEmpty()) {
        d.cause = whenFollowed;
        d.side = ourName;
        d.fixedByPush = true;
        d.fix = tr("Push the profile to %1 again: its files are not what the profile generates.").arg(ourName);
    } else {
        d.cause = tr("%1 does not follow its settings sheet: %2.").arg(s.peer, differ.join(QStringLiteral("; ")));
        d.side = s.peer;
        d.fix = askFix(s, what);
    }
}

// The peer proposed, and our gateway refused: which of its transforms are not the sheet's.
void proposalsAgainstSheet(const QList<IkeLogEvent>& ours, const PeerSheet& s, const QString& ourName, QList<IkeDiagnosis>& out)
{
    for (qsizetype from = 0;;) {
        const Found received = find(ours, QStringLiteral("received proposals: "), from);
        if (!received.event)
            return;
        from = received.index + 1;
        Found refusal;
        for (const QString& needle : {QStringLiteral("no acceptable proposal found"), QStringLiteral("received proposals unacceptable"),
                                      QStringLiteral("no proposal found"), QStringLiteral("no matching proposal found")})
            if (!refusal.event)
                refusal = find(ours, needle, received.index);
        if (!refusal.event)
            continue;
        const QString got = received.event->message.section(QStringLiteral("received proposals: "), 1);
        const bool esp = got.startsWith(QLatin1String("ESP")) || got.startsWith(QLatin1String("AH"));
        QHash<QString, QSet<QString>> offered;
        for (const QString& p : got.split(QStringLiteral(", "), Qt::SkipEmptyParts))
            for (const auto& [kind, t] : IkeDiagnose::transforms(p))
                offered[kind].insert(t);
        QStringList differ;
        QString field;
        for (const Line& l : sheetLines(s, esp)) {
            const QString want = charonName(l.algorithmKind, l.id);
            const QSet<QString> got = offered.value(l.kind);
            // The first CHILD_SA comes with IKE_AUTH, which negotiates no DH group: a proposal
            // without one says nothing of the peer's PFS setting.
            if (esp && l.kind == QLatin1String("dh") && got.isEmpty())
                continue;
            const bool follows = want.isEmpty() ? got.isEmpty() : proposes(got, want);
            if (follows)
                continue;
            if (field.isEmpty())
                field = l.field;
            differ << tr("%1: the sheet says %2, %3 proposed %4")
                          .arg(l.label, sheetValue(l.algorithmKind, l.id), s.peer, got.isEmpty() ? tr("none") : listed(got));
        }
        IkeDiagnosis d;
        d.evidence << evidence(ourName, *received.event) << evidence(ourName, *refusal.event);
        verdict(d, differ, s, ourName,
                tr("%1 proposed what its settings sheet says, and %2 refused it: %2's %3 proposals are not the profile's.")
                    .arg(s.peer, ourName, esp ? QStringLiteral("ESP") : QStringLiteral("IKE")),
                esp ? tr("ESP (phase 2)") : tr("IKE (phase 1)"));
        if (differ.isEmpty())
            d.field = esp ? QStringLiteral("esp") : QStringLiteral("ike");
        else
            d.field = field;
        out << d;
        return;
    }
}

void identitiesAgainstSheet(const QList<IkeLogEvent>& ours, const PeerSheet& s, const QString& ourName, QList<IkeDiagnosis>& out)
{
    Found none = find(ours, QStringLiteral("no matching peer config found"));
    if (!none.event)
        none = find(ours, QStringLiteral("no peer config found"));
    if (!none.event)
        return;
    const Found looking = find(ours, QStringLiteral("peer configs matching "));
    if (!looking.event)
        return;
    // IKEv2: "OURADDR[OURID]...PEERADDR[PEERID]"; IKEv1 Main Mode: "OURADDR...PEERADDR[PEERID]".
    static const QRegularExpression ids(QStringLiteral("matching (\\S*?)(?:\\[([^\\]]*)\\])?\\.\\.\\.(\\S*?)\\[([^\\]]*)\\]"));
    const auto m = ids.match(looking.event->message);
    if (!m.hasMatch())
        return;
    const QString askedOfUs = m.captured(2);
    const QString theirs = m.captured(4);
    QStringList differ;
    if (theirs != s.identity)
        differ << tr("Your gateway › IKE identity: the sheet says %1, %2 sent %3").arg(s.identity, s.peer, theirs);
    if (!askedOfUs.isEmpty() && askedOfUs != QLatin1String("%any") && askedOfUs != s.ourIdentity)
        differ << tr("Our gateway › IKE identity: the sheet says %1, %2 expects %3").arg(s.ourIdentity, s.peer, askedOfUs);
    IkeDiagnosis d;
    d.field = QStringLiteral("identity");
    d.evidence << evidence(ourName, *looking.event) << evidence(ourName, *none.event);
    verdict(d, differ, s, ourName,
            tr("%1 sent the identities its settings sheet says (%2 for itself, %3 for %4), and %4 has no connection for them: %4's "
               "configuration is not the profile's.")
                .arg(s.peer, theirs, askedOfUs.isEmpty() ? s.ourIdentity : askedOfUs, ourName),
            tr("the IKE identities"));
    out << d;
}

void selectorsAgainstSheet(const QList<IkeLogEvent>& ours, const PeerSheet& s, const QString& ourName, QList<IkeDiagnosis>& out)
{
    QString asOurs, asTheirs;
    Found line = find(ours, QStringLiteral("unacceptable"));
    static const QRegularExpression v2(QStringLiteral("traffic selectors (.+) === (.+) unacceptable"));
    static const QRegularExpression v1(QStringLiteral("no matching CHILD_SA config found for (.+) === (.+)$"));
    if (const auto m = line.event ? v2.match(line.event->message) : QRegularExpressionMatch(); m.hasMatch()) {
        asOurs = m.captured(1);
        asTheirs = m.captured(2);
    } else if (line = find(ours, QStringLiteral("no matching CHILD_SA config found for ")); line.event) {
        const auto q = v1.match(line.event->message);
        if (!q.hasMatch())
            return;
        asTheirs = q.captured(1); // IKEv1 Quick Mode names the initiator's (the peer's) first
        asOurs = q.captured(2);
    } else {
        return;
    }
    QStringList differ;
    if (selectors(asTheirs) != setOf(s.networks))
        differ << tr("Your gateway › Networks: the sheet says %1, %2 asked for %3").arg(s.networks.join(QStringLiteral(", ")), s.peer, listed(selectors(asTheirs)));
    if (selectors(asOurs) != setOf(s.ourNetworks))
        differ << tr("Our gateway › Networks: the sheet says %1, %2 asked for %3").arg(s.ourNetworks.join(QStringLiteral(", ")), s.peer, listed(selectors(asOurs)));
    IkeDiagnosis d;
    d.field = QStringLiteral("networks");
    d.evidence << evidence(ourName, *line.event);
    verdict(d, differ, s, ourName,
            tr("%1 asked for the networks its settings sheet says, and %2 has no tunnel for them: %2's configuration is not the profile's.")
                .arg(s.peer, ourName),
            tr("the networks"));
    out << d;
}

} // namespace

QString charonName(AlgorithmKind kind, const QString& id)
{
    static const QHash<QString, QString> encryption{
        {QStringLiteral("aes128gcm16"), QStringLiteral("AES_GCM_16_128")}, {QStringLiteral("aes256gcm16"), QStringLiteral("AES_GCM_16_256")},
        {QStringLiteral("chacha20poly1305"), QStringLiteral("CHACHA20_POLY1305")}, {QStringLiteral("aes128"), QStringLiteral("AES_CBC_128")},
        {QStringLiteral("aes192"), QStringLiteral("AES_CBC_192")}, {QStringLiteral("aes256"), QStringLiteral("AES_CBC_256")},
        {QStringLiteral("3des"), QStringLiteral("3DES_CBC")}, {QStringLiteral("des"), QStringLiteral("DES_CBC")}};
    static const QHash<QString, QString> integrity{
        {QStringLiteral("sha256"), QStringLiteral("HMAC_SHA2_256_128")}, {QStringLiteral("sha384"), QStringLiteral("HMAC_SHA2_384_192")},
        {QStringLiteral("sha512"), QStringLiteral("HMAC_SHA2_512_256")}, {QStringLiteral("sha1"), QStringLiteral("HMAC_SHA1_96")},
        {QStringLiteral("md5"), QStringLiteral("HMAC_MD5_96")}};
    static const QHash<QString, QString> prf{
        {QStringLiteral("sha256"), QStringLiteral("PRF_HMAC_SHA2_256")}, {QStringLiteral("sha384"), QStringLiteral("PRF_HMAC_SHA2_384")},
        {QStringLiteral("sha512"), QStringLiteral("PRF_HMAC_SHA2_512")}, {QStringLiteral("sha1"), QStringLiteral("PRF_HMAC_SHA1")},
        {QStringLiteral("md5"), QStringLiteral("PRF_HMAC_MD5")}};
    switch (kind) {
    case AlgorithmKind::Encryption: return encryption.value(id);
    case AlgorithmKind::Integrity: return integrity.value(id);
    case AlgorithmKind::Prf: return prf.value(id);
    case AlgorithmKind::DhGroup:
        if (id.startsWith(QLatin1String("modp")))
            return QStringLiteral("MODP_") + id.mid(4);
        if (id.startsWith(QLatin1String("ecp")))
            return QStringLiteral("ECP_") + id.mid(3);
        if (id.startsWith(QLatin1String("curve")))
            return QStringLiteral("CURVE_") + id.mid(5);
        return {};
    }
    return {};
}

QList<IkeLogEvent> lastPeerAttempt(const QList<IkeLogEvent>& log)
{
    const auto uniqueId = [](const QString& ikeSa) { return ikeSa.section(QLatin1Char('|'), -1); };
    for (qsizetype i = log.size() - 1; i >= 0; --i) {
        const QString& m = log.at(i).message;
        // A new IKE SA, or a CHILD_SA the peer asked for in one that stands (IKEv2's
        // CREATE_CHILD_SA, IKEv1's Quick Mode).
        const bool start = m.startsWith(QLatin1String("parsed IKE_SA_INIT request 0 ")) || m.startsWith(QLatin1String("parsed ID_PROT request 0 [ SA"))
                           || m.startsWith(QLatin1String("parsed AGGRESSIVE request 0 ")) || m.startsWith(QLatin1String("parsed CREATE_CHILD_SA request "))
                           || (m.startsWith(QLatin1String("parsed QUICK_MODE request ")) && m.contains(QLatin1String(" SA ")));
        if (!start || log.at(i).ikeSa.isEmpty())
            continue;
        const QString id = uniqueId(log.at(i).ikeSa);
        QList<IkeLogEvent> out;
        for (qsizetype j = i; j < log.size(); ++j)
            if (uniqueId(log.at(j).ikeSa) == id)
                out << log.at(j);
        return out;
    }
    return {};
}

QList<IkeDiagnosis> compare(const QList<IkeLogEvent>& ours, const PeerSheet& s, const QString& ourName)
{
    QList<IkeDiagnosis> out;
    // The version the peer speaks, from the first request it sent.
    const Found v1 = find(ours, QStringLiteral("parsed ID_PROT request"));
    const Found aggressive = find(ours, QStringLiteral("parsed AGGRESSIVE request"));
    const Found v2 = find(ours, QStringLiteral("parsed IKE_SA_INIT request"));
    const Found& spoken = v1.event ? v1 : aggressive.event ? aggressive : v2;
    if (spoken.event && (spoken.event == v2.event) != (s.ikeVersion == 2)) {
        IkeDiagnosis d;
        d.cause = tr("%1 does not follow its settings sheet: IKE (phase 1) › Version: the sheet says IKEv%2, %1 speaks IKEv%3.")
                      .arg(s.peer)
                      .arg(s.ikeVersion)
                      .arg(spoken.event == v2.event ? 2 : 1);
        d.field = QStringLiteral("ike.version");
        d.side = s.peer;
        d.fix = askFix(s, tr("the IKE version"));
        d.evidence << evidence(ourName, *spoken.event);
        out << d;
    }
    // The key: our gateway checked the peer's authentication with the tunnel's key.
    Found mac = find(ours, QStringLiteral("but MAC mismatched"));
    if (!mac.event)
        mac = find(ours, QStringLiteral("ID_V1 payload length, decryption failed"));
    if (mac.event) {
        IkeDiagnosis d;
        d.cause = tr("%1 does not follow its settings sheet: Authentication › Pre-shared key: %2 checked %1's authentication with the "
                     "tunnel's key, and it did not match, so %1 holds another key.")
                      .arg(s.peer, ourName);
        d.field = QStringLiteral("psk");
        d.side = s.peer;
        d.fix = tr("Give the admin of %1 the tunnel's key again, by a safe way of your own (the sheet never carries it).").arg(s.peer);
        d.evidence << evidence(ourName, *mac.event);
        out << d;
    }
    proposalsAgainstSheet(ours, s, ourName, out);
    identitiesAgainstSheet(ours, s, ourName, out);
    selectorsAgainstSheet(ours, s, ourName, out);

    // Our gateway started the attempt and the peer refused: its notify says which part of the
    // sheet, not which value (that is in the peer's log only).
    const auto refused = [&](const QString& needle) { return find(ours, needle); };
    if (out.isEmpty()) {
        const Found noProposal = refused(QStringLiteral("received NO_PROPOSAL_CHOSEN"));
        if (noProposal.event) {
            const bool esp = noProposal.event->message.contains(QLatin1String("no CHILD_SA built"))
                             || find(ours, QStringLiteral("QUICK_MODE request")).index >= 0;
            IkeDiagnosis d;
            d.cause = tr("%1 accepted none of %2's %3 proposals: its %4 settings are not its sheet's (%5). Which one differs, only %1's "
                         "log can tell.")
                          .arg(s.peer, ourName, esp ? QStringLiteral("ESP") : QStringLiteral("IKE"), esp ? tr("ESP (phase 2)") : tr("IKE (phase 1)"),
                               section(s, esp));
            d.field = esp ? QStringLiteral("esp") : QStringLiteral("ike");
            d.side = s.peer;
            d.fix = askFix(s, esp ? tr("ESP (phase 2)") : tr("IKE (phase 1)"));
            d.evidence << evidence(ourName, *noProposal.event);
            out << d;
        }
        Found ts = refused(QStringLiteral("received TS_UNACCEPTABLE"));
        if (!ts.event)
            ts = refused(QStringLiteral("received INVALID_ID_INFORMATION"));
        if (ts.event) {
            IkeDiagnosis d;
            d.cause = tr("%1 has no tunnel for the networks %2 asked for: its networks are not its sheet's (Your gateway › Networks: %3; "
                         "Our gateway › Networks: %4).")
                          .arg(s.peer, ourName, s.networks.join(QStringLiteral(", ")), s.ourNetworks.join(QStringLiteral(", ")));
            d.field = QStringLiteral("networks");
            d.side = s.peer;
            d.fix = askFix(s, tr("the networks"));
            d.evidence << evidence(ourName, *ts.event);
            out << d;
        }
        if (const Found auth = refused(QStringLiteral("received AUTHENTICATION_FAILED")); auth.event) {
            IkeDiagnosis d;
            d.cause = tr("%1 refused %2's authentication: its pre-shared key, or the identity it expects of %2 (Our gateway › IKE identity: "
                         "%3), is not what its sheet says.")
                          .arg(s.peer, ourName, s.ourIdentity);
            d.field = QStringLiteral("psk");
            d.side = s.peer;
            d.fix = tr("Ask the admin of %1 to check the remote identity (%2) against its settings sheet, and give it the tunnel's key "
                       "again by a safe way of your own.")
                        .arg(s.peer, s.ourIdentity);
            d.evidence << evidence(ourName, *auth.event);
            out << d;
        }
    }
    for (IkeDiagnosis& d : out) {
        d.cause = IkeLog::masked(d.cause);
        d.fix = IkeLog::masked(d.fix);
    }
    return out;
}

} // namespace ipsecwiz::PeerCheck
