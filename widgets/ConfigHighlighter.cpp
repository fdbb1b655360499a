#include "ConfigHighlighter.h"

#include <QColor>
#include <QFileInfo>

namespace ipsecwiz {

namespace {

QStringList keywordsFor(ConfigHighlighter::Syntax syntax)
{
    using S = ConfigHighlighter::Syntax;
    switch (syntax) {
    case S::RacoonTool:
        return {QStringLiteral("global"), QStringLiteral("peer"), QStringLiteral("connection"), QStringLiteral("log"),
                QStringLiteral("path_pre_shared_key"), QStringLiteral("exchange_mode"), QStringLiteral("passive"),
                QStringLiteral("verify_identifier"), QStringLiteral("lifetime"), QStringLiteral("authentication_method"),
                QStringLiteral("encryption_algorithm"), QStringLiteral("hash_algorithm"), QStringLiteral("dh_group"),
                QStringLiteral("authentication_algorithm"), QStringLiteral("pfs_group"), QStringLiteral("my_identifier"),
                QStringLiteral("peers_identifier"), QStringLiteral("src_range"), QStringLiteral("dst_range"), QStringLiteral("src_ip"),
                QStringLiteral("dst_ip"), QStringLiteral("admin_status"), QStringLiteral("nat_traversal"), QStringLiteral("proposal_check")};
    case S::Racoon:
        return {QStringLiteral("path"), QStringLiteral("pre_shared_key"), QStringLiteral("log"), QStringLiteral("remote"),
                QStringLiteral("sainfo"), QStringLiteral("proposal"), QStringLiteral("exchange_mode"), QStringLiteral("my_identifier"),
                QStringLiteral("peers_identifier"), QStringLiteral("verify_identifier"), QStringLiteral("passive"),
                QStringLiteral("lifetime"), QStringLiteral("encryption_algorithm"), QStringLiteral("hash_algorithm"),
                QStringLiteral("authentication_method"), QStringLiteral("dh_group"), QStringLiteral("pfs_group"),
                QStringLiteral("authentication_algorithm"), QStringLiteral("compression_algorithm"), QStringLiteral("address"),
                QStringLiteral("any"), QStringLiteral("anonymous"), QStringLiteral("listen"), QStringLiteral("isakmp"),
                QStringLiteral("nat_traversal"), QStringLiteral("generate_policy"), QStringLiteral("proposal_check")};
    case S::Setkey:
        return {QStringLiteral("flush"), QStringLiteral("spdflush"), QStringLiteral("spdadd"), QStringLiteral("spdupdate"), QStringLiteral("spddelete"), QStringLiteral("add"),
                QStringLiteral("delete"), QStringLiteral("any"), QStringLiteral("ipsec"), QStringLiteral("esp"), QStringLiteral("tunnel"),
                QStringLiteral("require"), QStringLiteral("unique"), QStringLiteral("use"), QStringLiteral("in"), QStringLiteral("out"),
                QStringLiteral("fwd"), QStringLiteral("-P")};
    case S::Swanctl:
        return {QStringLiteral("connections"), QStringLiteral("children"), QStringLiteral("secrets"), QStringLiteral("local"),
                QStringLiteral("remote"), QStringLiteral("version"), QStringLiteral("local_addrs"), QStringLiteral("remote_addrs"),
                QStringLiteral("proposals"), QStringLiteral("esp_proposals"), QStringLiteral("rekey_time"), QStringLiteral("reauth_time"),
                QStringLiteral("over_time"), QStringLiteral("life_time"), QStringLiteral("dpd_delay"), QStringLiteral("dpd_action"),
                QStringLiteral("auth"), QStringLiteral("id"), QStringLiteral("mode"), QStringLiteral("local_ts"), QStringLiteral("remote_ts"),
                QStringLiteral("start_action"), QStringLiteral("close_action"), QStringLiteral("secret"), QStringLiteral("id-local"),
                QStringLiteral("id-remote"), QStringLiteral("encap"), QStringLiteral("mobike"), QStringLiteral("updown")};
    case S::Shell:
        return {QStringLiteral("set"), QStringLiteral("if"), QStringLiteral("then"), QStringLiteral("else"), QStringLiteral("elif"),
                QStringLiteral("fi"), QStringLiteral("for"), QStringLiteral("do"), QStringLiteral("done"), QStringLiteral("case"),
                QStringLiteral("esac"), QStringLiteral("while"), QStringLiteral("exit"), QStringLiteral("return"), QStringLiteral("echo"),
                QStringLiteral("ip"), QStringLiteral("route"), QStringLiteral("replace"), QStringLiteral("add"), QStringLiteral("del"),
                QStringLiteral("via"), QStringLiteral("src"), QStringLiteral("dev"), QStringLiteral("local"), QStringLiteral("shift")};
    case S::Nftables:
        return {QStringLiteral("table"), QStringLiteral("chain"), QStringLiteral("type"), QStringLiteral("hook"), QStringLiteral("priority"),
                QStringLiteral("policy"), QStringLiteral("accept"), QStringLiteral("drop"), QStringLiteral("reject"), QStringLiteral("counter"),
                QStringLiteral("comment"), QStringLiteral("delete"), QStringLiteral("filter"), QStringLiteral("input"), QStringLiteral("forward"),
                QStringLiteral("output"), QStringLiteral("inet"), QStringLiteral("ip"), QStringLiteral("ip6"), QStringLiteral("saddr"),
                QStringLiteral("daddr"), QStringLiteral("udp"), QStringLiteral("dport"), QStringLiteral("meta"), QStringLiteral("l4proto"),
                QStringLiteral("esp"), QStringLiteral("ipsec"), QStringLiteral("exists"), QStringLiteral("rt"), QStringLiteral("iifname"),
                QStringLiteral("oifname")};
    case S::Iptables:
        return {QStringLiteral("*filter"), QStringLiteral("COMMIT"), QStringLiteral("-A"), QStringLiteral("-I"), QStringLiteral("-D"),
                QStringLiteral("-j"), QStringLiteral("-s"), QStringLiteral("-d"), QStringLiteral("-p"), QStringLiteral("-m"),
                QStringLiteral("-i"), QStringLiteral("-o"), QStringLiteral("--dports"), QStringLiteral("--dir"), QStringLiteral("--pol"),
                QStringLiteral("ACCEPT"), QStringLiteral("DROP"), QStringLiteral("RETURN"), QStringLiteral("REJECT"), QStringLiteral("INPUT"),
                QStringLiteral("FORWARD"), QStringLiteral("OUTPUT"), QStringLiteral("multiport"), QStringLiteral("policy"),
                QStringLiteral("udp"), QStringLiteral("esp"), QStringLiteral("ipsec")};
    case S::PskList:
    case S::Plain:
        break;
    }
    return {};
}

} // namespace

ConfigHighlighter::ConfigHighlighter(Syntax syntax, bool dark, QTextDocument* document)
    : QSyntaxHighlighter(document), m_syntax(syntax), m_dark(dark)
{
    buildRules();
}

ConfigHighlighter::~ConfigHighlighter() = default;

ConfigHighlighter::Syntax ConfigHighlighter::syntaxFor(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    if (name == QLatin1String("racoon-tool.conf"))
        return Syntax::RacoonTool;
    // racoon's included files and setkey's folder (a file per tunnel) read as the main files do.
    if (name == QLatin1String("racoon.conf") || path.contains(QLatin1String("/racoon/ipsec-wizard.d/")))
        return Syntax::Racoon;
    if (name == QLatin1String("ipsec-tools.conf") || name == QLatin1String("setkey.conf") || name.endsWith(QLatin1String(".setkey"))
        || path.contains(QLatin1String("/ipsec-tools.d/")))
        return Syntax::Setkey;
    if (name == QLatin1String("psk.txt"))
        return Syntax::PskList;
    if (path.contains(QLatin1String("/swanctl/")) || name == QLatin1String("swanctl.conf"))
        return Syntax::Swanctl;
    if (name.endsWith(QLatin1String(".sh")))
        return Syntax::Shell;
    if (name.endsWith(QLatin1String(".nft")))
        return Syntax::Nftables;
    if (name.endsWith(QLatin1String(".iptables")))
        return Syntax::Iptables;
    return Syntax::Plain;
}

void ConfigHighlighter::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    buildRules();
    rehighlight();
}

void ConfigHighlighter::buildRules()
{
    m_rules.clear();
    const auto colour = [this](QRgb light, QRgb dark) { return QColor::fromRgb(m_dark ? dark : light); };

    QTextCharFormat keyword;
    keyword.setForeground(colour(0x1f4fa8, 0x82aaff));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat address;
    address.setForeground(colour(0x8a3d00, 0xf5a862));
    QTextCharFormat string;
    string.setForeground(colour(0x2e7d32, 0xa5d6a7));
    QTextCharFormat secret;
    secret.setForeground(colour(0x9c1c6b, 0xf48fb1));
    QTextCharFormat section;
    section.setForeground(colour(0x6a1b9a, 0xce93d8));
    section.setFontWeight(QFont::Bold);
    m_comment = QTextCharFormat();
    m_comment.setForeground(colour(0x6b7280, 0x9aa3ae));
    m_comment.setFontItalic(true);

    const QStringList words = keywordsFor(m_syntax);
    if (!words.isEmpty()) {
        QStringList escaped;
        for (const QString& w : words)
            escaped.append(QRegularExpression::escape(w));
        // Keywords stand alone: not inside a longer word, an address or a path.
        m_rules.append({QRegularExpression(QStringLiteral("(?<![\\w./-])(?:%1)(?![\\w-])").arg(escaped.join(QLatin1Char('|')))), keyword});
    }
    if (m_syntax == Syntax::RacoonTool)
        m_rules.append({QRegularExpression(QStringLiteral("^\\w+(?:\\([^)]*\\))?:(?=\\s*$)")), section});
    if (m_syntax == Syntax::Iptables)
        m_rules.append({QRegularExpression(QStringLiteral("^:\\S+")), section});
    m_rules.append({QRegularExpression(QStringLiteral("\"[^\"]*\"")), string});
    // IPv4 addresses and networks, then IPv6 ones (at least two colons, hex groups).
    m_rules.append({QRegularExpression(QStringLiteral("(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,2})?(?![\\w.])")), address});
    m_rules.append({QRegularExpression(QStringLiteral("(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:/\\d{1,3})?(?![\\w:])")), address});
    // The key itself, in psk.txt and swanctl's secrets: "0x" and hex digits.
    m_rules.append({QRegularExpression(QStringLiteral("\\b0x[0-9A-Fa-f]{16,}\\b")), secret});
}

void ConfigHighlighter::highlightBlock(const QString& text)
{
    // A comment runs from a "#" at the start of a word to the end of the line ("#!" too).
    static const QRegularExpression comment(QStringLiteral("(?:^|\\s)(#.*)$"));
    qsizetype commentStart = text.size();
    if (m_syntax != Syntax::Plain) {
        const auto m = comment.match(text);
        if (m.hasMatch() && !text.left(m.capturedStart(1)).contains(QLatin1Char('"')))
            commentStart = m.capturedStart(1);
    }
    const QString code = text.left(commentStart);
    for (const Rule& rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(code);
        while (it.hasNext()) {
            const auto m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), rule.format);
        }
    }
    if (commentStart < text.size())
        setFormat(int(commentStart), int(text.size() - commentStart), m_comment);
}

} // namespace ipsecwiz
