#include "CheckDialog.h"

#include "Parallel.h"
#include "Psk.h"
#include "SecretPrompt.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <vector>

namespace ipsecwiz {

namespace {

constexpr int DiffRole = Qt::UserRole + 1;
constexpr size_t Parallel = 4; // gateways read at once; the rest wait their turn

QString stateText(const FileDrift& f)
{
    const QString what = f.block.isEmpty() ? f.path : CheckDialog::tr("block %1 of %2").arg(f.block, f.path);
    switch (f.state) {
    case FileDrift::State::Same: return CheckDialog::tr("%1: as the profile makes it").arg(what);
    case FileDrift::State::Missing:
    case FileDrift::State::BlockMissing: return CheckDialog::tr("%1: missing").arg(what);
    case FileDrift::State::Differs: return CheckDialog::tr("%1: differs").arg(what);
    }
    return what;
}

} // namespace

CheckDialog::CheckDialog(const NetworkProfile& network, const QString& profileDir, QWidget* parent)
    : QDialog(parent), m_network(network), m_profileDir(profileDir)
{
    setObjectName(QStringLiteral("checkDialog"));
    setWindowTitle(tr("Check for drift: %1").arg(network.name));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_tree = new QTreeWidget(splitter);
    m_tree->setObjectName(QStringLiteral("checkResults"));
    m_tree->setAccessibleName(tr("Gateways and their files"));
    m_tree->setHeaderHidden(true);
    m_diff = new QPlainTextEdit(splitter);
    m_diff->setObjectName(QStringLiteral("checkDiff"));
    m_diff->setAccessibleName(tr("The selected file's differences"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Choose a file that differs to see its unified diff (keys shown as (key))."));
    splitter->addWidget(m_tree);
    splitter->addWidget(m_diff);
    layout->addWidget(splitter, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_again = buttons->addButton(tr("Check &again"), QDialogButtonBox::ActionRole);
    m_again->setObjectName(QStringLiteral("checkAgain"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_again, &QPushButton::clicked, this, &CheckDialog::start);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        m_diff->setPlainText(item ? item->data(0, DiffRole).toString() : QString());
    });
    resize(860, 620);
}

CheckDialog::~CheckDialog()
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

bool CheckDialog::askHostKey(const HostKeyInfo& key, const QString& host)
{
    return askHostKeyFromWorker(this, key, host);
}

void CheckDialog::start()
{
    if (m_worker)
        return;
    QStringList keyless;
    auto targets = DriftChecker::targetsFor(m_network, {}, m_profileDir, &keyless);
    if (!targets) {
        m_status->setText(targets.error().toString());
        Q_EMIT finished();
        return;
    }
    QList<CheckTarget> list = targets.value();
    for (CheckTarget& t : list) {
        t.ssh.acceptNewHostKey = [this](const HostKeyInfo& key, const QString& host) { return askHostKey(key, host); };
        t.ssh.password = [this](const QString& prompt) { return askSecretFromWorker(this, prompt); };
        t.ssh.passphrase = t.ssh.password;
    }
    m_status->setText(keyless.isEmpty() ? tr("Reading %1 gateways…").arg(list.size())
                                        : tr("Reading %1 gateways… The profile holds no key for %2, so no key is compared.")
                                              .arg(list.size())
                                              .arg(keyless.join(QStringLiteral(", "))));
    m_again->setEnabled(false);
    m_tree->clear();
    m_diff->clear();
    m_worker = QThread::create([this, list]() mutable {
        std::vector<GatewayCheck> found(size_t(list.size()));
        forEachIndexOnThreads(found.size(), Parallel, [&](size_t i) { found[i] = DriftChecker::run(list.at(int(i))); });
        for (CheckTarget& t : list)
            for (QByteArray& k : t.keys)
                Psk::wipe(k);
        const QList<GatewayCheck> results(found.begin(), found.end());
        QMetaObject::invokeMethod(this, [this, results] {
            m_worker->wait();
            delete m_worker;
            m_worker = nullptr;
            m_again->setEnabled(true);
            showResults(results);
            Q_EMIT finished();
        });
    });
    m_worker->start();
}

void CheckDialog::showResults(const QList<GatewayCheck>& results)
{
    m_results = results;
    int drifted = 0, unreached = 0;
    for (const GatewayCheck& r : results) {
        auto* gateway = new QTreeWidgetItem(m_tree);
        if (!r.reached) {
            ++unreached;
            gateway->setText(0, tr("%1: cannot be reached: %2").arg(r.label, terminalSafe(r.reason)));
            gateway->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            continue;
        }
        drifted += r.drift() ? 1 : 0;
        gateway->setText(0, r.drift() ? tr("%1: drift").arg(r.label) : tr("%1: no drift").arg(r.label));
        gateway->setIcon(0, style()->standardIcon(r.drift() ? QStyle::SP_MessageBoxCritical : QStyle::SP_DialogApplyButton));
        for (const FileDrift& f : r.files) {
            auto* file = new QTreeWidgetItem(gateway, {stateText(f)});
            file->setData(0, DiffRole, terminalSafe(f.diff));
        }
        if (!r.daemonError.isEmpty())
            new QTreeWidgetItem(gateway, {tr("the daemon does not answer: %1").arg(terminalSafe(r.daemonError))});
        else {
            for (const QString& c : r.notLoaded)
                new QTreeWidgetItem(gateway, {tr("connection %1 is not loaded").arg(c)});
            for (const QString& p : r.missingPolicies)
                new QTreeWidgetItem(gateway, {tr("the kernel has no policy %1").arg(p)});
        }
        gateway->setExpanded(r.drift());
    }
    m_status->setText(unreached ? tr("%1 of %2 gateways could not be reached; drift on %3 of the others.").arg(unreached).arg(results.size()).arg(drifted)
                      : drifted ? tr("%1 of %2 gateways have drift: their files differ from what the profile makes, or a connection is not loaded.")
                                      .arg(drifted)
                                      .arg(results.size())
                                : tr("No drift: every gateway has the profile's files and connections."));
}

QString CheckDialog::reportText() const
{
    QStringList lines{m_status->text()};
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* g = m_tree->topLevelItem(i);
        lines << g->text(0);
        for (int j = 0; j < g->childCount(); ++j)
            lines << QStringLiteral("  ") + g->child(j)->text(0);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ipsecwiz
