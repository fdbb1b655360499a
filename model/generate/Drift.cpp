#include "Drift.h"

#include "MarkedBlock.h"

#include <QHostAddress>
#include <QRegularExpression>

#include <algorithm>

#include <vector>

namespace ipsecwiz {

QString driftStateId(FileDrift::State state)
{
    switch (state) {
    case FileDrift::State::Same: return QStringLiteral("same");
    case FileDrift::State::Differs: return QStringLiteral("differs");
    case FileDrift::State::Missing: return QStringLiteral("missing");
    case FileDrift::State::BlockMissing: return QStringLiteral("block-missing");
    }
    return {};
}

namespace Drift {

namespace {

QString shown(const QByteArray& line)
{
    QString s = QString::fromUtf8(line);
    if (s.endsWith(QLatin1Char('\n')))
        s.chop(1);
    else
        s += QStringLiteral("\n\\ No newline at end of file");
    return s;
}

} // namespace

QByteArray masked(const QByteArray& text, const QList<QByteArray>& keys)
{
    QByteArray out = text;
    for (const QByteArray& key : keys)
        if (!key.isEmpty())
            out.replace(key, "(key)");
    static const QRegularExpression other(QStringLiteral("0[xX][0-9a-fA-F]{32,}"));
    if (!out.contains("0x") && !out.contains("0X"))
        return out;
    return QString::fromUtf8(out).replace(other, QStringLiteral("(another key)")).toUtf8();
}

QString unifiedDiff(const QByteArray& a, const QByteArray& b, const QString& labelA, const QString& labelB)
{
    if (a == b)
        return {};
    const QList<QByteArray> x = MarkedBlock::linesOf(a);
    const QList<QByteArray> y = MarkedBlock::linesOf(b);
    const size_t n = size_t(x.size()), m = size_t(y.size());
    // The edit script from the longest common subsequence of lines. Generated files are a few
    // hundred lines at most; past that the whole of both is shown as changed.
    struct Op
    {
        char kind; // ' ', '-', '+'
        qsizetype ai, bi; // line numbers (0-based) in a and b before this op
        QByteArray line;
    };
    std::vector<Op> ops;
    if (n * m <= 4'000'000) {
        std::vector<std::vector<quint32>> lcs(n + 1, std::vector<quint32>(m + 1, 0));
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                lcs[i][j] = x[qsizetype(i)] == y[qsizetype(j)] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x[qsizetype(i)] == y[qsizetype(j)]) {
                ops.push_back({' ', qsizetype(i), qsizetype(j), x[qsizetype(i)]});
                ++i, ++j;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.push_back({'-', qsizetype(i), qsizetype(j), x[qsizetype(i)]}); // removals before additions, as diff -u
                ++i;
            } else {
                ops.push_back({'+', qsizetype(i), qsizetype(j), y[qsizetype(j)]});
                ++j;
            }
        }
    } else {
        for (size_t i = 0; i < n; ++i)
            ops.push_back({'-', qsizetype(i), 0, x[qsizetype(i)]});
        for (size_t j = 0; j < m; ++j)
            ops.push_back({'+', qsizetype(n), qsizetype(j), y[qsizetype(j)]});
    }

    QStringList out{QStringLiteral("--- ") + labelA, QStringLiteral("+++ ") + labelB};
    constexpr qsizetype Context = 3;
    const qsizetype count = qsizetype(ops.size());
    qsizetype k = 0;
    while (k < count) {
        if (ops[size_t(k)].kind == ' ') {
            ++k;
            continue;
        }
        // A hunk: from Context lines before this change to Context lines after the last change
        // that lies within 2 * Context of the one before it.
        const qsizetype start = std::max<qsizetype>(0, k - Context);
        qsizetype lastChange = k;
        for (qsizetype t = k; t < count; ++t) {
            if (ops[size_t(t)].kind != ' ')
                lastChange = t;
            else if (t - lastChange > 2 * Context)
                break;
        }
        const qsizetype end = std::min(count, lastChange + 1 + Context);
        qsizetype aLines = 0, bLines = 0;
        for (qsizetype t = start; t < end; ++t) {
            aLines += ops[size_t(t)].kind != '+';
            bLines += ops[size_t(t)].kind != '-';
        }
        const Op& first = ops[size_t(start)];
        out << QStringLiteral("@@ -%1,%2 +%3,%4 @@").arg(first.ai + (aLines ? 1 : 0)).arg(aLines).arg(first.bi + (bLines ? 1 : 0)).arg(bLines);
        for (qsizetype t = start; t < end; ++t)
            out << QLatin1Char(ops[size_t(t)].kind) + shown(ops[size_t(t)].line);
        k = end;
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QList<FileDrift> compare(const GatewayConfig& expected, const QHash<QString, std::optional<QByteArray>>& live, const QList<QByteArray>& keys)
{
    QList<FileDrift> out;
    for (const GeneratedFile& f : expected.files) {
        if (f.remove)
            continue;
        const std::optional<QByteArray> there = live.value(f.path);
        const QString profile = f.path + QStringLiteral(" (profile)");
        const QString gateway = f.path + QStringLiteral(" (gateway)");
        if (f.block.isEmpty()) {
            FileDrift d{f.path, {}, FileDrift::State::Same, {}};
            if (!there) {
                d.state = FileDrift::State::Missing;
            } else if (*there != f.content) {
                d.state = FileDrift::State::Differs;
                d.diff = unifiedDiff(masked(f.content, keys), masked(*there, keys), profile, gateway);
            }
            out << d;
            continue;
        }
        // Our blocks only; one entry per block (psk.txt's come as one file naming every tunnel).
        for (const QString& name : f.block.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            FileDrift d{f.path, name, FileDrift::State::Same, {}};
            const std::optional<QByteArray> want = MarkedBlock::extract(f.content, name);
            const std::optional<QByteArray> have = there ? MarkedBlock::extract(*there, name) : std::nullopt;
            if (!there) {
                d.state = FileDrift::State::Missing;
            } else if (!have) {
                d.state = FileDrift::State::BlockMissing;
            } else if (want && *have != *want) {
                d.state = FileDrift::State::Differs;
                d.diff = unifiedDiff(masked(*want, keys), masked(*have, keys), profile, gateway);
            }
            out << d;
        }
    }
    return out;
}

QString Policy::toString() const
{
    return QStringLiteral("%1 \u2192 %2 %3").arg(src, dst, directionName(dir));
}

QList<Policy> expectedPolicies(const NetworkProfile& network, const QString& site)
{
    QList<Policy> out;
    for (const Tunnel& t : network.tunnels) {
        if (t.siteA != site && t.siteB != site)
            continue;
        const Side mine = t.siteA == site ? Side::A : Side::B;
        const QStringList local = network.networksOf(t, mine);
        const QStringList remote = network.networksOf(t, mine == Side::A ? Side::B : Side::A);
        for (const QString& l : local)
            for (const QString& r : remote) {
                out << Policy{l.trimmed(), r.trimmed(), PolicyDirection::Out};
                out << Policy{r.trimmed(), l.trimmed(), PolicyDirection::In};
            }
    }
    return out;
}

namespace {

    // "10.1.0.0/24", "10.1.0.5" (a host) → the same subnet as QHostAddress sees it.
    std::optional<std::pair<QHostAddress, int>> subnet(const QString& text)
    {
        const QString t = text.trimmed();
        if (t.contains(QLatin1Char('/'))) {
            const auto s = QHostAddress::parseSubnet(t);
            if (s.first.isNull())
                return std::nullopt;
            return std::pair{s.first, s.second};
        }
        const QHostAddress a(t);
        if (a.isNull())
            return std::nullopt;
        return std::pair{a, a.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
    }

} // namespace

QList<Policy> missingPolicies(const QList<Policy>& expected, const QList<SecurityPolicy>& loaded)
{
    QList<Policy> out;
    for (const Policy& p : expected) {
        const auto src = subnet(p.src);
        const auto dst = subnet(p.dst);
        const bool found = std::any_of(loaded.cbegin(), loaded.cend(), [&](const SecurityPolicy& sp) {
            return sp.dir == p.dir && sp.action == PolicyAction::Ipsec && src && dst && subnet(sp.src) == src && subnet(sp.dst) == dst;
        });
        if (!found)
            out << p;
    }
    return out;
}

} // namespace Drift

} // namespace ipsecwiz
