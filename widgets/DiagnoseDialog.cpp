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
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
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
};

EvidenceLine split(const QString& evidence)
{
    static const QRegularExpression who(QStringLiteral("^(.+?)(?:, line (\\d+))?: (.*)$"));
    const auto m = who.match(evidence);
    if (!m.hasMatch())
        return {QString(), evidence};
    return {m.captured(1), m.hasCaptured(2) ? QCoreApplication::translate("ipsecwiz::DiagnoseDialog", "line %1: %2").arg(m.captured(2), m.captured(3))
                                            : m.captured(3)};
}

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
    // answer (or silence) are read together.
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto* logs = new QSplitter(Qt::Horizontal, tabs);
    for (auto [title, log, name] : {std::tuple{&m_logTitleA, &m_logA, "diagnoseLogA"}, std::tuple{&m_logTitleB, &m_logB, "diagnoseLogB"}}) {
        auto* pane = new QWidget(logs);
        auto* v = new QVBoxLayout(pane);
        v->setContentsMargins(0, 0, 0, 0);
        *title = new QLabel(pane);
        *log = new QPlainTextEdit(pane);
        (*log)->setObjectName(QLatin1String(name));
        (*log)->setReadOnly(true);
        (*log)->setFont(mono);
        (*log)->setLineWrapMode(QPlainTextEdit::NoWrap);
        (*title)->setBuddy(*log);
        v->addWidget(*title);
        v->addWidget(*log, 1);
        logs->addWidget(pane);
    }
    m_logTitleA->setText(tr("Log of the first gateway:"));
    m_logTitleB->setText(tr("Log of the second gateway:"));
    tabs->addTab(logs, tr("&Logs of the attempt"));
    layout->addWidget(tabs, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_push = buttons->addButton(tr("&Push the profile again…"), QDialogButtonBox::ActionRole);
    m_push->setObjectName(QStringLiteral("diagnosePush"));
    m_push->setToolTip(tr("The fix for these causes: push the profile to both gateways, commit-confirmed, as Deploy does."));
    m_push->hide();
    m_copy = buttons->addButton(tr("C&opy report"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("diagnoseCopy"));
    m_save = buttons->addButton(tr("&Save report…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("diagnoseSave"));
    for (QPushButton* b : {m_copy, m_save})
        b->setEnabled(false);
    connect(m_push, &QPushButton::clicked, this, &DiagnoseDialog::pushRequested);
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
    if (r.findings.isEmpty())
        m_status->setText(r.up ? (r.attempted ? tr("Tunnel %1 came up when started: no cause to report.").arg(tunnel)
                                              : tr("Tunnel %1 is up on both gateways.").arg(tunnel))
                               : tr("Tunnel %1 did not come up, and the logs of the attempt name no cause: read them in the tabs.").arg(tunnel));
    else
        m_status->setText(tr("Tunnel %1 is not up. Most likely first:").arg(tunnel));
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
    if (m_findings->topLevelItemCount() > 0)
        m_findings->setCurrentItem(m_findings->topLevelItem(0));
    else
        m_details->clear();
    m_copy->setEnabled(true);
    m_save->setEnabled(true);
    updatePushButton();
    m_logA->setPlainText(r.logA.join(QLatin1Char('\n')));
    m_logB->setPlainText(r.logB.join(QLatin1Char('\n')));
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
    for (const auto& [title, log] : {std::pair{m_logTitleA, &m_report.logA}, std::pair{m_logTitleB, &m_report.logB}}) {
        if (log->isEmpty())
            continue;
        t += QLatin1Char('\n') + title->text() + QLatin1Char('\n');
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
        return;
    }
    const IkeDiagnosis& d = m_report.findings.at(index);
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
    m_logTitleA->setText(tr("Log of %1:").arg(first));
    m_logTitleB->setText(tr("Log of %1:").arg(second));
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
