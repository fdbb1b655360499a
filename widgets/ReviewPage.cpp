#include "ReviewPage.h"

#include "BundleExport.h"
#include "FindingLabel.h"
#include "FileWriter.h"
#include "GeneratedFilesView.h"
#include "ProfileDraft.h"
#include "TopologyView.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabBar>
#include <QStyle>
#include <QVBoxLayout>

namespace ipsecwiz {

ReviewPage::ReviewPage(ProfileDraft* draft, QWidget* parent) : QWizardPage(parent), m_draft(draft)
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review"));
    setSubTitle(tr("What each gateway gets: its IPsec configuration, routes and firewall rules. Save the profile to come back to it; "
                   "export the bundle to carry everything to the gateways."));
    setFinalPage(true);

    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_findings = new QListWidget(this);
    m_findings->setObjectName(QStringLiteral("reviewFindings"));
    m_findings->setAccessibleName(tr("Warnings and errors"));
    m_findings->setWordWrap(true);
    m_findings->setMaximumHeight(90);
    layout->addWidget(m_findings);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("reviewSplitter"));
    splitter->setChildrenCollapsible(false);
    m_topology = new TopologyView(splitter);
    m_topology->setObjectName(QStringLiteral("reviewTopology"));
    // A bigger network's gateways as a list on the left, the chosen one's files on the right.
    auto* filesSplitter = new QSplitter(Qt::Horizontal, splitter);
    filesSplitter->setChildrenCollapsible(false);
    m_gatewayList = new QListWidget(filesSplitter);
    m_gatewayList->setObjectName(QStringLiteral("reviewGateways"));
    m_gatewayList->setAccessibleName(tr("Gateways"));
    m_gatewayList->setToolTip(tr("Every gateway of the network; its files are on the right."));
    m_files = new GeneratedFilesView(filesSplitter);
    filesSplitter->addWidget(m_gatewayList);
    filesSplitter->addWidget(m_files);
    filesSplitter->setStretchFactor(1, 1);
    filesSplitter->setSizes({220, 900});
    m_gatewayList->setVisible(false);
    splitter->addWidget(m_topology);
    splitter->addWidget(filesSplitter);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({190, 420}); // the files are what this page is for
    layout->addWidget(splitter, 1);

    auto* buttons = new QHBoxLayout;
    m_save = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save profile…"), this);
    m_save->setObjectName(QStringLiteral("saveProfile"));
    m_save->setAccessibleName(tr("Save profile"));
    m_save->setToolTip(tr("Save the tunnel as a profile (JSON) to open, change or deploy later; you choose whether the key goes in."));
    m_export = new QPushButton(tr("&Export bundle…"), this);
    m_export->setObjectName(QStringLiteral("exportBundle"));
    m_export->setAccessibleName(tr("Export bundle"));
    m_export->setToolTip(tr("Write both gateways' files, install scripts, a README and the drawing as .tar.gz, .zip or a folder."));
    m_exportGateway = new QPushButton(tr("Export &this gateway…"), this);
    m_exportGateway->setObjectName(QStringLiteral("exportGateway"));
    m_exportGateway->setAccessibleName(tr("Export this gateway's bundle"));
    m_exportGateway->setToolTip(tr("The bundle for the gateway whose files are shown only: its folder, install script and the README."));
    m_drawing = new QPushButton(tr("Save &drawing…"), this);
    m_drawing->setObjectName(QStringLiteral("saveDrawing"));
    m_drawing->setAccessibleName(tr("Save drawing"));
    m_drawing->setToolTip(tr("Save the topology drawing as SVG or PNG."));
    m_sheet = new QPushButton(tr("Settings s&heet…"), this);
    m_sheet->setObjectName(QStringLiteral("saveSettingsSheet"));
    m_sheet->setAccessibleName(tr("Save the settings sheet for the peer's admin"));
    m_sheet->setToolTip(tr("One page for the admin of the gateway someone else runs: addresses, identities, networks, proposals and "
                           "lifetimes their side must match. The key is not in it; exchange it separately."));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(m_save);
    buttons->addWidget(m_export);
    buttons->addWidget(m_exportGateway);
    buttons->addWidget(m_drawing);
    buttons->addWidget(m_sheet);
    buttons->addWidget(m_status, 1);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &ReviewPage::saveProfile);
    connect(m_export, &QPushButton::clicked, this, &ReviewPage::exportBundle);
    connect(m_gatewayList, &QListWidget::currentRowChanged, m_files, &QTabWidget::setCurrentIndex);
    connect(m_exportGateway, &QPushButton::clicked, this, [this] {
        const QString path = BundleExport::askBundlePath(this, m_draft->network().name + QLatin1Char('-') + m_files->gateways().value(m_files->currentIndex()).folder);
        if (path.isEmpty())
            return;
        if (const Status st = exportGatewayTo(path); !st)
            QMessageBox::warning(this, tr("Cannot export the bundle"), st.error().toString());
    });
    connect(m_drawing, &QPushButton::clicked, m_topology, &TopologyView::saveAs);
    connect(m_sheet, &QPushButton::clicked, this, &ReviewPage::saveSettingsSheet);
    connect(m_draft, &ProfileDraft::changed, this, [this] {
        if (isVisible())
            regenerate();
    });
}

ReviewPage::~ReviewPage() = default;

void ReviewPage::initializePage()
{
    regenerate();
}

bool ReviewPage::isComplete() const
{
    return m_generated;
}

void ReviewPage::regenerate()
{
    const TunnelProfile& p = m_draft->profile();
    if (m_draft->isNetwork())
        m_topology->topologyScene()->setWholeNetwork(m_draft->network());
    else
        m_topology->setNetwork(m_draft->network(), m_draft->tunnelIndex());
    if (!m_draft->beyondPair().isEmpty()) {
        regenerateNetwork();
        return;
    }

    fillFindingList(m_findings, m_draft->findings());
    m_findings->setVisible(m_findings->count() > 0);

    QList<GatewayConfig> configs;
    Error failure;
    m_generated = !hasErrors(m_draft->findings()) && p.psk && !p.psk->isEmpty();
    for (Side side : {Side::A, Side::B}) {
        if (!m_generated)
            break;
        auto cfg = Generate::side(p, side, m_draft->psk());
        if (!cfg) {
            failure = cfg.error();
            m_generated = false;
            break;
        }
        configs.append(cfg.value());
    }
    m_files->setConfigs(m_generated ? configs : QList<GatewayConfig>{});

    int fileCount = 0;
    for (const GatewayConfig& c : std::as_const(configs))
        fileCount += int(c.files.size());
    if (m_generated)
        m_summary->setText(tr("Tunnel <b>%1</b>: %2 behind %3 ⇄ %4 behind %5. Files for the two gateways: %6.")
                               .arg(p.name.toHtmlEscaped(), p.networkA.toHtmlEscaped(), p.gatewayA.publicAddress.toHtmlEscaped(),
                                    p.networkB.toHtmlEscaped(), p.gatewayB.publicAddress.toHtmlEscaped())
                               .arg(fileCount));
    else if (!failure.message.isEmpty())
        m_summary->setText(failure.toString().toHtmlEscaped());
    else
        m_summary->setText(tr("Nothing can be generated until the errors below are fixed; go back to the page that has them."));
    m_save->setEnabled(true);
    m_export->setEnabled(m_generated);
    m_exportGateway->setVisible(false);
    m_gatewayList->setVisible(false);
    m_files->tabBar()->setVisible(true);
    m_sheet->setVisible(false);
    Q_EMIT completeChanged();
}

void ReviewPage::regenerateNetwork()
{
    // A tunnel of a network, or two sites version 1 cannot describe: the version 2 generators,
    // for the shown tunnel's two sites with every tunnel they carry, and the settings sheet of a
    // peer someone else runs.
    const NetworkProfile& n = m_draft->network();
    fillFindingList(m_findings, m_draft->findings());
    m_findings->setVisible(m_findings->count() > 0);

    const Tunnel& t = m_draft->tunnel();
    QString failure;
    QList<GeneratedFilesView::Named> gateways;
    m_generated = !hasErrors(m_draft->findings());
    // A bigger network shows every gateway (a list on the left); a tunnel opened on its own, its two.
    QStringList sites{t.siteA, t.siteB};
    if (m_draft->isNetwork()) {
        sites.clear();
        for (const Site& s : n.sites)
            sites << s.name;
    }
    if (m_generated) {
        auto files = networkFiles(n, sites);
        m_generated = files.ok();
        if (files)
            gateways = files.value();
        else
            failure = files.error().toString();
    }
    m_files->setGateways(gateways);

    if (m_generated) {
        QStringList parts;
        for (const GeneratedFilesView::Named& g : std::as_const(gateways))
            parts << g.title.toHtmlEscaped();
        QString text;
        if (m_draft->isNetwork()) {
            text = tr("Network <b>%1</b>: %2 sites, %3 tunnels. Files for %4 gateways; choose one on the left.")
                       .arg(n.name.toHtmlEscaped())
                       .arg(n.sites.size())
                       .arg(n.tunnels.size())
                       .arg(gateways.size());
        } else {
            text = tr("Tunnel <b>%1</b>: site %2 ⇄ site %3. Files: %4.").arg(t.name.toHtmlEscaped(), t.siteA.toHtmlEscaped(), t.siteB.toHtmlEscaped(),
                                                                         parts.join(QStringLiteral("; ")));
            if (const QString beyond = m_draft->notShown(); !beyond.isEmpty())
                text += QStringLiteral("<br>") + beyond.toHtmlEscaped();
        }
        m_summary->setText(text);
    } else if (!failure.isEmpty()) {
        m_summary->setText(failure.toHtmlEscaped());
    } else {
        m_summary->setText(tr("Nothing can be generated until the errors below are fixed; go back to the page that has them."));
    }
    m_save->setEnabled(true);
    m_export->setEnabled(m_generated);
    m_exportGateway->setVisible(m_draft->isNetwork());
    m_exportGateway->setEnabled(m_generated && !gateways.isEmpty());
    {
        const QSignalBlocker blocker(m_gatewayList);
        m_gatewayList->clear();
        for (const GeneratedFilesView::Named& g : std::as_const(gateways))
            m_gatewayList->addItem(g.title);
        m_gatewayList->setCurrentRow(m_files->currentIndex());
    }
    m_gatewayList->setVisible(m_draft->isNetwork() && !gateways.isEmpty());
    m_files->tabBar()->setVisible(!m_gatewayList->isVisibleTo(this));
    m_sheet->setVisible(!settingsSheet().isEmpty());
    Q_EMIT completeChanged();
}

QString ReviewPage::settingsSheet() const
{
    for (const GeneratedFilesView::Named& g : m_files->gateways())
        for (const GeneratedFile& f : g.config.files)
            if (f.path.startsWith(QLatin1String("/settings-")))
                return QString::fromUtf8(f.content);
    return {};
}

Status ReviewPage::saveProfileTo(const QString& path, PskInFile psk)
{
    const Status st = BundleExport::saveProfileTo(m_draft->network(), path, psk);
    if (!st) {
        m_status->setText(st.error().toString());
        return st;
    }
    m_draft->setPath(path);
    m_status->setText(psk == PskInFile::Include ? tr("Saved %1 with the key (readable by you only).").arg(QDir::toNativeSeparators(path))
                                                : tr("Saved %1 without the key.").arg(QDir::toNativeSeparators(path)));
    Q_EMIT profileSaved(path);
    return st;
}

Status ReviewPage::exportBundleTo(const QString& path)
{
    const Status st = m_draft->beyondPair().isEmpty() ? BundleExport::exportTo(m_draft->profile(), m_draft->psk(), path)
                                                      : BundleExport::exportNetworkTo(m_draft->network(), path);
    if (!st) {
        m_status->setText(st.error().toString());
        return st;
    }
    m_status->setText(tr("Exported %1.").arg(QDir::toNativeSeparators(path)));
    Q_EMIT bundleExported(path);
    return st;
}

Status ReviewPage::exportGatewayTo(const QString& path)
{
    const int index = m_files->currentIndex();
    if (index < 0 || index >= m_files->gateways().size())
        return Error{QString(), tr("No gateway's files are shown.")};
    const QString site = m_files->gateways().at(index).folder;
    if (const Site* s = m_draft->network().site(site); s && !s->gateway.managed) {
        const Error e{site, tr("Site “%1” is run by someone else: nothing is installed there. Save its settings sheet for its admin instead.").arg(site)};
        m_status->setText(e.toString());
        return e;
    }
    const Status st = BundleExport::exportNetworkTo(m_draft->network(), path, site);
    m_status->setText(st ? tr("Exported the files of %1 to %2.").arg(site, QDir::toNativeSeparators(path)) : st.error().toString());
    if (st)
        Q_EMIT bundleExported(path);
    return st;
}

Status ReviewPage::saveSettingsSheetTo(const QString& path)
{
    const Status st = FileWriter::writeAtomically(path, settingsSheet().toUtf8(), 0644);
    m_status->setText(st ? tr("Saved the settings sheet as %1.").arg(QDir::toNativeSeparators(path)) : st.error().toString());
    return st;
}

void ReviewPage::saveSettingsSheet()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save settings sheet"),
                                                      QDir::home().filePath(QStringLiteral("settings-%1.txt").arg(m_draft->tunnel().name)),
                                                      tr("Text files (*.txt)"));
    if (path.isEmpty())
        return;
    if (const Status st = saveSettingsSheetTo(path); !st)
        QMessageBox::warning(this, tr("Cannot save the settings sheet"), st.error().toString());
}

void ReviewPage::saveProfile()
{
    const auto choice = BundleExport::askSaveProfile(this, m_draft->network(), m_draft->path());
    if (choice.path.isEmpty())
        return;
    if (const Status st = saveProfileTo(choice.path, choice.psk); !st)
        QMessageBox::warning(this, tr("Cannot save the profile"), st.error().toString());
}

void ReviewPage::exportBundle()
{
    const QString path = BundleExport::askBundlePath(this, m_draft->network().name);
    if (path.isEmpty())
        return;
    if (const Status st = exportBundleTo(path); !st)
        QMessageBox::warning(this, tr("Cannot export the bundle"), st.error().toString());
}

} // namespace ipsecwiz
