#include "DiagnoseDialog.h"

#include "SecretPrompt.h"

#include <QRegularExpression>

#include <algorithm>
#include <tuple>

#include <QClipboard>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QHash>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTextBrowser>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

// One evidence line as the causes write it, "gateway B, line 13: …" or "gateway B: + secret = …":
// whose it is, and the rest ("line 13: …" where it has a line).
struct EvidenceLine
{
    QString side;
    QString text;
    int line = 0; // in the side's log, where the evidence names one
};

EvidenceLine split(const QString& evidence)
{
    static const QRegularExpression who(QStringLiteral("^(.+?)(?:, line (\\d+))?: (.*)$"));
    const auto m = who.match(evidence);
    if (!m.hasMatch())
        return {QString(), evidence};
    return {m.captured(1),
            m.hasCaptured(2) ? QCoreApplication::translate("ipsecwiz::DiagnoseDialog", "line %1: %2").arg(m.captured(2), m.captured(3)) : m.captured(3),
            m.hasCaptured(2) ? m.captured(2).toInt() : 0};
}

// The columns of the aligned logs.
enum LogColumn { LogA, LogArrow, LogB };

} // namespace

DiagnoseDialog::DiagnoseDialog(const NetworkProfile& network, int tunnel, const QString& profileDir, QWidget* parent)
    : QDialog(parent), m_network(network), m_tunnel(tunnel), m_profileDir(profileDir)
{
    setObjectName(QStringLiteral("diagnoseDialog"));
    const QString name = tunnel >= 0 && tunnel < network.tunnels.size() ? network.tunnels.at(tunnel).name : QString();
    setWindowTitle(tr("Diagnose %1").arg(name));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("diagnoseStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* tabs = new QTabWidget(this);
    m_findings = new QTreeWidget(tabs);
    m_findings->setObjectName(QStringLiteral("diagnoseFindings"));
    m_findings->setAccessibleName(tr("Causes found"));
    m_findings->setHeaderLabels({tr("Cause, most likely first"), tr("Where")});
    m_findings->setWordWrap(true);
    m_findings->setUniformRowHeights(false);
    m_findings->header()->setStretchLastSection(false);
    m_findings->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_findings->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_details = new QTextBrowser(tabs);
    m_details->setObjectName(QStringLiteral("diagnoseDetails"));
    m_details->setAccessibleName(tr("The selected cause"));
    auto* causes = new QSplitter(Qt::Vertical, tabs);
    causes->addWidget(m_findings);
    causes->addWidget(m_details);
    causes->setStretchFactor(0, 1);
    causes->setStretchFactor(1, 2);
    connect(m_findings, &QTreeWidget::currentItemChanged, this, &DiagnoseDialog::showDetails);
    tabs->addTab(causes, tr("&Causes"));
    // Both gateways' logs of the attempt side by side, so one side's request and the other's
    // answer (or silence) are read together: in one table, a packet's sending and its receipt on
    // one row, since neither clock can be trusted to line them up.
    m_logTitleA = tr("Log of the first gateway:");
    m_logTitleB = tr("Log of the second gateway:");
    auto* logs = new QWidget(tabs);
    auto* v = new QVBoxLayout(logs);
    auto* legend = new QLabel(tr("Lined up on the IKE packets both logs name: → a packet sent on the left and received on the right, "
                                 "← the other way. A packet alone in its row has no partner in the other log: lost on the way, or not in that log."),
                              logs);
    legend->setWordWrap(true);
    m_logs = new QTreeWidget(logs);
    m_logs->setObjectName(QStringLiteral("diagnoseLogs"));
    m_logs->setAccessibleName(tr("Logs of both gateways, lined up on their packets"));
    m_logs->setColumnCount(3);
    m_logs->setRootIsDecorated(false);
    m_logs->setUniformRowHeights(true);
    m_logs->setWordWrap(false);
    m_logs->setAllColumnsShowFocus(true);
    m_logs->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Each gateway half of the width whatever the window's; a line longer than that shows in full
    // as its tooltip.
    m_logs->header()->setStretchLastSection(false);
    m_logs->header()->setSectionResizeMode(LogA, QHeaderView::Stretch);
    m_logs->header()->setSectionResizeMode(LogArrow, QHeaderView::ResizeToContents);
    m_logs->header()->setSectionResizeMode(LogB, QHeaderView::Stretch);
    m_logs->header()->setDefaultAlignment(Qt::AlignCenter);
    legend->setBuddy(m_logs);
    v->addWidget(legend);
    v->addWidget(m_logs, 1);
    m_logs->setHeaderLabels({m_nameA, QString(), m_nameB});
    tabs->addTab(logs, tr("&Logs of the attempt"));
    layout->addWidget(tabs, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_push = buttons->addButton(tr("&Push the profile again…"), QDialogButtonBox::ActionRole);
    m_push->setObjectName(QStringLiteral("diagnosePush"));
    m_push->setToolTip(tr("The fix for these causes: push the profile to both gateways, commit-confirmed, as Deploy does."));
    m_push->hide();
    m_fix = buttons->addButton(tr("&Make the fix…"), QDialogButtonBox::ActionRole);
    m_fix->setObjectName(QStringLiteral("diagnoseFix"));
    m_fix->hide();
    m_copy = buttons->addButton(tr("C&opy report"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("diagnoseCopy"));
    m_save = buttons->addButton(tr("&Save report…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("diagnoseSave"));
    for (QPushButton* b : {m_copy, m_save})
        b->setEnabled(false);
    connect(m_push, &QPushButton::clicked, this, &DiagnoseDialog::pushRequested);
    connect(m_fix, &QPushButton::clicked, this, &DiagnoseDialog::askForChange);
    connect(m_copy, &QPushButton::clicked, this, &DiagnoseDialog::copyReport);
    connect(m_save, &QPushButton::clicked, this, &DiagnoseDialog::saveReportAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(860, 560);
}

DiagnoseDialog::~DiagnoseDialog()
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void DiagnoseDialog::start()
{
    if (m_worker)
        return;
    auto ends = Diagnoser::gatewaysOf(m_network, m_tunnel, m_profileDir, [this](SshOptions o) {
        o.password = [this](const QString& prompt) { return askSecretFromWorker(this, prompt); };
        o.passphrase = o.password;
        return o;
    });
    if (!ends) {
        m_status->setText(ends.error().message);
        Q_EMIT finished();
        return;
    }
    // Drift of the tunnel's own files, reported after the causes, as `diagnose` does.
    Diagnoser::expectProfile(ends.value(), m_network, m_tunnel, m_profileDir);
    const QString tunnel = m_network.tunnels.at(m_tunnel).name;
    m_status->setText(tr("Looking at both gateways, then starting tunnel %1 while both charon logs are read…").arg(tunnel));
    m_findings->clear();
    const auto [a, b] = ends.value();
    setGatewayNames(a.label, b.label);
    m_worker = QThread::create([this, tunnel, a, b] {
        const DiagnoseReport r = Diagnoser::run(tunnel, a, b, true);
        QMetaObject::invokeMethod(this, [this, r] {
            m_worker->wait();
            delete m_worker;
            m_worker = nullptr;
            showReport(r);
            Q_EMIT finished();
        });
    });
    m_worker->start();
}

void DiagnoseDialog::showReport(const DiagnoseReport& r)
{
    m_report = r;
    const QString tunnel = m_network.tunnels.at(m_tunnel).name;
    QString status;
    if (r.findings.isEmpty())
        status = r.up ? (r.attempted ? tr("Tunnel %1 came up when started: no cause to report.").arg(tunnel) : tr("Tunnel %1 is up on both gateways.").arg(tunnel))
                      : tr("Tunnel %1 did not come up, and the logs of the attempt name no cause: read them in the tabs.").arg(tunnel);
    else
        status = r.up ? tr("Tunnel %1 is up on both gateways.").arg(tunnel) : tr("Tunnel %1 is not up.").arg(tunnel);
    // What the data path's probes saw (a ping through the tunnel, the largest packet that passes).
    for (const QString& probe : r.probes)
        status += QStringLiteral("\n• ") + probe;
    if (!r.findings.isEmpty())
        status += QLatin1Char('\n') + tr("What is wrong, most likely first:");
    m_status->setText(status);
    m_findings->clear();
    const QIcon cause = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon later = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (qsizetype i = 0; i < r.findings.size(); ++i) {
        const IkeDiagnosis& d = r.findings.at(i);
        auto* item = new QTreeWidgetItem(m_findings, {QStringLiteral("%1. %2").arg(i + 1).arg(d.cause), d.side});
        item->setIcon(0, i == 0 ? cause : later);
        item->setToolTip(0, d.cause);
        new QTreeWidgetItem(item, {tr("Field: %1").arg(d.field)});
        auto* fix = new QTreeWidgetItem(item, {tr("Fix: %1").arg(d.fix)});
        fix->setToolTip(0, d.fix);
        // The evidence by gateway ("gateway B, line 13: …", "gateway B: + secret = …"), each folded.
        QMap<QString, QStringList> bySide;
        QStringList order;
        for (const QString& e : d.evidence) {
            const QString side = split(e).side;
            if (!bySide.contains(side))
                order << side;
            bySide[side] << e;
        }
        for (const QString& side : std::as_const(order)) {
            auto* group = new QTreeWidgetItem(item, {side.isEmpty() ? tr("Evidence") : tr("Evidence from %1").arg(side)});
            for (const QString& e : bySide.value(side)) {
                auto* line = new QTreeWidgetItem(group, {e});
                line->setFont(0, QFontDatabase::systemFont(QFontDatabase::FixedFont));
                line->setToolTip(0, e);
            }
        }
        item->setExpanded(i == 0); // the most likely cause open, its evidence folded
        item->setData(0, Qt::UserRole, int(i));
    }
    // The logs first: selecting a cause marks its evidence in them.
    fillLogs();
    if (m_findings->topLevelItemCount() > 0)
        m_findings->setCurrentItem(m_findings->topLevelItem(0));
    else
        m_details->clear();
    m_copy->setEnabled(true);
    m_save->setEnabled(true);
    updatePushButton();
}

void DiagnoseDialog::fillLogs()
{
    m_logs->clear();
    const QStringList* logs[2] = {&m_report.logA, &m_report.logB};
    QList<IkeLogEvent> events[2];
    for (int s = 0; s < 2; ++s)
        events[s] = IkeLog::parse(logs[s]->join(QLatin1Char('\n')).toUtf8());
    // Half the width each: a charon line shows as its time of day, subsystem and message (the
    // date, thread and IKE SA are the same all through one attempt), in full as its tooltip.
    QHash<int, QString> shown[2];
    static const QRegularExpression timeOfDay(QStringLiteral("\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?$"));
    for (int s = 0; s < 2; ++s)
        for (const IkeLogEvent& e : std::as_const(events[s])) {
            const QString time = timeOfDay.match(e.time).captured();
            shown[s].insert(e.line, (time.isEmpty() ? QString() : time + QLatin1Char(' ')) + QStringLiteral("[%1] %2").arg(e.subsystem, e.message));
        }
    // IkeLog::align places charon's lines; the others (swanctl's own, a shell's) keep their place
    // in their log, each a row of its own just before the next charon line.
    int next[2] = {1, 1}; // the next line of each log not yet in a row, 1-based
    const auto addRow = [&](int lineA, int lineB) {
        auto* item = new QTreeWidgetItem(m_logs);
        for (const auto& [s, column, line] : {std::tuple{0, LogA, lineA}, std::tuple{1, LogB, lineB}}) {
            if (line <= 0)
                continue;
            const QString& text = logs[s]->at(line - 1);
            item->setText(column, shown[s].value(line, text));
            item->setToolTip(column, text);
            item->setData(column, Qt::UserRole, line);
        }
        return item;
    };
    const auto upTo = [&](int s, int line) {
        for (; next[s] < line; ++next[s]) {
            if (s == 0)
                addRow(next[s], 0);
            else
                addRow(0, next[s]);
        }
    };
    for (const IkeLog::AlignedRow& row : IkeLog::align(events[0], events[1])) {
        const int lineA = row.a >= 0 ? events[0].at(row.a).line : 0;
        const int lineB = row.b >= 0 ? events[1].at(row.b).line : 0;
        if (lineA > 0)
            upTo(0, lineA);
        if (lineB > 0)
            upTo(1, lineB);
        QTreeWidgetItem* item = addRow(lineA, lineB);
        next[0] = std::max(next[0], lineA + 1);
        next[1] = std::max(next[1], lineB + 1);
        if (lineA > 0 && lineB > 0) {
            const bool aSent = events[0].at(row.a).message.startsWith(QLatin1String("sending"));
            item->setText(LogArrow, aSent ? QStringLiteral("→") : QStringLiteral("←"));
            item->setTextAlignment(LogArrow, Qt::AlignCenter);
            item->setToolTip(LogArrow, aSent ? tr("The same packet, sent by %1 and received by %2.").arg(m_nameA, m_nameB)
                                             : tr("The same packet, sent by %1 and received by %2.").arg(m_nameB, m_nameA));
        }
    }
    upTo(0, int(logs[0]->size()) + 1);
    upTo(1, int(logs[1]->size()) + 1);
}

// The evidence lines of D (nullptr: none) in bold on their rows of the logs, the first scrolled to.
void DiagnoseDialog::markEvidence(const IkeDiagnosis* d)
{
    QSet<int> lines[2];
    if (d)
        for (const QString& e : d->evidence) {
            const EvidenceLine line = split(e);
            if (line.line > 0 && (line.side == m_nameA || line.side == m_nameB))
                lines[line.side == m_nameA ? 0 : 1].insert(line.line);
        }
    QColor tint = palette().color(QPalette::Highlight);
    tint.setAlpha(60); // light or dark theme, the line stays readable
    QFont bold = m_logs->font();
    bold.setBold(true);
    QTreeWidgetItem* first = nullptr;
    for (int i = 0; i < m_logs->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_logs->topLevelItem(i);
        for (const auto& [s, column] : {std::pair{0, LogA}, std::pair{1, LogB}}) {
            const bool marked = lines[s].contains(item->data(column, Qt::UserRole).toInt());
            item->setData(column, Qt::FontRole, marked ? QVariant(bold) : QVariant());
            item->setData(column, Qt::BackgroundRole, marked ? QVariant(tint) : QVariant());
            if (marked && !first)
                first = item;
        }
    }
    // Current but not selected: a selected row would hide the marks under its own colour.
    m_logs->clearSelection();
    if (first) {
        m_logs->setCurrentItem(first, LogA, QItemSelectionModel::NoUpdate);
        m_logs->scrollToItem(first, QAbstractItemView::PositionAtCenter);
    }
}

QString DiagnoseDialog::reportText() const
{
    // The same text as `ipsec-wizard diagnose` prints, under the dialog's own first line.
    QString t = m_status->text() + QLatin1Char('\n');
    for (qsizetype i = 0; i < m_report.findings.size(); ++i) {
        const IkeDiagnosis& d = m_report.findings.at(i);
        t += QStringLiteral("%1. %2\n").arg(i + 1).arg(d.cause);
        t += QStringLiteral("   %1\n").arg(tr("field: %1").arg(d.field));
        if (!d.side.isEmpty())
            t += QStringLiteral("   %1\n").arg(tr("where: %1").arg(d.side));
        t += QStringLiteral("   %1\n").arg(tr("fix: %1").arg(d.fix));
        for (const QString& e : d.evidence)
            t += QStringLiteral("     %1\n").arg(e);
    }
    for (const auto& [title, log] : {std::pair{&m_logTitleA, &m_report.logA}, std::pair{&m_logTitleB, &m_report.logB}}) {
        if (log->isEmpty())
            continue;
        t += QLatin1Char('\n') + *title + QLatin1Char('\n');
        for (const QString& line : *log)
            t += QStringLiteral("  %1\n").arg(line);
    }
    return t;
}

void DiagnoseDialog::showDetails()
{
    QTreeWidgetItem* item = m_findings->currentItem();
    while (item && item->parent())
        item = item->parent();
    const int index = item ? item->data(0, Qt::UserRole).toInt() : -1;
    if (index < 0 || index >= m_report.findings.size()) {
        m_details->clear();
        markEvidence(nullptr);
        return;
    }
    const IkeDiagnosis& d = m_report.findings.at(index);
    markEvidence(&d);
    QString html = QStringLiteral("<p><b>%1</b></p><p>%2").arg(d.cause.toHtmlEscaped(), tr("Field: %1").arg(d.field).toHtmlEscaped());
    if (!d.side.isEmpty())
        html += QStringLiteral(" &nbsp;·&nbsp; %1").arg(tr("Where: %1").arg(d.side).toHtmlEscaped());
    html += QStringLiteral("</p><p>%1</p>").arg(tr("Fix: %1").arg(d.fix).toHtmlEscaped());
    // The evidence of the two gateways in two columns, each gateway's lines in their log's order.
    const QString& nameA = m_nameA;
    const QString& nameB = m_nameB;
    QStringList a, b, other;
    for (const QString& e : d.evidence) {
        const EvidenceLine line = split(e);
        (line.side == nameA ? a : line.side == nameB ? b : other) << line.text.toHtmlEscaped();
    }
    if (!a.isEmpty() || !b.isEmpty())
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\"><tr><th width=\"50%\">%1</th><th width=\"50%\">%2</th></tr>"
                               "<tr><td valign=\"top\"><code>%3</code></td><td valign=\"top\"><code>%4</code></td></tr></table>")
                    .arg(nameA.toHtmlEscaped(), nameB.toHtmlEscaped(), a.join(QStringLiteral("<br>")), b.join(QStringLiteral("<br>")));
    if (!other.isEmpty())
        html += QStringLiteral("<p><code>%1</code></p>").arg(other.join(QStringLiteral("<br>")));
    m_details->setHtml(html);
}

void DiagnoseDialog::setGatewayNames(const QString& first, const QString& second)
{
    m_nameA = first;
    m_nameB = second;
    m_logTitleA = tr("Log of %1:").arg(first);
    m_logTitleB = tr("Log of %1:").arg(second);
    m_logs->setHeaderLabels({first, QString(), second});
}

void DiagnoseDialog::setPushAvailable(bool available)
{
    m_pushAvailable = available;
    updatePushButton();
}

void DiagnoseDialog::updatePushButton()
{
    const bool fixes = std::any_of(m_report.findings.cbegin(), m_report.findings.cend(), [](const IkeDiagnosis& d) { return d.fixedByPush; });
    m_push->setVisible(m_pushAvailable && fixes);
    const IkeDiagnosis* d = changeable();
    m_fix->setVisible(m_pushAvailable && d);
    if (d) {
        m_fix->setText(tr("&Make the fix on %1…").arg(d->side));
        m_fix->setToolTip(tr("Change on %1, in a commit-confirmed push of the profile: %2").arg(d->side, d->change.described().join(QStringLiteral("; "))));
    }
}

const IkeDiagnosis* DiagnoseDialog::changeable() const
{
    const auto it = std::find_if(m_report.findings.cbegin(), m_report.findings.cend(), [](const IkeDiagnosis& d) { return !d.change.isEmpty(); });
    return it == m_report.findings.cend() ? nullptr : &*it;
}

namespace {
std::optional<bool> s_changeAnswer;
}

void DiagnoseDialog::setChangeAnswer(std::optional<bool> yes)
{
    s_changeAnswer = yes;
}

// The admin sees the exact change, where, for how long, and how it is undone, before anything happens.
void DiagnoseDialog::askForChange()
{
    const IkeDiagnosis* d = changeable();
    if (!d)
        return;
    const GatewayChange change = d->change;
    QString lines;
    for (const QString& line : change.described())
        lines += QStringLiteral("<li><code>%1</code></li>").arg(line.toHtmlEscaped());
    const QString text = tr("<p>Make this change on %1, with the profile, in a commit-confirmed push?</p><ul>%2</ul>"
                            "<p>It is undone by itself unless the tunnel then works and the push is confirmed. It lasts until the gateway "
                            "restarts; to keep it: %3</p>")
                             .arg(d->side.toHtmlEscaped(), lines, d->fix.toHtmlEscaped());
    const bool yes = s_changeAnswer ? *s_changeAnswer
                                    : QMessageBox::question(this, tr("Make the fix on %1").arg(d->side), text, QMessageBox::Yes | QMessageBox::No,
                                                            QMessageBox::No) == QMessageBox::Yes;
    if (yes)
        Q_EMIT changeRequested(change);
}

void DiagnoseDialog::copyReport() const
{
    QGuiApplication::clipboard()->setText(reportText());
}

QString DiagnoseDialog::saveReport(const QString& path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        return f.errorString();
    f.write(reportText().toUtf8());
    if (!f.commit())
        return f.errorString();
    return {};
}

void DiagnoseDialog::saveReportAs()
{
    const QString tunnel = m_tunnel >= 0 && m_tunnel < m_network.tunnels.size() ? m_network.tunnels.at(m_tunnel).name : QString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the diagnosis"), QStringLiteral("diagnosis-%1.txt").arg(tunnel),
                                                      tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString problem = saveReport(path); !problem.isEmpty())
        QMessageBox::warning(this, tr("Cannot save the diagnosis"), tr("%1: %2").arg(path, problem));
}

} // namespace ipsecwiz
