#include "DiagnoseDialog.h"

#include "SecretPrompt.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBrowser>
#include <QThread>
#include <QVBoxLayout>

namespace ipsecwiz {

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
    m_findings = new QTextBrowser(tabs);
    m_findings->setObjectName(QStringLiteral("diagnoseFindings"));
    m_findings->setAccessibleName(tr("Causes found"));
    tabs->addTab(m_findings, tr("&Causes"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit** log : {&m_logA, &m_logB}) {
        *log = new QPlainTextEdit(tabs);
        (*log)->setReadOnly(true);
        (*log)->setFont(mono);
        (*log)->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_logA->setObjectName(QStringLiteral("diagnoseLogA"));
    m_logB->setObjectName(QStringLiteral("diagnoseLogB"));
    tabs->addTab(m_logA, tr("Log of the &first gateway"));
    tabs->addTab(m_logB, tr("Log of the &second gateway"));
    layout->addWidget(tabs, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
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
    QString html;
    for (const IkeDiagnosis& d : r.findings) {
        html += QStringLiteral("<p><b>%1</b><br>%2").arg(d.cause.toHtmlEscaped(), tr("Field: %1").arg(d.field).toHtmlEscaped());
        if (!d.side.isEmpty())
            html += QStringLiteral("<br>%1").arg(tr("Where: %1").arg(d.side).toHtmlEscaped());
        html += QStringLiteral("<br>%1").arg(tr("Fix: %1").arg(d.fix).toHtmlEscaped());
        for (const QString& e : d.evidence)
            html += QStringLiteral("<br><code>%1</code>").arg(e.toHtmlEscaped());
        html += QStringLiteral("</p>");
    }
    m_findings->setHtml(html);
    m_logA->setPlainText(r.logA.join(QLatin1Char('\n')));
    m_logB->setPlainText(r.logB.join(QLatin1Char('\n')));
}

QString DiagnoseDialog::reportText() const
{
    return m_status->text() + QLatin1Char('\n') + m_findings->toPlainText();
}

} // namespace ipsecwiz
