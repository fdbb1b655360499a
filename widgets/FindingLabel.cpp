#include "FindingLabel.h"

#include "Theme.h"

#include <QEvent>
#include <QListWidget>
#include <QTableWidgetItem>
#include <QStyle>

namespace ipsecwiz {

FindingLabel::FindingLabel(const QString& field, QWidget* parent) : QLabel(parent), m_field(field)
{
    setObjectName(field + QStringLiteral(".message"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    hide();
}

FindingLabel::~FindingLabel() = default;

QColor FindingLabel::errorColour(const QPalette& palette)
{
    return Theme::isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

QColor FindingLabel::warningColour(const QPalette& palette)
{
    return Theme::isDark(palette) ? QColor(0xff, 0xcc, 0x66) : QColor(0x8a, 0x5a, 0x00);
}

void FindingLabel::showFindings(const QList<Finding>& findings, QWidget* input)
{
    if (findings != m_findings) {
        m_findings = findings;
        render();
    }
    setVisible(!m_findings.isEmpty());
    if (input)
        input->setAccessibleDescription(plainMessage());
}

QString FindingLabel::plainMessage() const
{
    QStringList lines;
    for (const Finding& f : m_findings)
        lines.append(f.fix.isEmpty() ? f.message : f.message + QLatin1Char(' ') + f.fix);
    return lines.join(QLatin1Char('\n'));
}

void FindingLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

void FindingLabel::render()
{
    QStringList parts;
    for (const Finding& f : std::as_const(m_findings)) {
        const bool error = f.severity == Severity::Error;
        const QColor colour = error ? errorColour(palette()) : warningColour(palette());
        // ✖ and ⚠ say error or warning without relying on colour alone.
        QString html = QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
                           .arg(colour.name(), error ? QStringLiteral("✖") : QStringLiteral("⚠"), f.message.toHtmlEscaped());
        if (!f.fix.isEmpty())
            html += QStringLiteral(" <i>%1</i>").arg(f.fix.toHtmlEscaped());
        parts.append(html);
    }
    setText(parts.join(QStringLiteral("<br>")));
}

QList<Finding> findingsUnder(const QList<Finding>& all, const QString& path)
{
    QList<Finding> out;
    for (const Finding& f : all)
        if (f.field == path || f.field.startsWith(path + QLatin1Char('.')) || f.field.startsWith(path + QLatin1Char('[')))
            out << f;
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
    return out;
}

void showRowFindings(QTableWidgetItem* problem, QTableWidgetItem* name, const QList<Finding>& findings, const QPalette& palette)
{
    problem->setText(findings.isEmpty() ? QString() : findings.first().message);
    QStringList tip;
    for (const Finding& f : findings)
        tip << f.toString();
    problem->setToolTip(tip.join(QLatin1Char('\n')));
    problem->setForeground(findings.isEmpty()                            ? palette.text()
                           : findings.first().severity == Severity::Error ? QBrush(FindingLabel::errorColour(palette))
                                                                          : QBrush(FindingLabel::warningColour(palette)));
    if (name)
        name->setData(Qt::AccessibleDescriptionRole, problem->text());
}

void fillFindingList(QListWidget* list, const QList<Finding>& findings)
{
    list->clear();
    for (const Finding& f : findings) {
        auto* item = new QListWidgetItem(f.toString(), list);
        item->setIcon(list->style()->standardIcon(f.severity == Severity::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
    }
}

} // namespace ipsecwiz
