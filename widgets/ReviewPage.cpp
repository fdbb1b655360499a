#include "ReviewPage.h"

#include "BundleExport.h"
#include "GeneratedFilesView.h"
#include "ProfileDraft.h"
#include "TopologyView.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
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
    m_files = new GeneratedFilesView(splitter);
    splitter->addWidget(m_topology);
    splitter->addWidget(m_files);
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
    m_drawing = new QPushButton(tr("Save &drawing…"), this);
    m_drawing->setObjectName(QStringLiteral("saveDrawing"));
    m_drawing->setAccessibleName(tr("Save drawing"));
    m_drawing->setToolTip(tr("Save the topology drawing as SVG or PNG."));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(m_save);
    buttons->addWidget(m_export);
    buttons->addWidget(m_drawing);
    buttons->addWidget(m_status, 1);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &ReviewPage::saveProfile);
    connect(m_export, &QPushButton::clicked, this, &ReviewPage::exportBundle);
    connect(m_drawing, &QPushButton::clicked, m_topology, &TopologyView::saveAs);
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
    m_topology->setProfile(p);

    m_findings->clear();
    for (const Finding& f : m_draft->findings()) {
        auto* item = new QListWidgetItem(f.toString(), m_findings);
        item->setIcon(style()->standardIcon(f.severity == Severity::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
    }
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
    Q_EMIT completeChanged();
}

Status ReviewPage::saveProfileTo(const QString& path, PskInFile psk)
{
    const Status st = BundleExport::saveProfileTo(m_draft->profile(), path, psk);
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
    const Status st = BundleExport::exportTo(m_draft->profile(), m_draft->psk(), path);
    if (!st) {
        m_status->setText(st.error().toString());
        return st;
    }
    m_status->setText(tr("Exported %1.").arg(QDir::toNativeSeparators(path)));
    Q_EMIT bundleExported(path);
    return st;
}

void ReviewPage::saveProfile()
{
    const auto choice = BundleExport::askSaveProfile(this, m_draft->profile(), m_draft->path());
    if (choice.path.isEmpty())
        return;
    if (const Status st = saveProfileTo(choice.path, choice.psk); !st)
        QMessageBox::warning(this, tr("Cannot save the profile"), st.error().toString());
}

void ReviewPage::exportBundle()
{
    const QString path = BundleExport::askBundlePath(this, m_draft->profile());
    if (path.isEmpty())
        return;
    if (const Status st = exportBundleTo(path); !st)
        QMessageBox::warning(this, tr("Cannot export the bundle"), st.error().toString());
}

} // namespace ipsecwiz
