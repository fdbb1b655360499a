#include "Importer.h"

#include "RacoonSyntax.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

// racoon.conf(5) and setkey(8), as a Debian gateway has them: racoon.conf (with its includes,
// globs allowed) says phase 1 per peer ("remote ADDR { … }", "remote anonymous" for a peer whose
// address changes) and phase 2 per pair of networks ("sainfo address A any address B any { … }");
// the kernel's policies, which name the networks and the two tunnel ends, come from setkey files:
// /etc/ipsec-tools.conf and /etc/ipsec-tools.d/*.conf, which Debian's setkey service loads. The
// policies to one peer are one tunnel of the profile, with all their networks; its keys are in
// psk.txt ("path pre_shared_key"). Both files are statements ended by ';' (racoon.conf's blocks in
// braces), with comments from '#' to the end of a line.

namespace ipsecwiz {

using namespace RacoonSyntax;

namespace {

struct Token
{
    QString text;
    int line = 0;
};

// Words, quoted strings (quotes kept), and the single characters { } ;.
QList<Token> tokenize(const QStringList& lines)
{
    QList<Token> out;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString& l = lines.at(n);
        qsizetype i = 0;
        while (i < l.size()) {
            const QChar c = l.at(i);
            if (c.isSpace()) {
                ++i;
            } else if (c == QLatin1Char('#')) {
                break;
            } else if (c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char(';')) {
                out.append(Token{QString(c), int(n + 1)});
                ++i;
            } else if (c == QLatin1Char('"')) {
                const qsizetype end = l.indexOf(QLatin1Char('"'), i + 1);
                const qsizetype stop = end < 0 ? l.size() : end + 1;
                out.append(Token{l.mid(i, stop - i), int(n + 1)});
                i = stop;
            } else {
                qsizetype j = i;
                while (j < l.size() && !l.at(j).isSpace() && !QStringLiteral("{};\"#").contains(l.at(j)))
                    ++j;
                out.append(Token{l.mid(i, j - i), int(n + 1)});
                i = j;
            }
        }
    }
    return out;
}

// A statement: its words up to ';' or '{' and, for a block, the statements inside.
struct Stmt
{
    QStringList words;
    QString file;
    int first = 0, last = 0; // the lines of its words and terminator
    bool block = false;
    bool complete = true; // ended by ';' or a closed block
    int close = 0;        // a block's '}' line
    QList<Stmt> body;

    [[nodiscard]] QString key() const { return words.value(0).toLower(); }
    [[nodiscard]] QString args() const { return words.mid(1).join(QLatin1Char(' ')); }
};

// Nesting deeper than racoon.conf's (remote { proposal { } }) is hostile: cut off, not recursed.
constexpr int MaxNesting = 8;

QList<Stmt> parseStatements(const QList<Token>& tokens, qsizetype& i, const QString& file, int depth, bool& stray)
{
    QList<Stmt> out;
    Stmt cur;
    cur.file = file;
    const auto flush = [&](bool complete) {
        if (cur.words.isEmpty() && complete)
            return;
        cur.complete = complete;
        out.append(cur);
        cur = Stmt{};
        cur.file = file;
    };
    while (i < tokens.size()) {
        const Token& t = tokens.at(i);
        if (cur.words.isEmpty())
            cur.first = t.line;
        cur.last = t.line;
        if (t.text == QLatin1String(";")) {
            ++i;
            flush(true);
        } else if (t.text == QLatin1String("{")) {
            ++i;
            cur.block = true;
            if (depth >= MaxNesting) {
                cur.complete = false;
                out.append(cur);
                i = tokens.size();
                return out;
            }
            cur.body = parseStatements(tokens, i, file, depth + 1, stray);
            if (i < tokens.size() && tokens.at(i).text == QLatin1String("}")) {
                cur.close = tokens.at(i).line;
                ++i;
                // racoon takes "};" as well as "}"
                if (i < tokens.size() && tokens.at(i).text == QLatin1String(";"))
                    ++i;
                flush(true);
            } else {
                flush(false);
            }
        } else if (t.text == QLatin1String("}")) {
            if (depth > 0) {
                if (!cur.words.isEmpty())
                    flush(false);
                return out;
            }
            stray = true;
            ++i;
            if (!cur.words.isEmpty())
                flush(false);
            Stmt s;
            s.file = file;
            s.first = s.last = t.line;
            s.words = QStringList{QStringLiteral("}")};
            s.complete = false;
            out.append(s);
        } else {
            cur.words.append(t.text);
            ++i;
        }
    }
    if (!cur.words.isEmpty())
        flush(false);
    return out;
}

QString unquote(QString s)
{
    if (s.size() >= 2 && s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"')))
        return s.mid(1, s.size() - 2);
    return s;
}

QString normalAddress(const QString& a)
{
    const QHostAddress h(a);
    return h.isNull() ? QString() : h.toString();
}

const QString& certReason()
{
    static const QString s = QStringLiteral("certificates are not in the profile: its tunnels authenticate with a pre-shared key");
    return s;
}

const QString& detailReason()
{
    static const QString s = QStringLiteral("a racoon detail the profile does not carry; racoon's default applies to the imported tunnel");
    return s;
}

const QString& daemonReason()
{
    static const QString s = QStringLiteral("a setting of the racoon daemon, not of a tunnel: the profile does not carry it");
    return s;
}

// A line's fate once it is known whether its remote or sainfo became part of a tunnel.
struct Verdict
{
    const Stmt* stmt = nullptr;
    QString reason; // empty: used when taken
};

struct Remote
{
    QString address; // normalised; "anonymous"
    QString file;
    const Stmt* stmt = nullptr;
    IkeProposal ike = defaultIke();
    std::optional<Identity> mine, theirs;
    QString myText;
    bool psk = true;
    QList<Verdict> verdicts;
    bool taken = false;
};

struct SaInfo
{
    QString src, dst; // empty for anonymous
    QString file;
    const Stmt* stmt = nullptr;
    EspProposal esp = defaultEsp();
    QList<Verdict> verdicts;
    bool taken = false;
};

struct Policy
{
    QString local, remote, localGw, remoteGw;
    QString file;
    const Stmt* stmt = nullptr;
    bool taken = false;
};

class RacoonReader
{
public:
    RacoonReader(const ImportSource& source, const ImportOptions& options) : m_source(source), m_options(options) {}

    Result<ImportResult> run()
    {
        const auto main = findMainFile(ImportFormat::Racoon, m_source);
        if (!main)
            return refusedMainFile(ImportFormat::Racoon, m_source).value_or(main.error());
        const auto data = m_source.read(main.value());
        if (!data)
            return data.error();
        readConf(main.value(), m_ledger.addFile(main.value(), data.value()), {});
        readSetkey();
        readPsk();
        return build();
    }

private:
    // Statements live as long as the reader: remotes and policies point into them.
    const QList<Stmt>& keep(QList<Stmt> stmts)
    {
        m_trees.append(std::make_shared<QList<Stmt>>(std::move(stmts)));
        return *m_trees.constLast();
    }

    void markAll(const Stmt& s, const QString& reason)
    {
        for (int l = s.first; l <= s.last && l > 0; ++l)
            m_ledger.drop(s.file, l, reason);
        for (const Stmt& b : s.body)
            markAll(b, reason);
        if (s.close > 0)
            m_ledger.drop(s.file, s.close, reason);
    }

    void useStmt(const Stmt& s)
    {
        for (int l = s.first; l <= s.last && l > 0; ++l)
            m_ledger.use(s.file, l);
        if (s.close > 0)
            m_ledger.use(s.file, s.close);
    }

    void readConf(const QString& file, const QStringList& lines, QStringList stack)
    {
        stack.append(file);
        qsizetype i = 0;
        bool stray = false;
        const QList<Stmt>& stmts = keep(parseStatements(tokenize(lines), i, file, 0, stray));
        for (const Stmt& s : stmts) {
            if (!s.complete) {
                markAll(s, QStringLiteral("an incomplete statement (a missing ';' or brace): racoon refuses the file"));
                continue;
            }
            const QString k = s.key();
            if (k == QLatin1String("include") && !s.block) {
                include(s, stack);
            } else if (k == QLatin1String("path") && !s.block && s.words.size() == 3) {
                const QString what = s.words.at(1).toLower();
                const QString value = unquote(s.words.at(2));
                if (what == QLatin1String("pre_shared_key")) {
                    m_pskPath = value;
                    useStmt(s);
                } else if (what == QLatin1String("include")) {
                    m_includePath = value;
                    useStmt(s);
                } else {
                    markAll(s, what == QLatin1String("certificate") ? certReason() : daemonReason());
                }
            } else if (k == QLatin1String("remote") && s.block) {
                remote(s);
            } else if (k == QLatin1String("sainfo") && s.block) {
                sainfo(s);
            } else if (k == QLatin1String("mode_cfg")) {
                markAll(s, QStringLiteral("mode_cfg hands out addresses to road warriors: the profile joins networks, not clients"));
            } else if (QStringList{QStringLiteral("log"), QStringLiteral("listen"), QStringLiteral("timer"), QStringLiteral("padding"),
                                   QStringLiteral("privsep"), QStringLiteral("gss_id_enc"), QStringLiteral("complex_bundle"),
                                   QStringLiteral("ldapcfg"), QStringLiteral("radiuscfg")}
                           .contains(k)) {
                markAll(s, daemonReason());
            } else {
                markAll(s, QStringLiteral("racoon.conf(5) has no such statement here"));
            }
        }
    }

    void include(const Stmt& s, const QStringList& stack)
    {
        if (s.words.size() != 2) {
            markAll(s, QStringLiteral("include takes one file name"));
            return;
        }
        QString path = unquote(s.words.at(1));
        if (!path.startsWith(QLatin1Char('/')))
            path = m_includePath + QLatin1Char('/') + path;
        if (stack.size() >= ImportSource::MaxIncludeDepth) {
            markAll(s, QStringLiteral("includes nested deeper than %1 files: not followed (an include loop?)").arg(ImportSource::MaxIncludeDepth));
            return;
        }
        QStringList files;
        if (path.contains(QLatin1Char('*')) || path.contains(QLatin1Char('?')) || path.contains(QLatin1Char('['))) {
            const auto found = m_source.glob(path);
            if (!found) {
                markAll(s, QStringLiteral("not followed: %1").arg(found.error().message));
                return;
            }
            files = found.value();
            if (files.isEmpty()) {
                markAll(s, QStringLiteral("matches no file (racoon refuses such an include)"));
                return;
            }
        } else {
            files << path;
        }
        // Every file an include names counts, read or not: a racoon.conf that names the same glob
        // ten thousand times ends here too.
        if (m_files + files.size() > ImportSource::MaxFiles) {
            markAll(s, QStringLiteral("more than %1 files included: not followed").arg(ImportSource::MaxFiles));
            m_files = ImportSource::MaxFiles;
            return;
        }
        m_files += int(files.size());
        useStmt(s);
        for (const QString& f : std::as_const(files)) {
            if (stack.contains(f) || m_ledger.hasFile(f)) {
                m_ledger.fileNote(f, stack.contains(f) ? QStringLiteral("an include loop: %1 includes itself again; not followed").arg(f)
                                                       : QStringLiteral("included a second time; read once"));
                continue;
            }
            if (const auto lines = readInto(m_source, f, m_ledger))
                readConf(f, *lines, stack);
        }
    }

    void remote(const Stmt& s)
    {
        Remote r;
        r.file = s.file;
        r.stmt = &s;
        const QString addr = s.words.value(1);
        if (s.words.size() != 2) {
            markAll(s, s.words.contains(QStringLiteral("inherit"))
                           ? QStringLiteral("a remote that inherits another's settings, or on another port: the profile has one phase 1 per peer address")
                           : QStringLiteral("a remote on another port: the profile's peers use IKE's own"));
            return;
        }
        r.address = addr.toLower() == QLatin1String("anonymous") ? QStringLiteral("anonymous") : normalAddress(addr);
        if (r.address.isEmpty()) {
            markAll(s, QStringLiteral("not an address: racoon's remote names its peer by address"));
            return;
        }
        const bool anon = r.address == QLatin1String("anonymous");
        int proposals = 0;
        for (const Stmt& b : s.body) {
            const QString k = b.key();
            const QString v = b.args().toLower();
            const auto verdict = [&](const QString& reason = {}) { r.verdicts.append(Verdict{&b, reason}); };
            if (!b.complete) {
                verdict(QStringLiteral("an incomplete statement"));
            } else if (k == QLatin1String("proposal") && b.block) {
                if (++proposals > 1) {
                    verdict(QStringLiteral("another phase 1 proposal: the profile holds one, the first"));
                    continue;
                }
                verdict();
                proposal(b, r);
            } else if (k == QLatin1String("exchange_mode")) {
                verdict(v == QLatin1String("main") || (anon && v == QLatin1String("aggressive"))
                            ? QString()
                            : QStringLiteral("the profile uses main mode with a peer of fixed address (aggressive only for one whose address changes)"));
            } else if (k == QLatin1String("my_identifier") || k == QLatin1String("peers_identifier")) {
                const bool mine = k == QLatin1String("my_identifier");
                const auto id = identity(b.args(), mine ? QString() : (anon ? QString() : r.address));
                if (!id) {
                    verdict(QStringLiteral("an identifier the profile has no kind for (it has address, fqdn and user_fqdn)"));
                    continue;
                }
                (mine ? r.mine : r.theirs) = *id;
                if (mine)
                    r.myText = b.args();
                verdict();
            } else if (k == QLatin1String("verify_identifier")) {
                verdict(v == QLatin1String("on") ? QString() : QStringLiteral("the profile's gateways always verify the peer's identifier"));
            } else if (k == QLatin1String("passive")) {
                verdict(v == QLatin1String("off") || anon ? QString() : QStringLiteral("a passive end: the profile decides which end starts a tunnel"));
            } else if (k == QLatin1String("generate_policy")) {
                verdict(v == QLatin1String("off") || anon ? QString()
                                                          : QStringLiteral("generate_policy with a peer of fixed address: the profile's tunnels have fixed policies"));
            } else if (k == QLatin1String("nat_traversal")) {
                verdict(v == QLatin1String("force") ? QStringLiteral("forced NAT traversal: the profile turns it on when either end is behind NAT or dynamic")
                                                    : QString());
            } else if (k == QLatin1String("lifetime")) {
                if (const auto sec = lifetimeSeconds(b.args())) {
                    r.ike.lifetime = *sec;
                    verdict();
                } else {
                    verdict(QStringLiteral("not a lifetime the profile can hold (time N sec|min|hour)"));
                }
            } else if (QStringList{QStringLiteral("certificate_type"), QStringLiteral("peers_certfile"), QStringLiteral("ca_type"),
                                   QStringLiteral("verify_cert"), QStringLiteral("send_cert"), QStringLiteral("send_cr")}
                           .contains(k)) {
                verdict(certReason());
            } else if (k == QLatin1String("mode_cfg") || k == QLatin1String("xauth_login")) {
                verdict(QStringLiteral("XAuth and mode_cfg are for road warriors: the profile joins networks"));
            } else {
                verdict(detailReason());
            }
        }
        m_remotes.append(r);
    }

    void proposal(const Stmt& p, Remote& r)
    {
        for (const Stmt& b : p.body) {
            const QString k = b.key();
            const QString v = b.args();
            const auto verdict = [&](const QString& reason = {}) { r.verdicts.append(Verdict{&b, reason}); };
            const auto algorithm = [&](const QString& id, QString& field, const QString& what) {
                if (id.isEmpty())
                    verdict(QStringLiteral("the profile has no %1 \"%2\"; the imported tunnel keeps %3").arg(what, v, field));
                else {
                    field = id;
                    verdict();
                }
            };
            if (!b.complete)
                verdict(QStringLiteral("an incomplete statement"));
            else if (k == QLatin1String("encryption_algorithm"))
                algorithm(encryptionId(v), r.ike.encryption, QStringLiteral("phase 1 encryption"));
            else if (k == QLatin1String("hash_algorithm")) {
                algorithm(hashId(v), r.ike.integrity, QStringLiteral("phase 1 hash"));
                r.ike.prf = r.ike.integrity; // racoon's hash is its PRF
            } else if (k == QLatin1String("dh_group"))
                algorithm(dhId(v), r.ike.dhGroup, QStringLiteral("DH group"));
            else if (k == QLatin1String("authentication_method")) {
                if (v.toLower() == QLatin1String("pre_shared_key"))
                    verdict();
                else {
                    r.psk = false;
                    verdict(QStringLiteral("the profile's tunnels authenticate with a pre-shared key only; the imported tunnel has none"));
                }
            } else if (k == QLatin1String("lifetime")) {
                if (const auto sec = lifetimeSeconds(v)) {
                    r.ike.lifetime = *sec;
                    verdict();
                } else
                    verdict(QStringLiteral("not a lifetime the profile can hold (time N sec|min|hour)"));
            } else if (k == QLatin1String("gss_id"))
                verdict(QStringLiteral("GSS-API (Kerberos): the profile's tunnels authenticate with a pre-shared key"));
            else
                verdict(detailReason());
        }
    }

    void sainfo(const Stmt& s)
    {
        SaInfo si;
        si.file = s.file;
        si.stmt = &s;
        const QStringList& w = s.words;
        if (w.size() == 2 && w.at(1).toLower() == QLatin1String("anonymous")) {
            // for the anonymous remote
        } else if (w.size() == 7 && w.at(1).toLower() == QLatin1String("address") && w.at(4).toLower() == QLatin1String("address")
                   && w.at(3).toLower() == QLatin1String("any") && w.at(6).toLower() == QLatin1String("any")) {
            const auto src = network(w.at(2));
            const auto dst = network(w.at(5));
            if (!src || !dst) {
                markAll(s, QStringLiteral("a phase 2 for some ports or not a network: the profile's tunnels carry whole networks"));
                return;
            }
            si.src = *src;
            si.dst = *dst;
        } else {
            markAll(s, QStringLiteral("a phase 2 for one protocol, a peer's identity or a group: the profile has one per pair of networks"));
            return;
        }
        for (const Stmt& b : s.body) {
            const QString k = b.key();
            const QString v = b.args();
            const auto verdict = [&](const QString& reason = {}) { si.verdicts.append(Verdict{&b, reason}); };
            const auto first = [&](auto idOf, QString& field) {
                const QStringList names = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
                const QString id = names.isEmpty() ? QString() : idOf(names.constFirst().trimmed());
                if (id.isEmpty())
                    verdict(QStringLiteral("the profile has no %1 \"%2\"; the imported tunnel keeps %3").arg(k, names.value(0).trimmed(), field));
                else {
                    field = id;
                    verdict(names.size() > 1 ? QStringLiteral("several algorithms: the profile holds one proposal, and takes the first (%1)").arg(id)
                                             : QString());
                }
            };
            if (!b.complete)
                verdict(QStringLiteral("an incomplete statement"));
            else if (k == QLatin1String("encryption_algorithm"))
                first(encryptionId, si.esp.encryption);
            else if (k == QLatin1String("authentication_algorithm"))
                first(espAuthId, si.esp.integrity);
            else if (k == QLatin1String("pfs_group")) {
                const QString id = v.toLower() == QLatin1String("none") ? QStringLiteral("none") : dhId(v);
                if (id.isEmpty())
                    verdict(QStringLiteral("the profile has no PFS group \"%1\"").arg(v));
                else {
                    si.esp.pfsGroup = id;
                    verdict();
                }
            } else if (k == QLatin1String("lifetime")) {
                if (const auto sec = lifetimeSeconds(v)) {
                    si.esp.lifetime = *sec;
                    verdict();
                } else
                    verdict(QStringLiteral("not a lifetime the profile can hold (time N sec|min|hour)"));
            } else if (k == QLatin1String("compression_algorithm")) {
                // racoon's parser wants it even when no policy asks for IPComp: no meaning of its own.
                verdict(v.toLower() == QLatin1String("deflate") ? QString() : QStringLiteral("racoon knows deflate only"));
            } else
                verdict(detailReason());
        }
        m_sainfos.append(si);
    }

    void readSetkey()
    {
        QStringList files;
        if (m_source.read(QStringLiteral("ipsec-tools.conf")).ok())
            files << QStringLiteral("ipsec-tools.conf");
        if (const auto more = m_source.glob(QStringLiteral("ipsec-tools.d/*.conf")); more)
            files += more.value();
        else
            m_ledger.fileNote(QStringLiteral("ipsec-tools.d"), QStringLiteral("not read: %1").arg(more.error().message));
        m_noSetkey = files.isEmpty();
        for (const QString& f : std::as_const(files)) {
            if (++m_files > ImportSource::MaxFiles) {
                m_ledger.fileNote(f, QStringLiteral("more than %1 files: not read").arg(ImportSource::MaxFiles));
                return;
            }
            const auto lines = readInto(m_source, f, m_ledger);
            if (!lines)
                continue;
            qsizetype i = 0;
            bool stray = false;
            for (const Stmt& s : keep(parseStatements(tokenize(*lines), i, f, 0, stray)))
                setkeyStatement(s);
        }
    }

    void setkeyStatement(const Stmt& s)
    {
        const QString k = s.key();
        if (!s.complete || s.block) {
            markAll(s, QStringLiteral("an incomplete statement (a missing ';'): setkey refuses the file"));
            return;
        }
        if (k == QLatin1String("flush") || k == QLatin1String("spdflush")) {
            useStmt(s); // clears what was there before: nothing of its own to import
            return;
        }
        if (k == QLatin1String("add") || k == QLatin1String("update")) {
            // A manual SA carries its keys: they must not reach a note.
            for (const QString& w : s.words)
                if (w.startsWith(QLatin1Char('"')) || w.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
                    m_ledger.addKey(unquote(w).toUtf8());
            markAll(s, QStringLiteral("a manual SA with its own keys: the profile's tunnels are keyed by IKE"));
            return;
        }
        if (k != QLatin1String("spdadd") && k != QLatin1String("spdupdate")) {
            markAll(s, k == QLatin1String("spddelete") || k == QLatin1String("delete") || k == QLatin1String("deleteall")
                           ? QStringLiteral("deletes what another statement made: the profile lists only what is there")
                           : QStringLiteral("shows or changes the kernel's tables without a policy the profile can carry"));
            return;
        }
        const qsizetype p = s.words.indexOf(QStringLiteral("-P"));
        QStringList sel;
        for (qsizetype i = 1; i < (p < 0 ? s.words.size() : p); ++i)
            if (!s.words.at(i).startsWith(QLatin1Char('-')))
                sel << s.words.at(i);
        const QStringList pol = p < 0 ? QStringList{} : s.words.mid(p + 1);
        if (sel.size() != 3 || pol.size() < 2) {
            markAll(s, QStringLiteral("not a policy between two networks (spdadd SRC DST any -P DIR ipsec …)"));
            return;
        }
        if (sel.at(2).toLower() != QLatin1String("any")) {
            markAll(s, QStringLiteral("a policy for one protocol only: the profile's tunnels carry all traffic between networks"));
            return;
        }
        const QString dir = pol.at(0).toLower();
        if (pol.at(1).toLower() != QLatin1String("ipsec")) {
            markAll(s, QStringLiteral("not an IPsec policy (none, discard): the profile has no such rule"));
            return;
        }
        static const QRegularExpression rule(QStringLiteral("^esp/tunnel/([0-9A-Fa-f.:]+)-([0-9A-Fa-f.:]+)/(require|unique(:\\d+)?|use|default)$"));
        const auto m = pol.size() == 3 ? rule.match(pol.at(2)) : QRegularExpressionMatch();
        if (!m.hasMatch()) {
            markAll(s, pol.size() > 3 ? QStringLiteral("nested IPsec (several rules): the profile's tunnels are ESP in tunnel mode")
                                      : QStringLiteral("not ESP in tunnel mode (transport mode, AH, IPComp): the profile's tunnels are ESP tunnels"));
            return;
        }
        const auto src = network(sel.at(0));
        const auto dst = network(sel.at(1));
        const QString a = normalAddress(m.captured(1));
        const QString b = normalAddress(m.captured(2));
        if (!src || !dst || a.isEmpty() || b.isEmpty()) {
            markAll(s, QStringLiteral("a policy for some ports or not between networks: the profile's tunnels carry whole networks"));
            return;
        }
        Policy policy;
        if (dir == QLatin1String("out"))
            policy = Policy{*src, *dst, a, b, s.file, &s, false};
        else if (dir == QLatin1String("in") || dir == QLatin1String("fwd"))
            policy = Policy{*dst, *src, b, a, s.file, &s, false};
        else {
            markAll(s, QStringLiteral("not a direction the profile knows (out, in, fwd)"));
            return;
        }
        m_policies.append(policy);
    }

    void readPsk()
    {
        const QString path = m_pskPath.isEmpty() ? QStringLiteral("/etc/racoon/psk.txt") : m_pskPath;
        PskFile psk = readPskFile(m_source, m_ledger, path);
        m_pskFile = psk.path;
        m_psk = std::move(psk.entries);
        m_pskById = std::move(psk.byId);
    }

    std::optional<QByteArray> key(const QString& id, const QString& address)
    {
        for (const QString& want : {id, address}) {
            if (want.isEmpty())
                continue;
            if (const auto e = m_pskById.constFind(want); e != m_pskById.cend()) {
                m_usedPsk.insert(e->line);
                m_ledger.use(m_pskFile, e->line);
                return e->key;
            }
        }
        return std::nullopt;
    }

    // The name our own files give a tunnel: racoon/ipsec-wizard.d/NAME.conf,
    // ipsec-tools.d/ipsec-wizard-NAME.conf.
    static QString nameFromFile(const QString& file)
    {
        static const QRegularExpression conf(QStringLiteral("(?:^|/)ipsec-wizard\\.d/([A-Za-z0-9_-]{1,32})\\.conf$"));
        static const QRegularExpression spd(QStringLiteral("(?:^|/)ipsec-tools\\.d/ipsec-wizard-([A-Za-z0-9_-]{1,32})\\.conf$"));
        if (const auto m = conf.match(file); m.hasMatch() && m.captured(1) != QLatin1String("00-ipsec-wizard"))
            return m.captured(1);
        if (const auto m = spd.match(file); m.hasMatch())
            return m.captured(1);
        return {};
    }

    // Both by hash: a racoon.conf of a MiB has thousands of remotes and sainfos.
    Remote* remoteFor(const QString& address)
    {
        if (m_remoteIndex.isEmpty())
            for (qsizetype i = m_remotes.size() - 1; i >= 0; --i) // the first remote of an address wins
                m_remoteIndex.insert(m_remotes.at(i).address, i);
        const auto it = m_remoteIndex.constFind(address);
        return it == m_remoteIndex.cend() ? nullptr : &m_remotes[*it];
    }

    // The ESP proposal of a pair of networks: the sainfo of either direction, taken.
    std::optional<EspProposal> espFor(const QString& local, const QString& remote)
    {
        if (m_sainfoIndex.isEmpty())
            for (qsizetype i = 0; i < m_sainfos.size(); ++i)
                if (!m_sainfos.at(i).src.isEmpty())
                    m_sainfoIndex[m_sainfos.at(i).src + QLatin1Char(' ') + m_sainfos.at(i).dst].append(i);
        std::optional<EspProposal> out;
        for (const QString& pair : {local + QLatin1Char(' ') + remote, remote + QLatin1Char(' ') + local}) {
            for (const qsizetype i : m_sainfoIndex.value(pair)) {
                SaInfo& s = m_sainfos[i];
                if (!out)
                    out = s.esp;
                if (s.esp == *out)
                    s.taken = true;
            }
        }
        return out;
    }

    Result<ImportResult> build()
    {
        ImportResult result;
        QStringList peers;
        QHash<QString, QList<Policy*>> byPeer;
        for (Policy& p : m_policies) {
            if (!byPeer.contains(p.remoteGw))
                peers << p.remoteGw;
            byPeer[p.remoteGw].append(&p);
        }
        QString localAddress;
        std::optional<Identity> mine;
        QList<ImportedTunnel> tunnels;
        Remote* anon = remoteFor(QStringLiteral("anonymous"));
        for (const QString& address : std::as_const(peers)) {
            ImportedTunnel t;
            t.peerAddress = address;
            Remote* r = remoteFor(address);
            if (!r)
                r = anon; // racoon's phase 1 for any address without a remote of its own
            if (r) {
                r->taken = true;
                t.ike = r->ike;
                t.peerIdentity = r == anon ? Identity{} : r->theirs.value_or(Identity{});
                if (r != anon && r->mine && !mine)
                    mine = r->mine;
                t.name = nameFromFile(r->file);
            } else {
                t.ike = defaultIke();
                result.findings.append(Finding{Severity::Warning, QStringLiteral("remote %1").arg(address),
                                               QStringLiteral("racoon.conf has no remote for %1: its phase 1 is racoon's default here.").arg(address), {}});
            }
            std::optional<EspProposal> esp;
            QSet<QString> seen;
            for (Policy* p : byPeer.value(address)) {
                if (localAddress.isEmpty())
                    localAddress = p->localGw;
                if (p->localGw != localAddress) {
                    markAll(*p->stmt, QStringLiteral("another local tunnel end than %1: the site has one address").arg(localAddress));
                    continue;
                }
                p->taken = true;
                if (!seen.contains(QLatin1Char('L') + p->local)) {
                    seen.insert(QLatin1Char('L') + p->local);
                    t.localNets << p->local;
                }
                if (!seen.contains(QLatin1Char('R') + p->remote)) {
                    seen.insert(QLatin1Char('R') + p->remote);
                    t.remoteNets << p->remote;
                }
                if (t.name.isEmpty())
                    t.name = nameFromFile(p->file);
                if (const auto e = espFor(p->local, p->remote); e && !esp)
                    esp = e;
            }
            if (t.localNets.isEmpty())
                continue;
            t.esp = esp.value_or(defaultEsp());
            if (!esp) {
                for (SaInfo& s : m_sainfos)
                    if (s.src.isEmpty()) {
                        t.esp = s.esp; // sainfo anonymous: for any pair without its own
                        s.taken = true;
                        break;
                    }
            }
            if (r && !r->psk)
                t.psk = std::nullopt;
            else
                t.psk = key(identityValue(t.peerIdentity, address), address);
            tunnels << t;
        }

        // The anonymous remote with the sainfos no policy took: a peer whose address changes
        // (generate_policy makes its policies). The first of a pair of directions is ours → theirs.
        if (anon) {
            ImportedTunnel t;
            std::optional<EspProposal> esp;
            QSet<QString> seen; // "L" or "R" and a network
            bool any = false;
            for (SaInfo& s : m_sainfos) {
                if (s.taken)
                    continue;
                if (s.src.isEmpty()) {
                    if (!esp)
                        esp = s.esp;
                    s.taken = true;
                    any = true;
                    continue;
                }
                const bool reverse = seen.contains(QLatin1Char('R') + s.src) && seen.contains(QLatin1Char('L') + s.dst);
                if (!reverse) {
                    if (!seen.contains(QLatin1Char('L') + s.src)) {
                        seen.insert(QLatin1Char('L') + s.src);
                        t.localNets << s.src;
                    }
                    if (!seen.contains(QLatin1Char('R') + s.dst)) {
                        seen.insert(QLatin1Char('R') + s.dst);
                        t.remoteNets << s.dst;
                    }
                }
                if (!esp)
                    esp = s.esp;
                s.taken = *esp == s.esp;
                any = true;
            }
            if (any) {
                anon->taken = true;
                t.ike = anon->ike;
                t.esp = esp.value_or(defaultEsp());
                t.peerIdentity = anon->theirs.value_or(Identity{});
                t.name = nameFromFile(anon->file);
                if (anon->mine && !mine)
                    mine = anon->mine;
                if (anon->psk && !identityValue(t.peerIdentity, {}).isEmpty())
                    t.psk = key(t.peerIdentity.value, {});
                tunnels << t;
            }
        }

        // A gateway whose only peer is dynamic names its address in its identity, if anywhere.
        if (localAddress.isEmpty() && mine && mine->kind == IdentityKind::Address)
            localAddress = mine->value;
        Identity own = mine.value_or(Identity{});
        if (own.kind == IdentityKind::Address && own.value == localAddress)
            own.value.clear();

        for (const Remote& r : std::as_const(m_remotes)) {
            if (!r.taken) {
                markAll(*r.stmt, QStringLiteral("no policy goes to this peer, so no tunnel uses this phase 1"));
                continue;
            }
            useStmt(*r.stmt);
            for (const Verdict& v : r.verdicts) {
                const auto id = v.stmt->key() == QLatin1String("my_identifier") ? identity(v.stmt->args(), localAddress) : std::nullopt;
                const bool otherId = id && *id != own;
                if (otherId)
                    markAll(*v.stmt, QStringLiteral("another identifier of this gateway: the site has one, the first"));
                else if (v.reason.isEmpty())
                    useStmt(*v.stmt);
                else
                    markAll(*v.stmt, v.reason);
            }
        }
        for (const SaInfo& s : std::as_const(m_sainfos)) {
            if (!s.taken) {
                markAll(*s.stmt, QStringLiteral("no tunnel carries this pair of networks, or it differs from the tunnel's first phase 2"));
                continue;
            }
            useStmt(*s.stmt);
            for (const Verdict& v : s.verdicts) {
                if (v.reason.isEmpty())
                    useStmt(*v.stmt);
                else
                    markAll(*v.stmt, v.reason);
            }
        }
        for (const Policy& p : std::as_const(m_policies))
            if (p.taken)
                useStmt(*p.stmt);
        for (const PskEntry& e : std::as_const(m_psk))
            if (!m_usedPsk.contains(e.line))
                m_ledger.drop(m_pskFile, e.line, QStringLiteral("a key for %1, which no imported tunnel uses").arg(shown(e.id)));
        // Only a peer whose address changes needs no policy file (generate_policy makes them).
        if (m_noSetkey && std::any_of(m_remotes.cbegin(), m_remotes.cend(), [](const Remote& r) { return r.address != QLatin1String("anonymous"); }))
            m_ledger.fileNote(QStringLiteral("ipsec-tools.conf"),
                              QStringLiteral("no setkey policies (ipsec-tools.conf, ipsec-tools.d/*.conf): no tunnel to a peer of fixed address"));
        if (tunnels.isEmpty())
            m_ledger.fileNote(QString(), QStringLiteral("no tunnel: no setkey policy joins two networks, and no anonymous remote has a phase 2"));
        for (ImportedTunnel& t : tunnels)
            t.peerSite = m_ledger.farSite(t.name);
        result.network = buildNetwork(m_options, Flavour::Racoon, localAddress, own, tunnels, m_ledger.networkName());
        result.unused = m_ledger.notes();
        return result;
    }

    const ImportSource& m_source;
    const ImportOptions& m_options;
    LineLedger m_ledger;
    QList<std::shared_ptr<QList<Stmt>>> m_trees;
    QString m_includePath = QStringLiteral("/etc/racoon");
    QString m_pskPath;
    QList<Remote> m_remotes;
    QList<SaInfo> m_sainfos;
    QHash<QString, qsizetype> m_remoteIndex;          // address -> first remote of it
    QHash<QString, QList<qsizetype>> m_sainfoIndex;   // "SRC DST" -> sainfos
    QList<Policy> m_policies;
    QList<PskEntry> m_psk;
    QHash<QString, PskEntry> m_pskById;
    QString m_pskFile;
    QSet<int> m_usedPsk;
    int m_files = 0;
    bool m_noSetkey = false;
};

} // namespace

Result<ImportResult> Import::racoon(const ImportSource& source, const ImportOptions& options)
{
    return RacoonReader(source, options).run();
}

} // namespace ipsecwiz
