#include "DeployPanel.h"

#include "Psk.h"
#include "SecretPrompt.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

std::optional<bool> s_hostKeyAnswer;
std::optional<bool> s_removeAnswer;

QString sideName(Side side)
{
    return side == Side::A ? DeployPanel::tr("Gateway A") : DeployPanel::tr("Gateway B");
}

// Distinct in light and dark palettes alike.
QColor sideColour(std::optional<Side> side)
{
    if (!side)
        return QColor(0x80, 0x80, 0x80);
    return *side == Side::A ? QColor(0x1f, 0x77, 0xb4) : QColor(0xd6, 0x5f, 0x0e);
}

} // namespace

void DeployPanel::setRemoveAnswer(std::optional<bool> remove)
{
    s_removeAnswer = remove;
}

void DeployPanel::setHostKeyAnswer(std::optional<bool> accept)
{
    s_hostKeyAnswer = accept;
}

DeployPanel::DeployPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* gateways = new QHBoxLayout;
    for (Side side : {Side::A, Side::B}) {
        GatewayFields& f = m_fields[int(side)];
        const QString id = sideId(side);
        auto* box = f.box = new QGroupBox(tr("%1 over SSH").arg(sideName(side)), this);
        auto* form = new QFormLayout(box);
        f.host = new QLineEdit(box);
        f.host->setObjectName(QStringLiteral("sshHost_") + id);
        f.host->setAccessibleName(tr("%1 SSH host").arg(sideName(side)));
        f.host->setToolTip(tr("Host name or address the wizard connects to (empty: the public address)"));
        f.port = new QSpinBox(box);
        f.port->setRange(1, 65535);
        f.port->setObjectName(QStringLiteral("sshPort_") + id);
        f.port->setAccessibleName(tr("%1 SSH port").arg(sideName(side)));
        f.port->setToolTip(tr("The gateway's SSH port (22 unless its sshd listens elsewhere)"));
        f.user = new QLineEdit(box);
        f.user->setObjectName(QStringLiteral("sshUser_") + id);
        f.user->setAccessibleName(tr("%1 SSH user").arg(sideName(side)));
        f.user->setToolTip(tr("root, or a user who may use sudo (its password is asked for and sent to sudo's standard input)"));
        f.identity = new QLineEdit(box);
        f.identity->setObjectName(QStringLiteral("sshIdentity_") + id);
        f.identity->setAccessibleName(tr("%1 SSH private key").arg(sideName(side)));
        f.identity->setPlaceholderText(tr("ssh-agent and ~/.ssh keys"));
        f.identity->setToolTip(tr("A private key file; its passphrase is asked for when needed. Empty: ssh-agent, then the keys in ~/.ssh"));
        f.result = new QLabel(tr("not pushed yet"), box);
        f.result->setObjectName(QStringLiteral("result_") + id);
        f.result->setWordWrap(true);
        // Each box its own mnemonics: Alt+H reaches gateway A's host, Alt+S gateway B's.
        const bool a = side == Side::A;
        form->addRow(a ? tr("&Host:") : tr("Ho&st:"), f.host);
        form->addRow(a ? tr("P&ort:") : tr("Po&rt:"), f.port);
        form->addRow(a ? tr("&User:") : tr("Us&er:"), f.user);
        form->addRow(a ? tr("&Key file:") : tr("Ke&y file:"), f.identity);
        form->addRow(tr("Result:"), f.result);
        gateways->addWidget(box);
    }
    layout->addLayout(gateways);

    auto* buttons = new QHBoxLayout;
    m_confirmTimeout = new QSpinBox(this);
    m_confirmTimeout->setObjectName(QStringLiteral("confirmTimeout"));
    m_confirmTimeout->setAccessibleName(tr("Confirm timeout in seconds"));
    m_confirmTimeout->setRange(5, 3600);
    m_confirmTimeout->setValue(60);
    m_confirmTimeout->setSuffix(tr(" s"));
    m_confirmTimeout->setToolTip(tr("A gateway that is not confirmed within this time rolls back by itself, so a push that "
                                    "cuts the management path cannot lock you out."));
    auto* timeoutLabel = new QLabel(tr("Roll back unless confirmed &within:"), this);
    timeoutLabel->setBuddy(m_confirmTimeout);
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setAccessibleName(tr("Test connection"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setToolTip(tr("Connect to both gateways, check their host keys and log in — nothing is changed"));
    m_dryRun = new QPushButton(tr("&Dry run"), this);
    m_dryRun->setAccessibleName(tr("Dry run"));
    m_dryRun->setObjectName(QStringLiteral("dryRun"));
    m_dryRun->setToolTip(tr("Every file with its path and mode, and every command, in order — nothing is changed"));
    m_push = new QPushButton(tr("&Push to both gateways"), this);
    m_push->setAccessibleName(tr("Push to both gateways"));
    m_push->setObjectName(QStringLiteral("push"));
    m_push->setToolTip(tr("Preflight, upload, commit on both gateways at once, test the tunnel, then confirm; any failure rolls both back"));
    m_remove = new QPushButton(tr("Re&move tunnel…"), this);
    m_remove->setAccessibleName(tr("Remove the tunnel from both gateways"));
    m_remove->setObjectName(QStringLiteral("remove"));
    m_remove->setToolTip(tr("Take this tunnel's files, marked blocks, policies and firewall table off both gateways, in the same "
                            "transaction as a push; everything else on them stays"));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setAccessibleName(tr("Cancel the push"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setToolTip(tr("Stop the push; whatever was already committed is rolled back"));
    m_cancel->setEnabled(false);
    buttons->addWidget(timeoutLabel);
    buttons->addWidget(m_confirmTimeout);
    buttons->addStretch();
    buttons->addWidget(m_test);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_push);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);

    m_changeNote = new QLabel(this);
    m_changeNote->setObjectName(QStringLiteral("deployChange"));
    m_changeNote->setWordWrap(true);
    m_changeNote->hide();
    layout->addWidget(m_changeNote);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("deployStatus"));
    layout->addWidget(m_status);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("deployLog"));
    m_log->setAccessibleName(tr("Push log"));
    m_log->setToolTip(tr("Every step and command, with the time, in one colour per gateway"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(20000);
    layout->addWidget(m_log, 1);

    connect(m_test, &QPushButton::clicked, this, &DeployPanel::testConnections);
    connect(m_dryRun, &QPushButton::clicked, this, &DeployPanel::dryRun);
    connect(m_push, &QPushButton::clicked, this, &DeployPanel::push);
    connect(m_remove, &QPushButton::clicked, this, &DeployPanel::removeTunnel);
    connect(m_cancel, &QPushButton::clicked, this, &DeployPanel::cancel);
}

DeployPanel::~DeployPanel()
{
    m_cancelFlag = true;
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
    Psk::wipe(m_psk);
}

void DeployPanel::setProfile(const TunnelProfile& profile, const QByteArray& psk, const QString& profileDir)
{
    m_network.reset();
    m_profile = profile;
    m_psk = psk;
    m_profileDir = profileDir;
    for (Side side : {Side::A, Side::B}) {
        const SshOptions o = Deployer::sshOptionsFor(profile, side, profileDir);
        GatewayFields& f = m_fields[int(side)];
        f.host->setText(o.host);
        f.port->setValue(o.port);
        f.user->setText(o.user);
        f.identity->setText(o.keyFile);
        f.result->setText(tr("not pushed yet"));
        f.box->setTitle(tr("%1 over SSH").arg(sideName(side)));
        f.box->setEnabled(true);
    }
}

void DeployPanel::setNetwork(const NetworkProfile& network, int tunnel, const QString& profileDir, const QStringList& keyless)
{
    m_network = network;
    m_tunnel = std::clamp(tunnel, 0, int(network.tunnels.size()) - 1);
    m_keyless = keyless;
    m_profile = Network::pageView(network, m_tunnel);
    m_psk.clear();
    m_profileDir = profileDir;
    const Tunnel& t = network.tunnels.at(m_tunnel);
    for (Side side : {Side::A, Side::B}) {
        const Site* site = network.site(side == Side::A ? t.siteA : t.siteB);
        GatewayFields& f = m_fields[int(side)];
        if (!site)
            continue;
        const SshOptions o = NetworkDeployer::sshOptionsFor(network, *site, profileDir);
        f.host->setText(o.host);
        f.port->setValue(o.port);
        f.user->setText(o.user);
        f.identity->setText(o.keyFile);
        f.box->setTitle(tr("Site %1 over SSH").arg(site->name));
        f.box->setEnabled(site->gateway.managed);
        f.result->setText(site->gateway.managed ? tr("not pushed yet") : tr("managed by someone else: not pushed (give its admin the settings sheet)"));
    }
    m_push->setText(tr("&Push to both gateways"));
}

QStringList DeployPanel::networkSites() const
{
    QStringList sites;
    const Tunnel& t = m_network->tunnels.at(m_tunnel);
    for (const QString& name : {t.siteA, t.siteB})
        if (const Site* s = m_network->site(name); s && s->gateway.managed)
            sites << name;
    return sites;
}

QHash<QString, SshOptions> DeployPanel::networkSsh(const QStringList& sites)
{
    QHash<QString, SshOptions> out;
    const Tunnel& t = m_network->tunnels.at(m_tunnel);
    for (const QString& name : sites)
        out.insert(name, sshOptions(name == t.siteA ? Side::A : Side::B));
    return out;
}

bool DeployPanel::isBusy() const
{
    return m_worker != nullptr;
}

QString DeployPanel::logText() const
{
    return m_log->toPlainText();
}

QString DeployPanel::resultText(Side side) const
{
    return m_fields[int(side)].result->text();
}

SshOptions DeployPanel::sshOptions(Side side)
{
    SshOptions o = Deployer::sshOptionsFor(m_profile, side, m_profileDir);
    if (m_network) {
        const Tunnel& t = m_network->tunnels.at(m_tunnel);
        if (const Site* site = m_network->site(side == Side::A ? t.siteA : t.siteB))
            o = NetworkDeployer::sshOptionsFor(*m_network, *site, m_profileDir);
    }
    const GatewayFields& f = m_fields[int(side)];
    o.host = f.host->text().trimmed();
    o.port = f.port->value();
    o.user = f.user->text().trimmed();
    o.keyFile = f.identity->text().trimmed();
    o.acceptNewHostKey = [this](const HostKeyInfo& key, const QString& host) { return askHostKey(key, host); };
    o.passphrase = [this](const QString& prompt) { return askSecretFromWorker(this, prompt); };
    o.password = o.passphrase;
    return o;
}

// Called on the worker thread: the question is asked on the GUI thread while the worker waits.
bool DeployPanel::askHostKey(const HostKeyInfo& key, const QString& host)
{
    if (s_hostKeyAnswer)
        return *s_hostKeyAnswer;
    return askHostKeyFromWorker(this, key, host);
}


void DeployPanel::appendLog(const DeployEvent& e)
{
    const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    std::optional<Side> side = e.side;
    QString who = side ? (*side == Side::A ? QStringLiteral("A") : QStringLiteral("B")) : QStringLiteral("*");
    if (m_network && !e.gateway.isEmpty()) {
        const Tunnel& t = m_network->tunnels.at(m_tunnel);
        who = e.gateway;
        side = e.gateway == t.siteA ? std::optional(Side::A) : e.gateway == t.siteB ? std::optional(Side::B) : std::nullopt;
    }
    QString text = e.text.toHtmlEscaped();
    switch (e.kind) {
    case DeployEvent::Kind::Command: text = QStringLiteral("$ ") + text; break;
    case DeployEvent::Kind::Output: text = QStringLiteral("&nbsp;&nbsp;") + text; break;
    case DeployEvent::Kind::Warning: text = QStringLiteral("<b>%1</b> ").arg(tr("warning:")) + text; break;
    case DeployEvent::Kind::Error: text = QStringLiteral("<b>%1</b> ").arg(tr("error:")) + text; break;
    default: break;
    }
    m_log->appendHtml(QStringLiteral("<span style=\"color:%1\">%2 [%3] %4</span>").arg(sideColour(side).name(), time, who.toHtmlEscaped(), text));
}

void DeployPanel::setResult(Side side, const QString& text, bool ok)
{
    QLabel* label = m_fields[int(side)].result;
    label->setText(text);
    label->setStyleSheet(ok ? QString() : QStringLiteral("font-weight: bold"));
}

void DeployPanel::setBusy(bool busy)
{
    for (QWidget* w : {static_cast<QWidget*>(m_test), static_cast<QWidget*>(m_dryRun), static_cast<QWidget*>(m_push),
                       static_cast<QWidget*>(m_remove), static_cast<QWidget*>(m_confirmTimeout)})
        w->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    emit busyChanged(busy);
}

void DeployPanel::startWork(const QString& title, std::function<bool()> work)
{
    if (m_worker)
        return;
    m_cancelFlag = false;
    m_status->setText(title);
    appendLog(DeployEvent{std::nullopt, DeployEvent::Kind::Step, title, {}});
    setBusy(true);
    m_worker = QThread::create([this, work = std::move(work)] {
        const bool ok = work();
        QMetaObject::invokeMethod(this, [this, ok] {
            m_worker->wait();
            delete m_worker;
            m_worker = nullptr;
            setBusy(false);
            emit finished(ok);
        });
    });
    m_worker->start();
}

void DeployPanel::testConnections()
{
    const bool network = m_network.has_value();
    const QStringList managed = network ? networkSites() : QStringList();
    const Tunnel* shown = network ? &m_network->tunnels.at(m_tunnel) : nullptr;
    std::array<bool, 2> reach{true, true};
    if (network) {
        reach[0] = managed.contains(shown->siteA);
        reach[1] = managed.contains(shown->siteB);
    }
    std::array<SshOptions, 2> options{sshOptions(Side::A), sshOptions(Side::B)};
    for (SshOptions& o : options)
        o.cancel = &m_cancelFlag;
    startWork(tr("Testing the SSH connections…"), [this, options, reach] {
        bool all = true;
        for (Side side : {Side::A, Side::B}) {
            if (!reach[size_t(side)])
                continue; // someone else's gateway: not ours to log in to
            auto s = SshSession::connect(options[size_t(side)]);
            QString text;
            bool ok = s.ok();
            if (ok) {
                auto r = s.value()->exec(QStringLiteral("uname -n; id -un"));
                ok = r && r.value().exitStatus == 0;
                text = ok ? tr("connected: %1 (host key %2)")
                                .arg(QString::fromUtf8(r.value().out).simplified(), s.value()->hostKey().fingerprint)
                          : tr("connected, but a command failed");
            } else {
                text = s.error().message;
            }
            all = all && ok;
            QMetaObject::invokeMethod(this, [this, side, text, ok] {
                setResult(side, text, ok);
                appendLog(DeployEvent{side, ok ? DeployEvent::Kind::Result : DeployEvent::Kind::Error, text, {}});
            });
        }
        return all;
    });
}

void DeployPanel::dryRun()
{
    if (m_network) {
        DeployOptions options;
        options.confirmTimeoutSec = m_confirmTimeout->value();
        const QStringList sites = networkSites();
        NetworkDeployer deployer(*m_network, sites, networkSsh(sites), options, {});
        auto lines = deployer.dryRun();
        m_log->appendPlainText(lines ? lines.value().join(QLatin1Char('\n')) : lines.error().toString());
        return;
    }
    DeployOptions options;
    options.confirmTimeoutSec = m_confirmTimeout->value();
    Deployer deployer(m_profile, m_psk, {sshOptions(Side::A), sshOptions(Side::B)}, options, {});
    auto lines = deployer.dryRun();
    m_log->appendPlainText(lines ? lines.value().join(QLatin1Char('\n')) : lines.error().toString());
}

void DeployPanel::setChanges(const QHash<QString, GatewayChange>& changes)
{
    m_changes = changes;
    QStringList lines;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        lines << tr("on site %1: %2").arg(it.key(), it.value().described().join(QStringLiteral("; ")));
    m_changeNote->setText(tr("Push also makes the diagnosis's fix, undone with the rest if the push is rolled back: %1").arg(lines.join(QStringLiteral(", "))));
    m_changeNote->setVisible(!changes.isEmpty());
}

QString DeployPanel::changeNote() const
{
    return m_changeNote->isVisible() ? m_changeNote->text() : QString();
}

void DeployPanel::push()
{
    if (m_network) {
        pushNetwork(false);
        return;
    }
    DeployOptions options;
    options.confirmTimeoutSec = m_confirmTimeout->value();
    options.cancel = &m_cancelFlag;
    options.changes = m_changes;
    const std::array<SshOptions, 2> ssh{sshOptions(Side::A), sshOptions(Side::B)};
    for (Side side : {Side::A, Side::B})
        setResult(side, tr("pushing…"), true);
    auto deployer = std::make_shared<Deployer>(m_profile, m_psk, ssh, options, [this](const DeployEvent& e) {
        QMetaObject::invokeMethod(this, [this, e] { appendLog(e); });
    });
    startWork(tr("Pushing to both gateways…"), [this, deployer] {
        const DeployResult r = deployer->run();
        QMetaObject::invokeMethod(this, [this, r] {
            for (Side side : {Side::A, Side::B}) {
                const GatewayOutcome o = r.outcome[size_t(side)];
                setResult(side, outcomeName(o), o == GatewayOutcome::Confirmed || o == GatewayOutcome::Unchanged);
            }
            if (!r.tunnelReport.isEmpty())
                m_log->appendPlainText(r.tunnelReport);
            m_status->setText(r.ok ? tr("Pushed. %1").arg(r.message) : tr("Push failed; both gateways are on their previous configuration. %1").arg(r.message));
        });
        return r.ok;
    });
}

void DeployPanel::removeTunnel()
{
    const bool sure = s_removeAnswer ? *s_removeAnswer
                                     : QMessageBox::question(this, tr("Remove the tunnel"),
                                                             tr("Remove tunnel “%1” from both gateways? Its own files, marked blocks, policies "
                                                                "and firewall table go; everything else on the gateways stays. What is taken "
                                                                "out is kept in /etc/ipsec-wizard/backups/.")
                                                                 .arg(m_profile.name),
                                                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                                           == QMessageBox::Yes;
    if (!sure)
        return;
    if (m_network) {
        pushNetwork(true);
        return;
    }
    DeployOptions options;
    options.confirmTimeoutSec = m_confirmTimeout->value();
    options.cancel = &m_cancelFlag;
    options.remove = true;
    const std::array<SshOptions, 2> ssh{sshOptions(Side::A), sshOptions(Side::B)};
    for (Side side : {Side::A, Side::B})
        setResult(side, tr("removing…"), true);
    auto deployer = std::make_shared<Deployer>(m_profile, m_psk, ssh, options, [this](const DeployEvent& e) {
        QMetaObject::invokeMethod(this, [this, e] { appendLog(e); });
    });
    startWork(tr("Removing the tunnel from both gateways…"), [this, deployer] {
        const DeployResult r = deployer->run();
        QMetaObject::invokeMethod(this, [this, r] {
            for (Side side : {Side::A, Side::B}) {
                const GatewayOutcome o = r.outcome[size_t(side)];
                setResult(side, outcomeName(o), o == GatewayOutcome::Confirmed || o == GatewayOutcome::Unchanged);
            }
            m_status->setText(r.ok ? tr("Removed. %1").arg(r.message)
                                   : tr("Removal failed; both gateways are on their previous configuration. %1").arg(r.message));
        });
        return r.ok;
    });
}

// The network mode's push (or removal of the shown tunnel): the managed ends of the shown tunnel,
// with every tunnel their gateways carry, in one transaction.
void DeployPanel::pushNetwork(bool remove)
{
    NetworkProfile network = *m_network;
    const Tunnel shown = network.tunnels.at(m_tunnel);
    const QStringList sites = networkSites();
    if (remove) {
        network.tunnels = {shown}; // only its pieces leave the gateways
    } else {
        // A key made this session reaches both ends of its tunnel or none.
        for (const Tunnel& t : std::as_const(network.tunnels)) {
            if (!m_keyless.contains(t.name) || (!sites.contains(t.siteA) && !sites.contains(t.siteB)))
                continue;
            for (const QString& end : {t.siteA, t.siteB}) {
                const Site* s = network.site(end);
                if (s && s->gateway.managed && !sites.contains(end)) {
                    const QString text = tr("Tunnel “%1” has no key in the profile, and site “%2” is not part of this push: its gateway would "
                                            "keep the old key. Save the profile with its keys first, or push the whole network "
                                            "(ipsec-wizard push PROFILE).")
                                             .arg(t.name, end);
                    m_status->setText(text);
                    appendLog(DeployEvent{std::nullopt, DeployEvent::Kind::Error, text, {}});
                    return;
                }
            }
        }
    }
    DeployOptions options;
    options.confirmTimeoutSec = m_confirmTimeout->value();
    options.cancel = &m_cancelFlag;
    options.remove = remove;
    options.tunnelTest = !remove;
    if (!remove)
        options.changes = m_changes;
    for (Side side : {Side::A, Side::B})
        if (m_fields[int(side)].box->isEnabled())
            setResult(side, remove ? tr("removing…") : tr("pushing…"), true);
    auto deployer = std::make_shared<NetworkDeployer>(network, sites, networkSsh(sites), options, [this](const DeployEvent& e) {
        QMetaObject::invokeMethod(this, [this, e] { appendLog(e); });
    });
    const QString title = remove ? tr("Removing tunnel %1 from %2…").arg(shown.name, sites.join(QStringLiteral(", ")))
                                 : tr("Pushing to %1…").arg(sites.join(QStringLiteral(", ")));
    startWork(title, [this, deployer, shown, remove] {
        const NetworkDeployResult r = deployer->run();
        QMetaObject::invokeMethod(this, [this, r, shown, remove] {
            for (const auto& [site, o] : r.outcome)
                setResult(site == shown.siteA ? Side::A : Side::B, outcomeName(o), o == GatewayOutcome::Confirmed || o == GatewayOutcome::Unchanged);
            if (!r.tunnelReport.isEmpty())
                m_log->appendPlainText(r.tunnelReport);
            if (remove)
                m_status->setText(r.ok ? tr("Removed. %1").arg(r.message)
                                       : tr("Removal failed; the gateways are on their previous configuration. %1").arg(r.message));
            else
                m_status->setText(r.ok ? tr("Pushed. %1").arg(r.message)
                                       : tr("Push failed; the gateways are on their previous configuration. %1").arg(r.message));
        });
        return r.ok;
    });
}

void DeployPanel::cancel()
{
    m_cancelFlag = true;
    m_status->setText(tr("Cancelling… (anything already committed is rolled back)"));
}

} // namespace ipsecwiz
