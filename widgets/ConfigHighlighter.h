#pragma once

// Syntax colours for the generated files on the Review page: comments, the format's keywords,
// addresses and networks, quoted strings. One highlighter knows every format the generators write.

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ipsecwiz {

class ConfigHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigHighlighter)

public:
    enum class Syntax { Plain, RacoonTool, Racoon, Setkey, Swanctl, Shell, Nftables, Iptables, PskList };
    Q_ENUM(Syntax)

    ConfigHighlighter(Syntax syntax, bool dark, QTextDocument* document);
    ~ConfigHighlighter() override;

    // Which format a generated file is, from its target path.
    static Syntax syntaxFor(const QString& path);

    [[nodiscard]] Syntax syntax() const { return m_syntax; }
    // Colours for a light or a dark background.
    void setDark(bool dark);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    void buildRules();

    Syntax m_syntax;
    bool m_dark;
    QList<Rule> m_rules;
    QTextCharFormat m_comment;
};

} // namespace ipsecwiz
