#include "RawOutputView.h"

#include "Theme.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHash>
#include <QScrollBar>
#include <QTextBlock>

namespace ipsecwiz {

RawOutputView::RawOutputView(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("Raw output"));
    setToolTip(tr("The tool's own output; lines that changed since the previous poll are highlighted"));
    setMaximumBlockCount(0);
}

RawOutputView::~RawOutputView() = default;

void RawOutputView::setOutput(const QByteArray& output, bool truncated)
{
    QByteArrayView shown(output);
    m_cut = truncated || output.size() > MaxShownBytes;
    if (output.size() > MaxShownBytes) {
        shown = shown.first(MaxShownBytes);
        // End on a whole line, so the last one shown is not half a line.
        const qsizetype nl = shown.lastIndexOf('\n');
        if (nl > 0)
            shown = shown.first(nl + 1);
    }
    QList<QByteArray> lines = shown.toByteArray().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();

    // A line is new when the previous poll did not have it (as often): a counter that moved, an
    // SA that appeared. Reordering alone is not a change.
    QHash<QByteArray, int> before;
    before.reserve(m_lines.size());
    for (const QByteArray& l : std::as_const(m_lines))
        ++before[l];
    m_changed.clear();
    if (!m_lines.isEmpty() || !lines.isEmpty()) {
        for (int i = 0; i < lines.size(); ++i) {
            auto it = before.find(lines.at(i));
            if (it != before.end() && it.value() > 0)
                --it.value();
            else if (!m_lines.isEmpty())
                m_changed.append(i);
        }
    }

    const int vertical = verticalScrollBar()->value();
    const int horizontal = horizontalScrollBar()->value();
    QString text = QString::fromUtf8(shown);
    // Binary noise must not reach the text layout as control characters.
    for (QChar& c : text)
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            c = QChar(0xfffd);
    if (m_cut)
        text += (text.endsWith(QLatin1Char('\n')) || text.isEmpty() ? QString() : QStringLiteral("\n"))
            + tr("[output truncated: %1 of %2 bytes shown%3]")
                  .arg(shown.size())
                  .arg(output.size())
                  .arg(truncated ? tr("; the gateway sent more than the monitor keeps") : QString());
    setPlainText(text);
    m_lines = std::move(lines);
    highlight();
    verticalScrollBar()->setValue(vertical);
    horizontalScrollBar()->setValue(horizontal);
}

void RawOutputView::highlight()
{
    const bool dark = Theme::isDark(palette());
    const QColor background = dark ? QColor(0x5a, 0x4a, 0x12) : QColor(0xff, 0xf0, 0xb3);
    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(m_changed.size());
    for (int line : std::as_const(m_changed)) {
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(document()->findBlockByNumber(line));
        s.format.setBackground(background);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(s);
    }
    setExtraSelections(selections);
}

void RawOutputView::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        highlight();
}

} // namespace ipsecwiz
