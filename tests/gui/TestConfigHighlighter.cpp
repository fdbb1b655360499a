// Syntax colours on the Review page: each generated file gets its format's highlighter, and
// comments, keywords, addresses and the key are told apart.

#include "ConfigHighlighter.h"

#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace ipsecwiz;

namespace {

// The format at column `col` of the first line, after highlighting.
QTextCharFormat formatAt(QTextDocument& doc, int col)
{
    const QTextBlock block = doc.firstBlock();
    for (const QTextLayout::FormatRange& r : block.layout()->formats())
        if (col >= r.start && col < r.start + r.length)
            return r.format;
    return {};
}

} // namespace

class TestConfigHighlighter : public QObject
{
    Q_OBJECT

private slots:
    void picksTheSyntaxByPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<ConfigHighlighter::Syntax>("syntax");
        QTest::newRow("racoon-tool") << QStringLiteral("/etc/racoon/racoon-tool.conf") << ConfigHighlighter::Syntax::RacoonTool;
        QTest::newRow("racoon") << QStringLiteral("/etc/racoon/racoon.conf") << ConfigHighlighter::Syntax::Racoon;
        QTest::newRow("setkey") << QStringLiteral("/etc/ipsec-tools.conf") << ConfigHighlighter::Syntax::Setkey;
        QTest::newRow("racoon-tunnel") << QStringLiteral("/etc/racoon/ipsec-wizard.d/seed.conf") << ConfigHighlighter::Syntax::Racoon;
        QTest::newRow("setkey-tunnel") << QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-seed.conf") << ConfigHighlighter::Syntax::Setkey;
        QTest::newRow("setkey-unload") << QStringLiteral("/etc/ipsec-wizard/seed/unload.setkey") << ConfigHighlighter::Syntax::Setkey;
        QTest::newRow("psk") << QStringLiteral("/etc/racoon/psk.txt") << ConfigHighlighter::Syntax::PskList;
        QTest::newRow("swanctl") << QStringLiteral("/etc/swanctl/conf.d/seed.conf") << ConfigHighlighter::Syntax::Swanctl;
        QTest::newRow("routes") << QStringLiteral("/etc/ipsec-wizard/seed/routes.sh") << ConfigHighlighter::Syntax::Shell;
        QTest::newRow("nft") << QStringLiteral("/etc/ipsec-wizard/seed/firewall.nft") << ConfigHighlighter::Syntax::Nftables;
        QTest::newRow("iptables") << QStringLiteral("/etc/ipsec-wizard/seed/firewall.iptables") << ConfigHighlighter::Syntax::Iptables;
        QTest::newRow("other") << QStringLiteral("/etc/motd") << ConfigHighlighter::Syntax::Plain;
    }

    void picksTheSyntaxByPath()
    {
        QFETCH(QString, path);
        QFETCH(ConfigHighlighter::Syntax, syntax);
        QCOMPARE(ConfigHighlighter::syntaxFor(path), syntax);
    }

    void tellsCommentsKeywordsAddressesAndKeysApart()
    {
        QTextDocument doc;
        doc.setPlainText(QStringLiteral("        local_addrs = 198.51.100.10 # gateway A"));
        ConfigHighlighter h(ConfigHighlighter::Syntax::Swanctl, false, &doc);
        h.rehighlight();
        const QTextCharFormat keyword = formatAt(doc, 8);
        const QTextCharFormat address = formatAt(doc, 22);
        const QTextCharFormat comment = formatAt(doc, 37);
        QCOMPARE(keyword.fontWeight(), int(QFont::Bold));
        QVERIFY(address.foreground().color() != keyword.foreground().color());
        QVERIFY(comment.fontItalic());
        QVERIFY(formatAt(doc, 5).foreground().style() == Qt::NoBrush); // plain indentation

        QTextDocument psk;
        psk.setPlainText(QStringLiteral("203.0.113.2\t0x00112233445566778899aabbccddeeff"));
        ConfigHighlighter hp(ConfigHighlighter::Syntax::PskList, false, &psk);
        hp.rehighlight();
        QVERIFY(formatAt(psk, 14).foreground().color() != formatAt(psk, 0).foreground().color());

        // A "#" inside a word is not a comment.
        QTextDocument shell;
        shell.setPlainText(QStringLiteral("ip route replace 10.20.0.0/16 via 198.51.100.1"));
        ConfigHighlighter hs(ConfigHighlighter::Syntax::Shell, true, &shell);
        hs.rehighlight();
        QVERIFY(!formatAt(shell, 0).fontItalic());
        QCOMPARE(formatAt(shell, 0).fontWeight(), int(QFont::Bold));
    }
};

QTEST_MAIN(TestConfigHighlighter)
#include "TestConfigHighlighter.moc"
