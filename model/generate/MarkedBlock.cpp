#include "MarkedBlock.h"

#include <QCoreApplication>
#include <QList>

namespace ipsecwiz::MarkedBlock {

QByteArray beginLine(const QString& name)
{
    return "# BEGIN ipsec-wizard " + name.toUtf8();
}

QByteArray endLine(const QString& name)
{
    return "# END ipsec-wizard " + name.toUtf8();
}

QByteArray wrap(const QString& name, const QByteArray& body)
{
    QByteArray out = beginLine(name) + '\n' + body;
    if (!body.isEmpty() && !body.endsWith('\n'))
        out += '\n';
    return out + endLine(name) + '\n';
}

QList<QByteArray> linesOf(const QByteArray& file)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < file.size()) {
        const qsizetype nl = file.indexOf('\n', start);
        const qsizetype end = nl < 0 ? file.size() : nl + 1;
        lines << file.mid(start, end - start);
        start = end;
    }
    return lines;
}

namespace {

QByteArray withoutNewline(const QByteArray& line)
{
    return line.endsWith('\n') ? line.chopped(1) : line;
}

// The first BEGIN and the first END line of block NAME (as grep | head -n 1 finds them); -1: none.
std::pair<qsizetype, qsizetype> markersOf(const QList<QByteArray>& lines, const QString& name)
{
    const QByteArray begin = beginLine(name);
    const QByteArray end = endLine(name);
    qsizetype b = -1, e = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray l = withoutNewline(lines.at(i));
        if (b < 0 && l == begin)
            b = i;
        if (e < 0 && l == end)
            e = i;
    }
    return {b, e};
}

} // namespace

std::optional<QByteArray> extract(const QByteArray& file, const QString& name)
{
    const QList<QByteArray> lines = linesOf(file);
    const auto [b, e] = markersOf(lines, name);
    if (b < 0 || e <= b)
        return std::nullopt;
    QByteArray out;
    for (qsizetype i = b; i <= e; ++i)
        out += lines.at(i);
    if (!out.endsWith('\n'))
        out += '\n'; // a block at the end of a file without its final newline
    return out;
}

Result<QByteArray> merge(const QByteArray& file, const QString& name, const QByteArray& block)
{
    const QList<QByteArray> lines = linesOf(file);
    const auto [b, e] = markersOf(lines, name);
    if ((b < 0) != (e < 0) || (b >= 0 && e <= b))
        return Error{name, QCoreApplication::translate("ipsecwiz::MarkedBlock", "The markers of block “%1” are broken (edited by hand?); nothing was changed.")
                               .arg(name)};

    QByteArray rest;
    qsizetype at = -1; // where the block goes back in, in lines of rest; -1: appended
    if (b >= 0) {
        const bool appendedWithoutNewline = e == lines.size() - 1 && !lines.at(e).endsWith('\n');
        for (qsizetype i = 0; i < b; ++i)
            rest += lines.at(i);
        if (appendedWithoutNewline) {
            rest.chop(1); // the newline the block brought along
        } else {
            at = b;
            for (qsizetype i = e + 1; i < lines.size(); ++i)
                rest += lines.at(i);
        }
    } else {
        rest = file;
    }
    if (block.isEmpty())
        return rest;
    if (at >= 0) {
        const QList<QByteArray> restLines = linesOf(rest);
        QByteArray out;
        for (qsizetype i = 0; i < at && i < restLines.size(); ++i)
            out += restLines.at(i);
        out += block;
        for (qsizetype i = at; i < restLines.size(); ++i)
            out += restLines.at(i);
        return out;
    }
    if (!rest.isEmpty() && !rest.endsWith('\n'))
        return rest + '\n' + withoutNewline(block);
    return rest + block;
}

Result<QByteArray> mergeAll(const QByteArray& file, const QString& names, const QByteArray& blocks)
{
    QByteArray out = file;
    for (const QString& name : names.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        // This tunnel's block of BLOCKS, markers included, as sed's line range takes it.
        QByteArray block;
        const QByteArray begin = beginLine(name) + '\n';
        const qsizetype b = blocks.startsWith(begin) ? 0 : blocks.indexOf('\n' + begin) + 1;
        if (b >= 0 && blocks.mid(b).startsWith(begin)) {
            const qsizetype e = blocks.indexOf('\n' + endLine(name), b);
            if (e >= 0) {
                const qsizetype end = blocks.indexOf('\n', e + 1);
                block = blocks.mid(b, (end < 0 ? blocks.size() : end + 1) - b);
            }
        }
        auto merged = merge(out, name, block);
        if (!merged)
            return merged.error();
        out = merged.value();
    }
    return out;
}

QString shellFunction()
{
    // Mirrors merge() step by step; line numbers as grep -n and head/tail count them.
    return QStringLiteral(
        "merge_block() {\n"
        "\tmb_b= mb_e= mb_n=0\n"
        "\tif [ -e \"$1\" ]; then\n"
        "\t\tmb_b=$(grep -n -x -F -e \"# BEGIN ipsec-wizard $3\" \"$1\" | head -n 1 | cut -d: -f1)\n"
        "\t\tmb_e=$(grep -n -x -F -e \"# END ipsec-wizard $3\" \"$1\" | head -n 1 | cut -d: -f1)\n"
        "\t\tmb_n=$(($(wc -l < \"$1\")))\n"
        "\t\t[ -z \"$(tail -c 1 \"$1\")\" ] || mb_n=$((mb_n + 1))\n"
        "\tfi\n"
        "\tif [ -n \"$mb_b$mb_e\" ] && { [ -z \"$mb_b\" ] || [ -z \"$mb_e\" ] || [ \"$mb_e\" -le \"$mb_b\" ]; }; then\n"
        "\t\techo \"the markers of block $3 in $1 are broken (edited by hand?); nothing was changed\"\n"
        "\t\treturn 1\n"
        "\tfi\n"
        "\tmb_at=\n"
        "\tif [ -z \"$mb_b\" ]; then\n"
        "\t\tif [ -e \"$1\" ]; then cat \"$1\"; fi > \"$4.rest\" || return 1\n"
        "\telif [ \"$mb_e\" = \"$mb_n\" ] && [ -n \"$(tail -c 1 \"$1\")\" ]; then\n"
        // The block was appended to a file without a final newline: that newline came with it.
        "\t\thead -n $((mb_b - 1)) \"$1\" | head -c -1 > \"$4.rest\" || return 1\n"
        "\telse\n"
        "\t\tmb_at=$mb_b\n"
        "\t\t{ head -n $((mb_b - 1)) \"$1\"; tail -n +$((mb_e + 1)) \"$1\"; } > \"$4.rest\" || return 1\n"
        "\tfi\n"
        "\tif [ ! -s \"$2\" ]; then\n"
        "\t\tcat \"$4.rest\" > \"$4\"\n"
        "\telif [ -n \"$mb_at\" ]; then\n"
        "\t\t{ head -n $((mb_at - 1)) \"$4.rest\"; cat \"$2\"; tail -n +$mb_at \"$4.rest\"; } > \"$4\"\n"
        "\telif [ -s \"$4.rest\" ] && [ -n \"$(tail -c 1 \"$4.rest\")\" ]; then\n"
        "\t\t{ cat \"$4.rest\"; echo; head -c -1 \"$2\"; } > \"$4\"\n"
        "\telse\n"
        "\t\tcat \"$4.rest\" \"$2\" > \"$4\"\n"
        "\tfi\n"
        "\tmb_r=$?\n"
        "\trm -f \"$4.rest\"\n"
        "\treturn $mb_r\n"
        "}\n"
        "merge_blocks() {\n"
        "\tmbs_src=$1 mbs_i=0\n"
        "\tfor mbs_n in $3; do\n"
        "\t\tmbs_i=$((mbs_i + 1))\n"
        "\t\tsed -n \"/^# BEGIN ipsec-wizard $mbs_n\\$/,/^# END ipsec-wizard $mbs_n\\$/p\" \"$2\" > \"$4.part\" || return 1\n"
        "\t\tif ! merge_block \"$mbs_src\" \"$4.part\" \"$mbs_n\" \"$4.$mbs_i\"; then\n"
        "\t\t\t[ \"$mbs_src\" = \"$1\" ] || rm -f \"$mbs_src\"\n"
        "\t\t\trm -f \"$4.part\" \"$4.$mbs_i\"\n"
        "\t\t\treturn 1\n"
        "\t\tfi\n"
        "\t\t[ \"$mbs_src\" = \"$1\" ] || rm -f \"$mbs_src\"\n"
        "\t\tmbs_src=$4.$mbs_i\n"
        "\tdone\n"
        "\trm -f \"$4.part\"\n"
        "\tif [ \"$mbs_src\" = \"$1\" ]; then cat \"$1\" > \"$4\"; else mv -f \"$mbs_src\" \"$4\"; fi\n"
        "}\n");
}

} // namespace ipsecwiz::MarkedBlock
