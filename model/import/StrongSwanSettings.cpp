#include "StrongSwanSettings.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace ipsecwiz::StrongSwan {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Import", text);
}

QString key(const QString& file, int line)
{
    return file + QLatin1Char(':') + QString::number(line);
}

// Sections nested deeper than this are hostile ("a{a{a{…" would otherwise recurse a MiB deep).
constexpr int MaxNesting = 32;

enum class Tok { End, Newline, Word, Open, Close, Equals, Colon, Quoted };

struct Token
{
    Tok kind = Tok::End;
    QByteArray text;
    int line = 0;
};

// One file's bytes as strongSwan's lexer sees them: words, braces, "=", newlines; "#" to the end
// of the line is a comment.
class Lexer
{
public:
    explicit Lexer(const QByteArray& data) : m_d(data) {}

    int line() const { return m_line; }

    Token next()
    {
        skipBlanks();
        Token t;
        t.line = m_line;
        if (m_i >= m_d.size())
            return t;
        const char c = m_d.at(m_i);
        if (c == '#') {
            while (m_i < m_d.size() && m_d.at(m_i) != '\n')
                ++m_i;
            return next();
        }
        ++m_i;
        switch (c) {
        case '\n':
            ++m_line;
            t.kind = Tok::Newline;
            return t;
        case '{': t.kind = Tok::Open; return t;
        case '}': t.kind = Tok::Close; return t;
        case '=': t.kind = Tok::Equals; return t;
        case ':': t.kind = Tok::Colon; return t;
        case '"': {
            t.kind = Tok::Quoted;
            t.text = quoted();
            return t;
        }
        default: break;
        }
        t.kind = Tok::Word;
        t.text += c;
        while (m_i < m_d.size() && !isSpecial(m_d.at(m_i)))
            t.text += m_d.at(m_i++);
        return t;
    }

    Token peek()
    {
        const qsizetype i = m_i;
        const int line = m_line;
        Token t = next();
        m_i = i;
        m_line = line;
        return t;
    }

    // After "=": the rest of the line up to a comment or a brace, trimmed; or a quoted string
    // (which may span lines). RAW gets the text as written.
    QByteArray value(QByteArray& raw, bool& unterminated)
    {
        skipBlanks();
        unterminated = false;
        if (m_i < m_d.size() && m_d.at(m_i) == '"') {
            const qsizetype start = m_i++;
            QByteArray v = quoted(&unterminated);
            raw = m_d.mid(start, m_i - start);
            return v;
        }
        const qsizetype start = m_i;
        while (m_i < m_d.size() && m_d.at(m_i) != '\n' && m_d.at(m_i) != '#' && m_d.at(m_i) != '}')
            ++m_i;
        raw = m_d.mid(start, m_i - start).trimmed();
        return raw;
    }

    // The rest of the line (an include's pattern), up to a comment.
    QByteArray restOfLine()
    {
        const qsizetype start = m_i;
        while (m_i < m_d.size() && m_d.at(m_i) != '\n' && m_d.at(m_i) != '#')
            ++m_i;
        return m_d.mid(start, m_i - start).trimmed();
    }

    void skipLine()
    {
        while (m_i < m_d.size() && m_d.at(m_i) != '\n') {
            if (m_d.at(m_i) == '"') { // a quoted string may hold a newline: the line ends after it
                ++m_i;
                (void)quoted();
                continue;
            }
            ++m_i;
        }
    }

private:
    static bool isSpecial(char c)
    {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '{' || c == '}' || c == '=' || c == '#' || c == '"' || c == ':';
    }

    void skipBlanks()
    {
        while (m_i < m_d.size() && (m_d.at(m_i) == ' ' || m_d.at(m_i) == '\t' || m_d.at(m_i) == '\r'))
            ++m_i;
    }

    // After the opening quote; up to the closing one, with \" \\ \n \t escapes.
    QByteArray quoted(bool* unterminated = nullptr)
    {
        QByteArray out;
        while (m_i < m_d.size()) {
            const char c = m_d.at(m_i++);
            if (c == '"')
                return out;
            if (c == '\n')
                ++m_line;
            if (c == '\\' && m_i < m_d.size()) {
                const char e = m_d.at(m_i++);
                if (e == '\n')
                    ++m_line;
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                continue;
            }
            out += c;
        }
        if (unterminated)
            *unterminated = true;
        return out;
    }

    const QByteArray& m_d;
    qsizetype m_i = 0;
    int m_line = 1;
};

class Parser
{
public:
    Parser(const ImportSource& source, LineLedger& ledger) : m_source(source), m_ledger(ledger) {}

    Status parseFile(const QString& file, SettingsNode& into, QStringList& stack)
    {
        auto data = m_source.read(file);
        if (!data)
            return data.error();
        ++m_filesRead;
        m_ledger.addFile(file, data.value());
        stack << file;
        Lexer lx(data.value());
        body(lx, file, into, stack, 0, nullptr);
        stack.removeLast();
        return {};
    }

private:
    // The entries up to the closing brace of OWNER (nullptr: to the end of the file).
    void body(Lexer& lx, const QString& file, SettingsNode& node, QStringList& stack, int nesting, const SettingsNode* owner)
    {
        for (;;) {
            const Token t = lx.next();
            switch (t.kind) {
            case Tok::End:
                if (owner)
                    m_ledger.noteLine(file, owner->where.file == file ? owner->where.line : t.line,
                                      tr("The section “%1” has no closing brace; what follows it was read into it.").arg(shown(owner->name)));
                return;
            case Tok::Newline:
                continue;
            case Tok::Close:
                if (owner) {
                    m_ledger.useLine(file, t.line);
                    return;
                }
                m_ledger.noteLine(file, t.line, tr("A closing brace without a section."));
                continue;
            case Tok::Word:
                if (t.text == "include") {
                    include(lx, file, t.line, node, stack, nesting);
                    continue;
                }
                entry(lx, file, t, node, stack, nesting);
                continue;
            default:
                lx.skipLine();
                noteLines(file, t.line, lx.line(), tr("This line cannot be read as a setting."));
                continue;
            }
        }
    }

    void entry(Lexer& lx, const QString& file, const Token& name, SettingsNode& node, QStringList& stack, int nesting)
    {
        Token t = lx.next();
        QByteArray parent;
        if (t.kind == Tok::Colon) { // "name : template {"
            while ((t = lx.next()).kind == Tok::Word || t.kind == Tok::Colon)
                parent += t.text;
            if (t.kind != Tok::Open) {
                if (t.kind != Tok::Newline)
                    lx.skipLine();
                noteLines(file, name.line, lx.line(), tr("This line cannot be read as a setting."));
                return;
            }
        }
        if (t.kind == Tok::Newline && lx.peek().kind == Tok::Open) { // the brace on the next line
            t = lx.next();
            m_ledger.useLine(file, t.line);
        }
        if (t.kind == Tok::Equals) {
            QByteArray raw;
            bool unterminated = false;
            const QByteArray value = lx.value(raw, unterminated);
            SettingsNode v;
            v.name = QString::fromUtf8(name.text);
            v.value = QString::fromUtf8(value);
            v.rawValue = QString::fromUtf8(raw);
            v.where = {file, name.line};
            v.lastLine = lx.line();
            if (unterminated) {
                m_ledger.note(v, tr("A quoted value with no closing quote."));
                return;
            }
            for (qsizetype i = 0; i < node.children.size(); ++i) {
                if (!node.children.at(i).section && node.children.at(i).name == v.name) {
                    m_ledger.note(node.children.at(i), tr("Set again at %1:%2; the later value counts.").arg(file).arg(name.line));
                    node.children.removeAt(i);
                    break;
                }
            }
            node.children.append(v);
            return;
        }
        if (t.kind == Tok::Open) {
            if (nesting >= MaxNesting) {
                m_ledger.noteLine(file, name.line, tr("Sections nest deeper than %1 levels; this one is not read.").arg(MaxNesting));
                skipSection(lx, file);
                return;
            }
            const QString sectionName = QString::fromUtf8(name.text);
            qsizetype at = -1;
            for (qsizetype i = 0; i < node.children.size(); ++i)
                if (node.children.at(i).section && node.children.at(i).name == sectionName)
                    at = i;
            if (at < 0) {
                SettingsNode s;
                s.name = sectionName;
                s.section = true;
                s.parent = QString::fromUtf8(parent);
                s.where = {file, name.line};
                node.children.append(s);
                at = node.children.size() - 1;
            } else {
                node.children[at].reopened.append({file, name.line});
            }
            // Out and back: the recursion must not hold a reference into this node's list.
            SettingsNode s = std::move(node.children[at]);
            body(lx, file, s, stack, nesting + 1, &s);
            s.lastLine = lx.line();
            node.children[at] = std::move(s);
            return;
        }
        if (t.kind != Tok::Newline && t.kind != Tok::End)
            lx.skipLine();
        noteLines(file, name.line, lx.line(), tr("This line is neither “key = value” nor a section."));
    }

    // A quoted string may have taken the lines up to TO with it.
    void noteLines(const QString& file, int from, int to, const QString& reason)
    {
        for (int l = from; l <= std::max(from, to); ++l)
            m_ledger.noteLine(file, l, reason);
    }

    // A section too deep: its lines, up to the brace that closes it, each noted.
    void skipSection(Lexer& lx, const QString& file)
    {
        int depth = 1;
        const QString why = tr("Sections nest deeper than %1 levels; this one is not read.").arg(MaxNesting);
        while (depth > 0) {
            const Token t = lx.next();
            if (t.kind == Tok::End)
                return;
            if (t.kind == Tok::Newline)
                continue;
            if (t.kind == Tok::Open)
                ++depth;
            else if (t.kind == Tok::Close)
                --depth;
            else if (t.kind == Tok::Equals) {
                QByteArray raw;
                bool unterminated = false;
                (void)lx.value(raw, unterminated);
            }
            noteLines(file, t.line, lx.line(), why); // a quoted string may span lines
        }
    }

    void include(Lexer& lx, const QString& file, int line, SettingsNode& node, QStringList& stack, int nesting)
    {
        const QStringList files = includedFiles(m_source, file, line, QString::fromUtf8(lx.restOfLine()), stack, m_filesRead, m_ledger);
        bool any = false;
        for (const QString& f : files) {
            // The included file's entries go into the section the include is in, as strongSwan does.
            const Status st = parseIncluded(f, node, stack, nesting);
            if (!st) {
                m_ledger.noteLine(file, line, tr("The include is not read: %1").arg(st.error().toString()));
                continue;
            }
            any = true;
        }
        if (any)
            m_ledger.useLine(file, line);
    }

    Status parseIncluded(const QString& file, SettingsNode& into, QStringList& stack, int nesting)
    {
        auto data = m_source.read(file);
        if (!data)
            return data.error();
        ++m_filesRead;
        m_ledger.addFile(file, data.value());
        stack << file;
        Lexer lx(data.value());
        body(lx, file, into, stack, nesting, nullptr);
        stack.removeLast();
        return {};
    }

    const ImportSource& m_source;
    LineLedger& m_ledger;
    int m_filesRead = 0;
};

} // namespace

QStringList includedFiles(const ImportSource& source, const QString& file, int line, QString pattern, const QStringList& stack, int& filesRead,
                          LineLedger& ledger)
{
    pattern = pattern.trimmed();
    if (pattern.size() >= 2 && pattern.startsWith(QLatin1Char('"')) && pattern.endsWith(QLatin1Char('"')))
        pattern = pattern.mid(1, pattern.size() - 2);
    if (pattern.isEmpty()) {
        ledger.noteLine(file, line, tr("An include without a file."));
        return {};
    }
    if (pattern.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
        ledger.noteLine(file, line, tr("The include leads out of the folder being imported (“..”); it is not read."));
        return {};
    }
    if (!pattern.startsWith(QLatin1Char('/'))) {
        const qsizetype slash = file.lastIndexOf(QLatin1Char('/'));
        if (slash >= 0)
            pattern = file.left(slash + 1) + pattern;
    }
    QStringList files;
    if (pattern.contains(QLatin1Char('*')) || pattern.contains(QLatin1Char('?')) || pattern.contains(QLatin1Char('['))) {
        const auto matched = source.glob(pattern);
        if (!matched) {
            ledger.noteLine(file, line, tr("The include is not read: %1").arg(matched.error().toString()));
            return {};
        }
        files = matched.value();
        if (files.isEmpty()) {
            ledger.noteLine(file, line, tr("The include names no file here."));
            return {};
        }
    } else {
        // Through glob too, so the file is named as the source names it.
        const auto matched = source.glob(pattern);
        files = matched && matched.value().size() == 1 ? matched.value() : QStringList{pattern};
    }
    QStringList out;
    for (const QString& f : std::as_const(files)) {
        if (stack.contains(f)) {
            ledger.noteLine(file, line, tr("The include of %1 is a loop (it is being read already); it is not read again.").arg(shown(f)));
            continue;
        }
        if (stack.size() > ImportSource::MaxIncludeDepth) {
            ledger.noteLine(file, line, tr("Includes nest deeper than %1 files; %2 is not read.").arg(ImportSource::MaxIncludeDepth).arg(shown(f)));
            continue;
        }
        if (filesRead >= ImportSource::MaxFiles) {
            ledger.noteLine(file, line, tr("More than %1 files are included; %2 is not read.").arg(ImportSource::MaxFiles).arg(shown(f)));
            continue;
        }
        out << f;
    }
    return out;
}

const SettingsNode* SettingsNode::child(const QString& n) const
{
    for (const SettingsNode& c : children)
        if (c.name == n)
            return &c;
    return nullptr;
}

QString SettingsNode::valueOf(const QString& k) const
{
    const SettingsNode* c = child(k);
    return c && !c->section ? c->value : QString();
}

void LineLedger::addFile(const QString& file, const QByteArray& content)
{
    if (!m_files.contains(file))
        m_files << file;
    m_lines.insert(file, content.split('\n'));
}

void LineLedger::use(const SettingsNode& node)
{
    if (node.section) {
        useLine(node.where.file, node.where.line);
        for (const Where& w : node.reopened)
            useLine(w.file, w.line);
        return;
    }
    for (int l = node.where.line; l <= std::max(node.where.line, node.lastLine); ++l)
        useLine(node.where.file, l);
}

void LineLedger::useLine(const QString& file, int line)
{
    m_used.insert(key(file, line));
}

bool LineLedger::accounted(const QString& file, int line) const
{
    return m_used.contains(key(file, line)) || m_notedLines.contains(key(file, line));
}

void LineLedger::note(const SettingsNode& node, const QString& reason)
{
    if (node.section) {
        add(node.where.file, node.where.line, safeLineText(lineText(node.where.file, node.where.line)), reason);
        for (const Where& w : node.reopened)
            add(w.file, w.line, safeLineText(lineText(w.file, w.line)), reason);
        for (const SettingsNode& c : node.children)
            note(c, reason);
        return;
    }
    const bool secret = node.name.compare(QLatin1String("secret"), Qt::CaseInsensitive) == 0;
    for (int l = node.where.line; l <= std::max(node.where.line, node.lastLine); ++l) {
        QString text = lineText(node.where.file, l);
        if (secret) {
            text = Import::maskedLine(text, node.rawValue.toUtf8());
            if (l > node.where.line)
                text = QStringLiteral("(key)"); // the rest of a quoted key that spans lines
        }
        add(node.where.file, l, safeLineText(text), reason);
    }
}

void LineLedger::noteLine(const QString& file, int line, const QString& reason)
{
    // A hostile one-line file gets the same note for each of its tokens: make its text once.
    if (m_noted.contains(key(file, line) + QLatin1Char('\n') + reason))
        return;
    add(file, line, safeLineText(lineText(file, line)), reason);
}

void LineLedger::add(const QString& file, int line, const QString& text, const QString& reason)
{
    const QString k = key(file, line) + QLatin1Char('\n') + reason;
    if (m_noted.contains(k))
        return;
    m_noted.insert(k);
    m_notedLines.insert(key(file, line));
    m_notes.append(ImportNote{file, line, text, reason});
}

QList<ImportNote> LineLedger::notes() const
{
    QList<ImportNote> out = m_notes;
    std::stable_sort(out.begin(), out.end(), [this](const ImportNote& a, const ImportNote& b) {
        const qsizetype fa = m_files.indexOf(a.file);
        const qsizetype fb = m_files.indexOf(b.file);
        return fa != fb ? fa < fb : a.line < b.line;
    });
    return out;
}

QSet<QString> LineLedger::usedLines() const
{
    return m_used;
}

QString LineLedger::lineText(const QString& file, int line) const
{
    // A note shows 200 characters; a MiB-long line is not decoded whole for them.
    const QList<QByteArray> lines = m_lines.value(file);
    return line >= 1 && line <= lines.size() ? QString::fromUtf8(lines.at(line - 1).left(1024)).trimmed() : QString();
}

QString safeLineText(const QString& line)
{
    // Whatever follows a secret's keyword, even on a line no parser understood; masked first, so
    // neither the cut nor a control character in the blanks after the keyword can keep it. PSK
    // counts wherever it stands (":$PSK \"KEY\"" is no secrets line to strongSwan, but it is
    // to a reader; fuzz_import_ipsecconf found it).
    static const QRegularExpression secret(
        QStringLiteral("(\\bsecret\\b\\s*+[=:]?+\\s*+|:\\s*+(?:PSK|XAUTH|EAP|NTLM|PIN|RSA|ECDSA|P12|PKCS8|PRIVATE|PPK)\\s*+|\\bPSK\\b\\s*+)(?!\\(key\\))\\S[\\s\\S]*\\z"),
        QRegularExpression::CaseInsensitiveOption);
    QString masked = line;
    masked.replace(secret, QStringLiteral("\\1(key)"));
    QString s = masked.left(200);
    for (QChar& c : s)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char('?');
    if (masked.size() > 200)
        s += QStringLiteral("…");
    return s;
}

Result<SettingsNode> parseSettings(const ImportSource& source, const QString& main, LineLedger& ledger)
{
    Parser parser(source, ledger);
    SettingsNode root;
    root.section = true;
    QStringList stack;
    const Status st = parser.parseFile(main, root, stack);
    if (!st)
        return st.error();
    return root;
}

std::optional<int> parseDuration(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9})\\s*([smhd]?)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 factor = unit == QLatin1String("m") ? 60 : unit == QLatin1String("h") ? 3600 : unit == QLatin1String("d") ? 86400 : 1;
    if (n * factor > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(n * factor);
}

} // namespace ipsecwiz::StrongSwan

#include "Algorithms.h"
#include "Cidr.h"

#include <QHostAddress>

namespace ipsecwiz::StrongSwan {

namespace {

struct Alg
{
    AlgorithmKind kind;
    QString id;
};

// strongSwan's keyword (and its aliases) → the catalogue's id.
std::optional<Alg> algorithm(const QString& word)
{
    static const QHash<QString, Alg> aliases = [] {
        QHash<QString, Alg> m;
        for (const Algorithm& a : Algorithms::all())
            if (!a.strongswan.isEmpty())
                m.insert(a.strongswan, Alg{a.kind, a.id});
        const auto add = [&](const char* alias, AlgorithmKind kind, const char* id) {
            m.insert(QString::fromLatin1(alias), Alg{kind, QString::fromLatin1(id)});
        };
        add("aes", AlgorithmKind::Encryption, "aes128");
        add("aes128gcm", AlgorithmKind::Encryption, "aes128gcm16");
        add("aes128gcm128", AlgorithmKind::Encryption, "aes128gcm16");
        add("aes256gcm", AlgorithmKind::Encryption, "aes256gcm16");
        add("aes256gcm128", AlgorithmKind::Encryption, "aes256gcm16");
        add("sha2_256", AlgorithmKind::Integrity, "sha256");
        add("sha2_384", AlgorithmKind::Integrity, "sha384");
        add("sha2_512", AlgorithmKind::Integrity, "sha512");
        add("sha", AlgorithmKind::Integrity, "sha1");
        add("prfsha2_256", AlgorithmKind::Prf, "sha256");
        add("prfsha2_384", AlgorithmKind::Prf, "sha384");
        add("prfsha2_512", AlgorithmKind::Prf, "sha512");
        add("x25519", AlgorithmKind::DhGroup, "curve25519");
        add("ecp256", AlgorithmKind::DhGroup, "ecp256");
        return m;
    }();
    const auto it = aliases.constFind(word.toLower());
    if (it == aliases.cend())
        return std::nullopt;
    return *it;
}

struct Parts
{
    QString encryption, integrity, prf, dh;
};

Result<Parts> parts(const QString& text, bool esp)
{
    QString t = text.trimmed();
    if (t.endsWith(QLatin1Char('!')))
        t.chop(1);
    if (t.contains(QLatin1Char(',')))
        return Error{QString(), tr("It lists several proposals; the profile has one.")};
    if (t.isEmpty() || t == QLatin1String("default"))
        return Error{QString(), tr("strongSwan's default proposals are not one the profile can name.")};
    Parts p;
    for (const QString& word : t.split(QLatin1Char('-'))) {
        if (esp && (word == QLatin1String("noesn")))
            continue;
        if (esp && word == QLatin1String("esn"))
            return Error{QString(), tr("Extended sequence numbers (esn) are not in the profile.")};
        const auto a = algorithm(word);
        if (!a)
            return Error{QString(), tr("“%1” is not an algorithm the profile offers.").arg(shown(word))};
        QString* slot = a->kind == AlgorithmKind::Encryption ? &p.encryption
                        : a->kind == AlgorithmKind::Integrity ? &p.integrity
                        : a->kind == AlgorithmKind::Prf       ? &p.prf
                                                              : &p.dh;
        if (!slot->isEmpty())
            return Error{QString(), tr("It offers several of one kind (%1 and %2); the profile has one of each.").arg(*slot, a->id)};
        *slot = a->id;
    }
    if (p.encryption.isEmpty())
        return Error{QString(), tr("It names no encryption algorithm.")};
    const Algorithm* enc = Algorithms::find(AlgorithmKind::Encryption, p.encryption);
    if (enc && enc->aead && !p.integrity.isEmpty())
        return Error{QString(), tr("It names an integrity algorithm with an AEAD cipher.")};
    if (enc && !enc->aead && p.integrity.isEmpty())
        return Error{QString(), tr("It names no integrity algorithm for %1.").arg(p.encryption)};
    if (p.integrity.isEmpty())
        p.integrity = QStringLiteral("none");
    return p;
}

} // namespace

Result<IkeProposal> ikeProposal(const QString& text)
{
    auto p = parts(text, false);
    if (!p)
        return p.error();
    IkeProposal ike;
    ike.encryption = p.value().encryption;
    ike.integrity = p.value().integrity;
    if (p.value().prf.isEmpty()) {
        // strongSwan takes the integrity algorithm's PRF when none is named.
        if (ike.integrity == QLatin1String("none") || !Algorithms::find(AlgorithmKind::Prf, ike.integrity))
            return Error{QString(), tr("It names no PRF.")};
        p.value().prf = ike.integrity;
    }
    ike.prf = p.value().prf;
    if (p.value().dh.isEmpty())
        return Error{QString(), tr("It names no Diffie-Hellman group.")};
    ike.dhGroup = p.value().dh;
    return ike;
}

Result<EspProposal> espProposal(const QString& text)
{
    auto p = parts(text, true);
    if (!p)
        return p.error();
    if (!p.value().prf.isEmpty())
        return Error{QString(), tr("ESP has no PRF (%1).").arg(p.value().prf)};
    EspProposal esp;
    esp.encryption = p.value().encryption;
    esp.integrity = p.value().integrity;
    esp.pfsGroup = p.value().dh.isEmpty() ? QStringLiteral("none") : p.value().dh;
    return esp;
}

std::optional<Identity> identity(const QString& text, const QString& address)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t == address)
        return Identity{};
    if (t.startsWith(QLatin1String("@#")))
        return Identity{IdentityKind::KeyId, t.mid(2)};
    if (t.startsWith(QLatin1String("@@")))
        return Identity{IdentityKind::UserFqdn, t.mid(2)};
    if (t.startsWith(QLatin1Char('@')))
        return t.size() > 1 ? std::optional(Identity{IdentityKind::Fqdn, t.mid(1)}) : std::nullopt;
    if (t.contains(QLatin1Char('=')) || t.contains(QLatin1Char(',')) || t.contains(QLatin1Char(' ')) || t.startsWith(QLatin1Char('%'))
        || t.contains(QLatin1Char('*')))
        return std::nullopt; // a distinguished name, %any or a wildcard
    if (QHostAddress a; a.setAddress(t))
        return Identity{IdentityKind::Address, t};
    return Identity{t.contains(QLatin1Char('@')) ? IdentityKind::UserFqdn : IdentityKind::Fqdn, t};
}

std::optional<QString> network(const QString& selector)
{
    const QString s = selector.trimmed();
    if (s.contains(QLatin1Char('[')) || s.contains(QLatin1Char('-')))
        return std::nullopt;
    if (!s.contains(QLatin1Char('/'))) {
        QHostAddress a;
        if (!a.setAddress(s))
            return std::nullopt;
        return a.toString() + (a.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("/128") : QStringLiteral("/32"));
    }
    const auto c = Cidr::parse(s);
    if (!c)
        return std::nullopt;
    return s;
}

} // namespace ipsecwiz::StrongSwan
