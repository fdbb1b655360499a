#pragma once

// The live output of a gateway's tool (`setkey -D`, `ip -s xfrm state`, `swanctl --list-sas`) as
// the admin would see it in a terminal, with the lines that changed since the previous poll
// highlighted. Shows at most MaxShownBytes (a source that floods is cut, with a note) and keeps
// the scroll position across polls.

#include <QPlainTextEdit>

namespace ipsecwiz {

class RawOutputView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawOutputView)

public:
    static constexpr qsizetype MaxShownBytes = 1024 * 1024;

    explicit RawOutputView(QWidget* parent = nullptr);
    ~RawOutputView() override;

    // `truncated`: the poll itself was cut (MonitorSession's cap), worth saying too.
    void setOutput(const QByteArray& output, bool truncated);

    // 0-based line numbers highlighted after the last setOutput (for tests and the status line).
    [[nodiscard]] const QList<int>& changedLines() const { return m_changed; }
    [[nodiscard]] bool isCut() const { return m_cut; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void highlight();

    QList<QByteArray> m_lines;
    QList<int> m_changed;
    bool m_cut = false;
};

} // namespace ipsecwiz
