#include "MonitorView.h"

#include "Deployer.h"
#include "GatewayMonitorPane.h"
#include "SaTableModel.h"
#include "SnapshotExport.h"
#include "Theme.h"
#include "TopologyView.h"
#include "Validation.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyle>
#include <QTextStream>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

    constexpr int MaxEvents = 1000;

    QString sideLabel(Side side)
    {
        return side == Side::A ? QStringLiteral("A") : QStringLiteral("B");
    }

} // namespace

QString formatRate(double bytesPerSecond)
{
    if (bytesPerSecond < 1000)
        return MonitorView::tr("%1 B/s").arg(qRound64(bytesPerSecond));
    if (bytesPerSecond < 1000 * 1000)
        return MonitorView::tr("%L1 kB/s").arg(bytesPerSecond / 1000, 0, 'f', 1);
    return MonitorView::tr("%L1 MB/s").arg(bytesPerSecond / 1e6, 0, 'f', 1);
}

MonitorView::MonitorView(QWidget* parent)
    : QWidget(parent)
    , m_topology(new TopologyView)
    , m_summary(new QLabel)
    , m_findings(new QListWidget)
    , m_events(new QTreeWidget)
    , m_pause(new QPushButton(tr("&Pause")))
    , m_interval(new QDoubleSpinBox)
    , m_reveal(new QCheckBox(tr("Re&veal keys")))
    , m_copy(new QPushButton(tr("&Copy snapshot")))
    , m_export(new QPushButton(tr("E&xport…")))
{
    m_panes[0] = new GatewayMonitorPane(QStringLiteral("gatewayA"), tr("Gateway A"));
    m_panes[1] = new GatewayMonitorPane(QStringLiteral("gatewayB"), tr("Gateway B"));
    m_pause->setObjectName(QStringLiteral("monitorPause"));
    m_interval->setObjectName(QStringLiteral("monitorInterval"));
    m_reveal->setObjectName(QStringLiteral("monitorRevealKeys"));
    m_copy->setObjectName(QStringLiteral("monitorCopySnapshot"));
    m_export->setObjectName(QStringLiteral("monitorExport"));
    m_events->setObjectName(QStringLiteral("monitorEvents"));
    m_findings->setObjectName(QStringLiteral("monitorFindings"));
    m_topology->setObjectName(QStringLiteral("monitorTopology"));
    m_pause->setAccessibleName(tr("Pause polling"));
    m_reveal->setAccessibleName(tr("Reveal key material"));
    m_copy->setAccessibleName(tr("Copy snapshot"));
    m_export->setAccessibleName(tr("Export snapshot"));

    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stop polling; the tables keep the last poll"));
    connect(m_pause, &QPushButton::toggled, this, &MonitorView::setPaused);
    m_interval->setRange(MonitorPoller::MinIntervalMs / 1000.0, 3600);
    m_interval->setDecimals(1);
    m_interval->setSingleStep(0.5);
    m_interval->setValue(MonitorPoller::DefaultIntervalMs / 1000.0);
    m_interval->setSuffix(tr(" s"));
    m_interval->setAccessibleName(tr("Poll interval in seconds"));
    m_interval->setToolTip(tr("How often each gateway is asked (at least 0.2 s); every poll reuses the open SSH connection"));
    connect(m_interval, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        for (auto& p : m_pollers)
            if (p)
                p->setIntervalMs(int(seconds * 1000));
    });
    auto* intervalLabel = new QLabel(tr("Poll &every"));
    intervalLabel->setBuddy(m_interval);
    m_reveal->setToolTip(
        tr("Show the SAs' key material (setkey's E: and A: lines, ip xfrm's enc and auth). Anyone who sees it can decrypt the tunnel."));
    connect(m_reveal, &QCheckBox::toggled, this, [this](bool on) {
        for (GatewayMonitorPane* pane : m_panes)
            pane->setKeysRevealed(on);
    });
    m_copy->setToolTip(tr("Copy both gateways' SAs and policies, and the correlation, as text (without key material)"));
    connect(m_copy, &QPushButton::clicked, this, &MonitorView::copySnapshot);
    m_export->setToolTip(tr("Save the snapshot as text or CSV"));
    connect(m_export, &QPushButton::clicked, this, &MonitorView::exportSnapshot);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_pause);
    controls->addSpacing(12);
    controls->addWidget(intervalLabel);
    controls->addWidget(m_interval);
    controls->addSpacing(12);
    controls->addWidget(m_reveal);
    controls->addStretch(1);
    controls->addWidget(m_copy);
    controls->addWidget(m_export);

    auto* gateways = new QSplitter(Qt::Horizontal);
    gateways->addWidget(m_panes[0]);
    gateways->addWidget(m_panes[1]);
    gateways->setChildrenCollapsible(false);

    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summary->setWordWrap(true);
    m_findings->setWordWrap(true);
    m_findings->setAccessibleName(tr("Correlation findings"));
    m_findings->setToolTip(tr(
        "What pairing both gateways' SAs found: SAs without a twin (half-up), leftovers of a rekey, counters that rise on one side only"));
    // A few lines; a long list scrolls instead of squeezing the events.
    m_findings->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_events->setColumnCount(3);
    m_events->setHeaderLabels({ tr("Time"), tr("Where"), tr("Event") });
    m_events->setRootIsDecorated(false);
    m_events->setUniformRowHeights(true);
    m_events->setAccessibleName(tr("Events"));
    m_events->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_events->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* eventsLabel = new QLabel(tr("Events"));

    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_summary);
    sideLayout->addWidget(m_findings);
    sideLayout->addWidget(eventsLabel);
    sideLayout->addWidget(m_events, 1);

    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(m_topology);
    bottom->addWidget(side);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    // Half and half from the start: the drawing's size hint would otherwise squeeze the events.
    bottom->setSizes({500, 500});
    bottom->setChildrenCollapsible(false);

    auto* body = new QSplitter(Qt::Vertical);
    body->addWidget(gateways);
    body->addWidget(bottom);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 2);
    body->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(body, 1);

    m_summary->setText(tr("Tunnel state: not known yet"));
    m_topology->setTunnelState(TunnelState::Unknown);
}

MonitorView::~MonitorView()
{
    stop();
}

void MonitorView::setProfile(const TunnelProfile& profile, const QString& profileDir)
{
    m_profile = profile;
    m_profileDir = profileDir;
    m_topology->setProfile(profile);
    m_topology->setTunnelState(TunnelState::Unknown);
    m_panes[0]->setTitle(tr("Gateway A — %1").arg(hostPart(profile.gatewayA.publicAddress)));
    m_panes[1]->setTitle(tr("Gateway B — %1").arg(hostPart(profile.gatewayB.publicAddress)));
    m_correlation.reset();
}

void MonitorView::start(MonitorSource source)
{
    stop();
    // Checked here as in every CLI command: a profile from elsewhere must not reach the SSH layer
    // (its user and host end up in the admin's ssh config, a ProxyCommand runs them).
    QStringList errors;
    for (const Finding& f : validate(m_profile))
        if (f.severity == Severity::Error)
            errors << f.field + QStringLiteral(": ") + f.message; // toString()'s "error:" is not translated
    if (!errors.isEmpty()) {
        const QString message = tr("Not connected: the profile has errors. %1").arg(errors.join(QStringLiteral("; ")));
        for (const auto& pane : m_panes)
            pane->setRefused(message);
        addEvent(QString(), message, true);
        m_summary->setText(tr("Tunnel state: not known (the profile has errors)"));
        return;
    }
    for (Side side : { Side::A, Side::B }) {
        SshOptions o = Deployer::sshOptionsFor(m_profile, side, m_profileDir);
        // The monitor never records a host key: unknown keys are accepted in Deploy ▸ Test
        // connection, where the fingerprint is shown. A short timeout keeps retries lively.
        o.connectTimeoutSec = 5;
        // Asked on the GUI thread while the poller's thread waits; a view closed meanwhile
        // answers nothing (the QPointer is only read on the GUI thread).
        o.password = [self = QPointer<MonitorView>(this), side](const QString& prompt) {
            std::optional<QByteArray> answer;
            QMetaObject::invokeMethod(
                qApp,
                [&] {
                    if (self)
                        answer = self->askSecret(side, prompt);
                },
                Qt::BlockingQueuedConnection);
            return answer;
        };
        o.passphrase = o.password;
        auto poller = std::make_unique<MonitorPoller>(o, source);
        poller->setIntervalMs(int(m_interval->value() * 1000));
        poller->setPaused(m_paused);
        connect(poller.get(), &MonitorPoller::connecting, this, [this, side](const QString& where) {
            m_panes[size_t(side)]->setConnecting(where);
            m_askedThisAttempt[size_t(side)] = false;
        });
        connect(poller.get(), &MonitorPoller::connected, this, [this, side](const QString& where, MonitorSource s) {
            // The password (if one was asked) worked: a later failure of a poll on this session
            // (a timeout on a busy gateway) must not drop it.
            m_askedThisAttempt[size_t(side)] = false;
            m_panes[size_t(side)]->setConnected(where, s);
            if (m_lost[size_t(side)])
                addEvent(sideLabel(side), tr("Connected again to %1").arg(where));
            m_lost[size_t(side)] = false;
        });
        connect(poller.get(), &MonitorPoller::polled, this,
            [this, side](const MonitorUpdate& u) { applyUpdate(side, u, QDateTime::currentMSecsSinceEpoch()); });
        connect(poller.get(), &MonitorPoller::failed, this,
            [this, side](const QString& message, int retryInMs) { applyFailure(side, message, retryInMs); });
        m_pollers[size_t(side)] = std::move(poller);
    }
    for (auto& p : m_pollers)
        p->start();
}

void MonitorView::stop()
{
    for (auto& p : m_pollers)
        p.reset();
    for (QByteArray& pw : m_passwords)
        pw.fill('\0');
}

void MonitorView::setPaused(bool paused)
{
    m_paused = paused;
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    for (auto& p : m_pollers)
        if (p)
            p->setPaused(paused);
    for (GatewayMonitorPane* pane : m_panes)
        pane->setPaused(paused);
}

void MonitorView::applyUpdate(Side side, const MonitorUpdate& update, qint64 nowMs)
{
    GatewayMonitorPane* pane = m_panes[size_t(side)];
    const bool first = !pane->hasSnapshot();
    const QList<FlowSa> before = first ? QList<FlowSa>() : flowsOf(pane->snapshot());
    pane->apply(update, nowMs);
    const QList<FlowSa> after = flowsOf(update.snapshot);
    if (first)
        // Two strings, not %n: English has no translation file to pick "SA" or "SAs" from.
        addEvent(sideLabel(side), after.size() == 1 ? tr("First poll: 1 SA") : tr("First poll: %1 SAs").arg(after.size()));
    else
        for (const MonitorEvent& e : saEvents(before, after))
            addEvent(sideLabel(side), e.text);
    m_fresh[size_t(side)] = true;
    // Correlate once per round (a fresh poll of each gateway): a counter compared with the other
    // gateway's previous poll would look one-sided.
    if (m_fresh[0] && m_fresh[1]) {
        correlateNow(nowMs);
        m_fresh = { false, false };
    }
}

void MonitorView::applyFailure(Side side, const QString& message, int retryInMs)
{
    m_panes[size_t(side)]->setFailed(message, retryInMs);
    // The password was asked during this attempt and the attempt failed: most likely it was
    // wrong, so the next attempt asks again instead of repeating it. (A network that is down
    // fails before any question, and keeps a password that worked.)
    if (m_askedThisAttempt[size_t(side)]) {
        m_passwords[size_t(side)].fill('\0');
        m_passwords[size_t(side)].clear();
        m_askedThisAttempt[size_t(side)] = false;
    }
    if (!m_lost[size_t(side)]) {
        addEvent(sideLabel(side), tr("No connection: %1").arg(message), true);
        m_lost[size_t(side)] = true;
    }
    m_fresh[size_t(side)] = false;
    // Without one gateway's view the tunnel's state is not known; the last findings stay listed.
    m_topology->setTunnelState(TunnelState::Unknown, tr("no data from gateway %1").arg(sideLabel(side)));
    m_summary->setText(tr("Tunnel state: not known (no data from gateway %1)").arg(sideLabel(side)));
}

void MonitorView::correlateNow(qint64 nowMs)
{
    const Correlation c = correlate(m_panes[0]->snapshot(), m_panes[1]->snapshot(), hostPart(m_profile.gatewayA.publicAddress),
        hostPart(m_profile.gatewayB.publicAddress), m_correlation ? &*m_correlation : nullptr);
    QStringList rates;
    if (m_correlation && m_correlationMs >= 0 && nowMs > m_correlationMs) {
        const double seconds = (nowMs - m_correlationMs) / 1000.0;
        const auto rate = [&](const std::optional<quint64>& now, const std::optional<quint64>& then) -> std::optional<double> {
            if (!now || !then || *now < *then)
                return std::nullopt;
            return double(*now - *then) / seconds;
        };
        if (auto r = rate(c.bytesAToB, m_correlation->bytesAToB))
            rates << tr("A→B %1").arg(formatRate(*r));
        if (auto r = rate(c.bytesBToA, m_correlation->bytesBToA))
            rates << tr("B→A %1").arg(formatRate(*r));
    }
    const TunnelState before = m_correlation ? m_correlation->state : TunnelState::Unknown;
    if (auto e = stateEvent(before, c.state))
        addEvent(tr("tunnel"), e->text, c.state != TunnelState::Up);
    m_topology->setTunnelState(c.state, rates.join(QStringLiteral(" · ")));

    QString state;
    switch (c.state) {
    case TunnelState::Up:
        state = tr("up");
        break;
    case TunnelState::Partial:
        state = tr("half-up");
        break;
    case TunnelState::Down:
        state = tr("down");
        break;
    case TunnelState::Unknown:
        state = tr("not known");
        break;
    }
    m_summary->setText(c.pairs.size() == 1 ? tr("Tunnel %1 — 1 SA pair").arg(state) : tr("Tunnel %1 — %2 SA pairs").arg(state).arg(c.pairs.size()));
    m_findings->clear();
    if (c.findings.isEmpty())
        new QListWidgetItem(
            style()->standardIcon(QStyle::SP_DialogApplyButton), tr("Every SA has its twin on the other gateway."), m_findings);
    for (const QString& f : c.findings)
        new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxWarning), f, m_findings);
    m_correlation = c;
    m_correlationMs = nowMs;
}

void MonitorView::addEvent(const QString& who, const QString& text, bool problem)
{
    auto* item = new QTreeWidgetItem({ QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), who, text });
    item->setToolTip(2, text);
    if (problem)
        item->setForeground(2, Theme::isDark(palette()) ? QColor(0xf0, 0x80, 0x80) : QColor(0xb0, 0x20, 0x20));
    m_events->insertTopLevelItem(0, item); // newest first, as a log viewer shows them
    while (m_events->topLevelItemCount() > MaxEvents)
        delete m_events->takeTopLevelItem(m_events->topLevelItemCount() - 1);
}

QStringList MonitorView::eventTexts() const
{
    QStringList texts;
    for (int i = m_events->topLevelItemCount() - 1; i >= 0; --i)
        texts << m_events->topLevelItem(i)->text(1) + QStringLiteral(": ") + m_events->topLevelItem(i)->text(2);
    return texts;
}

QString MonitorView::findingsText() const
{
    QStringList lines;
    for (int i = 0; i < m_findings->count(); ++i)
        lines << m_findings->item(i)->text();
    return lines.join(QLatin1Char('\n'));
}

QString MonitorView::snapshotText() const
{
    QString t;
    QTextStream o(&t);
    o << tr("IPsec Wizard monitor snapshot of %1, %2").arg(m_profile.name, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)) << '\n';
    for (Side side : { Side::A, Side::B }) {
        const GatewayMonitorPane* pane = m_panes[size_t(side)];
        o << "== " << tr("gateway %1").arg(sideLabel(side));
        if (!pane->where().isEmpty())
            o << " (" << pane->where() << ", " << monitorSourceId(pane->source()) << ")";
        o << '\n';
        o << (pane->hasSnapshot() ? SnapshotExport::text(pane->snapshot()) : tr("  (no poll yet)\n"));
    }
    if (m_correlation) {
        o << "== " << tr("tunnel: %1, %2 SA pairs").arg(tunnelStateName(m_correlation->state)).arg(m_correlation->pairs.size()) << '\n';
        for (const QString& f : m_correlation->findings)
            o << "  " << f << '\n';
    }
    return t;
}

Status MonitorView::exportTo(const QString& path) const
{
    QString content;
    if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0) {
        QList<SnapshotExport::GatewayRows> rows;
        for (Side side : { Side::A, Side::B }) {
            const GatewayMonitorPane* pane = m_panes[size_t(side)];
            rows.append({ sideLabel(side), saRowsOf(pane->snapshot()), pane->snapshot().policies });
        }
        content = SnapshotExport::csv(rows, m_reveal->isChecked());
    } else {
        content = snapshotText();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { path, tr("Cannot write %1: %2").arg(path, file.errorString()) };
    // Revealed keys may be in it: readable by the owner only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(content.toUtf8());
    if (!file.commit())
        return Error { path, tr("Cannot write %1: %2").arg(path, file.errorString()) };
    return {};
}

void MonitorView::copySnapshot()
{
    QApplication::clipboard()->setText(snapshotText());
}

void MonitorView::exportSnapshot()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export snapshot"), m_profile.name + QStringLiteral("-snapshot.txt"), tr("Text (*.txt);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (auto st = exportTo(path); !st)
        QMessageBox::warning(this, tr("Export snapshot"), st.error().message);
}

// On the GUI thread, for a poller's thread that waits. One answer per gateway and window.
std::optional<QByteArray> MonitorView::askSecret(Side side, const QString& prompt)
{
    m_askedThisAttempt[size_t(side)] = true;
    QByteArray& known = m_passwords[size_t(side)];
    if (!known.isEmpty())
        return known;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Monitor: password"), prompt, QLineEdit::Password, {}, &ok);
    if (!ok)
        return std::nullopt;
    known = text.toUtf8();
    return known;
}

} // namespace ipsecwiz
