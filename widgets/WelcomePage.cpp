#include "WelcomePage.h"

#include "FindingLabel.h"
#include "GatewayImport.h"
#include "ProfileDraft.h"
#include "TunnelWizard.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setContentsMargins(24, 0, 0, 6);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

WelcomePage::WelcomePage(ProfileDraft* draft, QWidget* parent)
    : QWizardPage(parent), m_draft(draft), m_group(new QButtonGroup(this)), m_labPath(defaultLabProfilePath())
{
    setObjectName(QStringLiteral("welcomePage"));
    setTitle(tr("Welcome"));
    setSubTitle(tr("Describe your sites once, two or many, and IPsec Wizard writes matching configuration for every gateway, "
                   "with fresh pre-shared keys, routes and firewall rules."));

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("How do you want to start?"), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_new = new QRadioButton(tr("Start a ne&w tunnel"), this);
    m_new->setObjectName(QStringLiteral("startNew"));
    m_new->setAccessibleName(tr("New tunnel"));
    m_new->setToolTip(tr("Empty sites and modern defaults: strongSwan on both gateways, IKEv2, AES-256-GCM, Curve25519."));
    layout->addWidget(m_new);
    layout->addWidget(note(tr("Empty sites and modern defaults: strongSwan on both gateways, IKEv2, AES-256-GCM, Curve25519."), this));

    m_hubAndSpoke = new QRadioButton(tr("Start a new network of a &hub and its branches"), this);
    m_hubAndSpoke->setObjectName(QStringLiteral("startHubAndSpoke"));
    m_hubAndSpoke->setAccessibleName(tr("New hub-and-spoke network"));
    m_hubAndSpoke->setToolTip(tr("A head office (the hub) and its branches: each branch gets a tunnel to the hub."));
    layout->addWidget(m_hubAndSpoke);
    layout->addWidget(note(tr("A table of sites, one row per branch (paste many from a spreadsheet); every branch gets a tunnel to the hub."), this));
    m_mesh = new QRadioButton(tr("Start a new full &mesh"), this);
    m_mesh->setObjectName(QStringLiteral("startMesh"));
    m_mesh->setAccessibleName(tr("New full mesh"));
    m_mesh->setToolTip(tr("Sites that all talk to each other: a tunnel between every two of them."));
    layout->addWidget(m_mesh);
    layout->addWidget(note(tr("A tunnel between every two sites."), this));

    m_file = new QRadioButton(tr("Open a &profile to change it or add sites or tunnels:"), this);
    m_file->setObjectName(QStringLiteral("startFile"));
    m_file->setAccessibleName(tr("Start from a profile file"));
    m_file->setToolTip(tr("An IPsec Wizard profile (.json) saved earlier or written by hand."));
    layout->addWidget(m_file);
    auto* pathRow = new QHBoxLayout;
    pathRow->setContentsMargins(24, 0, 0, 0);
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("profilePath"));
    m_path->setAccessibleName(tr("Profile file"));
    m_path->setPlaceholderText(tr("path to a profile, e.g. ~/tunnels/office.json"));
    m_path->setToolTip(tr("The profile to start from; nothing is changed in it until you save."));
    m_path->setClearButtonEnabled(true);
    m_browse = new QPushButton(tr("B&rowse…"), this);
    m_browse->setObjectName(QStringLiteral("browseProfile"));
    m_browse->setAccessibleName(tr("Browse for a profile file"));
    m_browse->setToolTip(tr("Choose a profile file."));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    layout->addLayout(pathRow);
    m_message = new FindingLabel(QStringLiteral("profilePath"), this);
    m_message->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addSpacing(6);

    m_gateway = new QRadioButton(tr("Start from an existing &gateway's configuration:"), this);
    m_gateway->setObjectName(QStringLiteral("startGateway"));
    m_gateway->setAccessibleName(tr("Start from an existing gateway"));
    m_gateway->setToolTip(tr("Its swanctl, ipsec.conf, racoon-tool or racoon configuration, read into a profile: from a copy of its /etc, "
                             "or from the gateway itself over SSH (read only)."));
    layout->addWidget(m_gateway);
    auto* gatewayRow = new QHBoxLayout;
    gatewayRow->setContentsMargins(24, 0, 0, 0);
    m_gatewayPath = new QLineEdit(this);
    m_gatewayPath->setObjectName(QStringLiteral("importFrom"));
    m_gatewayPath->setAccessibleName(tr("Gateway or configuration folder"));
    m_gatewayPath->setPlaceholderText(tr("root@gateway.example.net, or a copy of its /etc, e.g. ~/gateways/moon/etc"));
    m_gatewayPath->setToolTip(tr("USER@HOST[:PORT] reads the gateway over SSH and changes nothing there; a folder or file reads a copy."));
    m_gatewayPath->setClearButtonEnabled(true);
    m_gatewayBrowse = new QPushButton(tr("Fol&der…"), this);
    m_gatewayBrowse->setObjectName(QStringLiteral("browseGateway"));
    m_gatewayBrowse->setAccessibleName(tr("Browse for a configuration folder"));
    m_gatewayBrowse->setToolTip(tr("Choose a copy of the gateway's /etc, /etc/swanctl or /etc/racoon."));
    gatewayRow->addWidget(m_gatewayPath, 1);
    gatewayRow->addWidget(m_gatewayBrowse);
    layout->addLayout(gatewayRow);
    m_gatewayMessage = new FindingLabel(QStringLiteral("importFrom"), this);
    m_gatewayMessage->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(m_gatewayMessage);
    layout->addSpacing(6);

    m_example = new QRadioButton(tr("Start from the &example"), this);
    m_example->setObjectName(QStringLiteral("startExample"));
    m_example->setAccessibleName(tr("Start from the example"));
    m_example->setToolTip(tr("The topology of the 2004 how-to this program grew from."));
    layout->addWidget(m_example);
    layout->addWidget(note(tr("The how-to's topology: 192.168.1.0/24 behind 203.0.113.1 and 192.168.2.0/24 behind 203.0.113.2, "
                              "racoon-tool on both gateways."),
                           this));

    m_lab = new QRadioButton(tr("Start from the &lab profile"), this);
    m_lab->setObjectName(QStringLiteral("startLab"));
    m_lab->setAccessibleName(tr("Start from the lab profile"));
    m_lab->setToolTip(tr("The two gateways of the local test lab (ipsec-wizard lab up)."));
    layout->addWidget(m_lab);
    m_labNote = note({}, this);
    layout->addWidget(m_labNote);
    layout->addStretch(1);

    m_group->addButton(m_new, int(Start::New));
    m_group->addButton(m_file, int(Start::File));
    m_group->addButton(m_example, int(Start::Example));
    m_group->addButton(m_lab, int(Start::Lab));
    m_group->addButton(m_hubAndSpoke, int(Start::HubAndSpoke));
    m_group->addButton(m_mesh, int(Start::Mesh));
    m_group->addButton(m_gateway, int(Start::Gateway));
    m_new->setChecked(true);
    m_applied = sourceKey(); // the draft starts as a new tunnel

    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            Q_EMIT completeChanged();
    });
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_message->showFindings({});
        if (!m_path->text().isEmpty())
            m_file->setChecked(true);
        Q_EMIT completeChanged();
    });
    connect(m_browse, &QPushButton::clicked, this, &WelcomePage::browse);
    connect(m_gatewayPath, &QLineEdit::textChanged, this, [this] {
        m_gatewayMessage->showFindings({});
        if (!m_gatewayPath->text().isEmpty())
            m_gateway->setChecked(true);
        Q_EMIT completeChanged();
    });
    connect(m_gatewayBrowse, &QPushButton::clicked, this, &WelcomePage::browseGateway);
    setLabProfilePath(m_labPath);
}

WelcomePage::~WelcomePage() = default;

QString WelcomePage::defaultLabProfilePath()
{
    return QStringLiteral("/var/lib/ipsec-wizard-lab/lab-profile.json");
}

void WelcomePage::setLabProfilePath(const QString& path)
{
    m_labPath = path;
    const bool up = !path.isEmpty() && QFileInfo(path).isFile();
    m_lab->setVisible(up);
    m_labNote->setVisible(up);
    m_labNote->setText(tr("The lab's two gateways, from %1.").arg(QDir::toNativeSeparators(path)));
    if (!up && m_lab->isChecked())
        m_new->setChecked(true);
}

void WelcomePage::setStart(Start start, const QString& file)
{
    if (start == Start::File)
        m_path->setText(file);
    if (start == Start::Gateway)
        m_gatewayPath->setText(file);
    m_group->button(int(start))->setChecked(true);
}

WelcomePage::Start WelcomePage::start() const
{
    return Start(m_group->checkedId());
}

void WelcomePage::markApplied()
{
    m_applied = sourceKey();
}

void WelcomePage::initializePage()
{
    setLabProfilePath(m_labPath);
}

bool WelcomePage::isComplete() const
{
    if (start() == Start::Gateway)
        return !m_gatewayPath->text().trimmed().isEmpty();
    return start() != Start::File || !m_path->text().trimmed().isEmpty();
}

QString WelcomePage::sourceKey() const
{
    switch (start()) {
    case Start::New: return QStringLiteral("new");
    case Start::File: return QStringLiteral("file:") + m_path->text().trimmed();
    case Start::Example: return QStringLiteral("example");
    case Start::Lab: return QStringLiteral("lab:") + m_labPath;
    case Start::HubAndSpoke: return QStringLiteral("hub-and-spoke");
    case Start::Mesh: return QStringLiteral("mesh");
    case Start::Gateway: return QStringLiteral("gateway:") + m_gatewayPath->text().trimmed();
    }
    return {};
}

bool WelcomePage::validatePage()
{
    // Back to this page and Next again without a new choice keeps everything typed since.
    const QString key = sourceKey();
    if (key == m_applied)
        return true;
    if (start() == Start::New) {
        m_draft->replace(TunnelProfile{});
        m_applied = key;
        return true;
    }
    if (start() == Start::Gateway) {
        if (!importGateway(m_gatewayPath->text()))
            return false;
        // The report first; the wizard opens on the result only when the admin goes on.
        QMessageBox box(QMessageBox::Information, tr("Imported"), m_importSummary, QMessageBox::Ok | QMessageBox::Cancel, this);
        box.button(QMessageBox::Ok)->setText(tr("Open in the wizard"));
        box.setDetailedText(m_importReport);
        if (box.exec() != QMessageBox::Ok)
            return false;
        m_draft->replace(m_imported);
        m_applied = key;
        return true;
    }
    if (start() == Start::HubAndSpoke || start() == Start::Mesh) {
        m_draft->replace(starterNetwork(start() == Start::Mesh ? TopologyKind::Mesh : TopologyKind::HubAndSpoke));
        m_applied = key;
        return true;
    }
    QString path = start() == Start::File ? m_path->text().trimmed() : start() == Start::Example ? exampleProfilePath() : m_labPath;
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    auto loaded = NetworkJson::load(path);
    if (!loaded) {
        const QString field = start() == Start::File ? QStringLiteral("profilePath") : QString();
        m_message->showFindings({Finding{Severity::Error, field, loaded.error().toString(), {}}}, m_path);
        if (start() != Start::File)
            m_message->setVisible(true);
        return false;
    }
    // The example and the lab are templates: saving them asks for a new file.
    m_draft->replace(loaded.value(), start() == Start::File ? QFileInfo(path).absoluteFilePath() : QString());
    m_applied = key;
    return true;
}

int WelcomePage::nextId() const
{
    return m_draft->isNetwork() || start() == Start::HubAndSpoke || start() == Start::Mesh ? int(TunnelWizard::NetworkSitesId) : int(TunnelWizard::SitesId);
}

NetworkProfile WelcomePage::starterNetwork(TopologyKind kind)
{
    NetworkProfile n;
    n.name = kind == TopologyKind::Mesh ? QStringLiteral("mesh") : QStringLiteral("branches");
    n.topology.kind = kind;
    for (const char* name : {"hq", "branch1", "branch2"}) {
        Site s;
        s.name = QString::fromLatin1(name);
        n.sites << s;
    }
    if (kind == TopologyKind::HubAndSpoke)
        n.topology.hub = QStringLiteral("hq");
    n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
    return n;
}

bool WelcomePage::importGateway(const QString& where)
{
    auto imported = GatewayImport::run(where, this);
    if (!imported) {
        m_gatewayMessage->showFindings({Finding{Severity::Error, QStringLiteral("importFrom"), imported.error().toString(), {}}}, m_gatewayPath);
        return false;
    }
    m_importSummary = GatewayImport::summary(imported.value());
    m_importReport = GatewayImport::details(imported.value());
    m_imported = std::move(imported).value().network;
    return true;
}

void WelcomePage::browseGateway()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("A copy of the gateway's configuration"), m_gatewayPath->text());
    if (!dir.isEmpty())
        m_gatewayPath->setText(QDir::toNativeSeparators(dir));
}

void WelcomePage::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open profile"), m_path->text(), tr("IPsec Wizard profiles (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        m_path->setText(QDir::toNativeSeparators(path));
        m_file->setChecked(true);
    }
}

} // namespace ipsecwiz
