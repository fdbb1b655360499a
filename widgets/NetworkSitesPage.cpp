#include "NetworkSitesPage.h"

#include "AlgorithmsPage.h"
#include "ChoiceDelegate.h"
#include "FindingLabel.h"
#include "ProfileDraft.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

// The template box's entries, by TopologyKind.
const TopologyKind Templates[] = {TopologyKind::HubAndSpoke, TopologyKind::Mesh, TopologyKind::Pair};

// A site that runs racoon makes its tunnels IKEv1 with what racoon can do, as the two-site
// Algorithms page does; a choice both ends can do is left alone.
void fitTunnelsToSoftware(NetworkProfile& n)
{
    for (int i = 0; i < n.tunnels.size(); ++i) {
        if (!n.site(n.tunnels.at(i).siteA) || !n.site(n.tunnels.at(i).siteB))
            continue;
        TunnelProfile view = Network::pageView(n, i);
        AlgorithmsPage::fitToSoftware(view);
        n.tunnels[i].ike = view.ike;
        n.tunnels[i].esp = view.esp;
    }
}

bool isSiteOrNetworkField(const QString& field)
{
    return field.startsWith(QLatin1String("sites")) || field == QLatin1String("name") || field.startsWith(QLatin1String("topology"));
}

QString uniqueName(const NetworkProfile& n, const QString& base)
{
    QString name = base;
    for (int i = 2; n.siteIndex(name) >= 0; ++i)
        name = base + QString::number(i);
    return name;
}

} // namespace

NetworkSitesPage::NetworkSitesPage(ProfileDraft* draft, QWidget* parent)
    : QWizardPage(parent), m_draft(draft), m_delegate(new ChoiceDelegate(this))
{
    setObjectName(QStringLiteral("networkSitesPage"));
    setTitle(tr("Sites"));
    setSubTitle(tr("One row per site: its networks and its gateway. The tunnels follow the template; the next page lists them."));

    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("networkName"));
    m_name->setAccessibleName(tr("Network name"));
    m_name->setToolTip(tr("The network's name: the bundle, the Ansible project and the monitor are named after it."));
    form->addRow(tr("Net&work name:"), m_name);

    auto* templateRow = new QHBoxLayout;
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("networkTemplate"));
    m_template->setAccessibleName(tr("Template"));
    m_template->addItem(tr("Hub and spokes: every branch has a tunnel to the hub"));
    m_template->addItem(tr("Full mesh: a tunnel between every two sites"));
    m_template->addItem(tr("Two sites: one tunnel"));
    m_template->setToolTip(tr("Which tunnels the sites get. Tunnels added or removed by hand on the next page are kept."));
    templateRow->addWidget(m_template, 1);
    auto* hubLabel = new QLabel(tr("H&ub:"), this);
    m_hub = new QComboBox(this);
    m_hub->setObjectName(QStringLiteral("networkHub"));
    m_hub->setAccessibleName(tr("Hub"));
    m_hub->setToolTip(tr("The site every branch has its tunnel to, usually the head office or the data centre."));
    m_hub->setMinimumContentsLength(12);
    hubLabel->setBuddy(m_hub);
    templateRow->addWidget(hubLabel);
    templateRow->addWidget(m_hub);
    auto* templateLabel = new QLabel(tr("&Template:"), this);
    templateLabel->setBuddy(m_template);
    form->addRow(templateLabel, templateRow);
    m_spokeToSpoke = new QCheckBox(tr("Spo&kes reach each other through the hub"), this);
    m_spokeToSpoke->setObjectName(QStringLiteral("spokeToSpoke"));
    m_spokeToSpoke->setAccessibleName(tr("Spokes reach each other through the hub"));
    m_spokeToSpoke->setToolTip(tr("Each branch's tunnel also carries the other branches' networks, routed through the hub."));
    form->addRow(QString(), m_spokeToSpoke);
    layout->addLayout(form);

    auto* tableLabel = new QLabel(tr("S&ites:"), this);
    layout->addWidget(tableLabel);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("sitesTable"));
    m_table->setAccessibleName(tr("Sites"));
    tableLabel->setBuddy(m_table);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Networks"), tr("Gateway address"), tr("Reached"), tr("Public address (NAT)"), tr("Software"),
                                        tr("Managed"), tr("Problem")});
    m_table->horizontalHeaderItem(NetworksColumn)->setToolTip(tr("The site's networks, separated by blanks or commas: 10.1.0.0/24 10.1.8.0/22"));
    m_table->horizontalHeaderItem(GatewayColumn)->setToolTip(tr("The address on the gateway's outside interface, ADDR or ADDR/PREFIX."));
    m_table->horizontalHeaderItem(ManagedColumn)->setToolTip(tr("Unticked: a peer someone else runs. Only our side is generated; its admin gets a settings sheet."));
    m_table->setItemDelegate(m_delegate);
    m_table->setTabKeyNavigation(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_delegate->setChoices(ReachColumn, {{reachabilityId(Reachability::Direct), tr("directly")},
                                         {reachabilityId(Reachability::Nat), tr("through NAT")},
                                         {reachabilityId(Reachability::Dynamic), tr("dynamic address")}});
    QList<ChoiceDelegate::Choice> flavours;
    for (Flavour f : allFlavours())
        flavours << ChoiceDelegate::Choice{flavourId(f), flavourLabel(f)};
    m_delegate->setChoices(FlavourColumn, flavours);
    layout->addWidget(m_table, 1);

    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add site"), this);
    m_add->setObjectName(QStringLiteral("addSite"));
    m_add->setAccessibleName(tr("Add site"));
    m_add->setToolTip(tr("A new row at the end of the table, for the next branch."));
    m_duplicate = new QPushButton(tr("&Duplicate"), this);
    m_duplicate->setObjectName(QStringLiteral("duplicateSite"));
    m_duplicate->setAccessibleName(tr("Duplicate site"));
    m_duplicate->setToolTip(tr("A copy of the selected site, to change into the next branch."));
    m_remove = new QPushButton(tr("&Remove site"), this);
    m_remove->setObjectName(QStringLiteral("removeSite"));
    m_remove->setAccessibleName(tr("Remove site"));
    m_remove->setToolTip(tr("Removes the selected site and its tunnels. A network keeps at least two sites."));
    m_paste = new QPushButton(tr("&Paste from a spreadsheet…"), this);
    m_paste->setObjectName(QStringLiteral("pasteSites"));
    m_paste->setAccessibleName(tr("Paste sites from a spreadsheet"));
    m_paste->setToolTip(tr("Many branches at once: one per line, name,networks,gateway[,reach,public address,software,managed]."));
    for (QPushButton* b : {m_add, m_duplicate, m_remove, m_paste})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_message = new FindingLabel(QStringLiteral("sites"), this);
    layout->addWidget(m_message);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("sitesSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    setTabOrder(m_name, m_template);
    setTabOrder(m_template, m_hub);
    setTabOrder(m_hub, m_spokeToSpoke);
    setTabOrder(m_spokeToSpoke, m_table);
    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_duplicate);
    setTabOrder(m_duplicate, m_remove);
    setTabOrder(m_remove, m_paste);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& text) { m_draft->editNetwork([&](NetworkProfile& n) { n.name = text.trimmed(); }); });
    connect(m_template, &QComboBox::activated, this, &NetworkSitesPage::templateChosen);
    connect(m_hub, &QComboBox::activated, this, &NetworkSitesPage::templateChosen);
    connect(m_spokeToSpoke, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_filling)
            m_draft->editNetwork([&](NetworkProfile& n) { n.topology.spokeToSpoke = on; });
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (!m_filling)
            rowEdited(item->row());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool selected = m_table->currentRow() >= 0;
        m_duplicate->setEnabled(selected);
        m_remove->setEnabled(selected && m_table->rowCount() > 2);
    });
    connect(m_add, &QPushButton::clicked, this, &NetworkSitesPage::addSite);
    connect(m_duplicate, &QPushButton::clicked, this, &NetworkSitesPage::duplicateSite);
    connect(m_remove, &QPushButton::clicked, this, &NetworkSitesPage::removeSite);
    connect(m_paste, &QPushButton::clicked, this, &NetworkSitesPage::askCsv);
    connect(m_draft, &ProfileDraft::replaced, this, &NetworkSitesPage::fill);
    connect(m_draft, &ProfileDraft::changed, this, &NetworkSitesPage::showProblems);
    fill();
}

NetworkSitesPage::~NetworkSitesPage() = default;

void NetworkSitesPage::initializePage()
{
    fill();
}

bool NetworkSitesPage::isComplete() const
{
    for (const Finding& f : m_draft->networkFindings())
        if (f.severity == Severity::Error && isSiteOrNetworkField(f.field))
            return false;
    return m_draft->network().sites.size() >= 2;
}

void NetworkSitesPage::fill()
{
    const NetworkProfile& n = m_draft->network();
    m_filling = true;
    if (m_name->text() != n.name)
        m_name->setText(n.name);
    m_template->setCurrentIndex(int(std::find(std::begin(Templates), std::end(Templates), n.topology.kind) - std::begin(Templates)));
    m_hub->clear();
    for (const Site& s : n.sites)
        m_hub->addItem(s.name);
    m_hub->setCurrentIndex(std::max(0, n.siteIndex(n.topology.hub)));
    m_hub->setEnabled(n.topology.kind == TopologyKind::HubAndSpoke);
    m_spokeToSpoke->setChecked(n.topology.spokeToSpoke);
    m_spokeToSpoke->setEnabled(n.topology.kind == TopologyKind::HubAndSpoke);
    m_table->setRowCount(int(n.sites.size()));
    for (int row = 0; row < n.sites.size(); ++row)
        fillRow(row, n.sites.at(row));
    m_filling = false;
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(NetworksColumn, std::max(m_table->columnWidth(NetworksColumn), 200));
    m_table->setColumnWidth(GatewayColumn, std::max(m_table->columnWidth(GatewayColumn), 140));
    showProblems();
}

void NetworkSitesPage::fillRow(int row, const Site& site)
{
    auto text = [&](int column, const QString& value) {
        auto* item = new QTableWidgetItem(value);
        m_table->setItem(row, column, item);
        return item;
    };
    text(NameColumn, site.name);
    text(NetworksColumn, site.networks.join(QStringLiteral(" ")));
    text(GatewayColumn, site.gateway.localAddress);
    auto* reach = text(ReachColumn, m_delegate->labelOf(ReachColumn, reachabilityId(site.gateway.reach)));
    reach->setData(Qt::UserRole, reachabilityId(site.gateway.reach));
    text(PublicColumn, site.gateway.publicAddress);
    auto* flavour = text(FlavourColumn, flavourLabel(site.gateway.flavour));
    flavour->setData(Qt::UserRole, flavourId(site.gateway.flavour));
    auto* managed = text(ManagedColumn, QString());
    managed->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    managed->setCheckState(site.gateway.managed ? Qt::Checked : Qt::Unchecked);
    auto* problem = text(ProblemColumn, QString());
    problem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
}

void NetworkSitesPage::rowEdited(int row)
{
    if (row < 0 || row >= m_draft->network().sites.size())
        return;
    auto cell = [&](int column) { return m_table->item(row, column); };
    if (!cell(NameColumn) || !cell(ProblemColumn))
        return; // the row is being filled
    const QString name = cell(NameColumn)->text().trimmed();
    const QStringList networks = Network::splitNetworks(cell(NetworksColumn)->text());
    const QString local = cell(GatewayColumn)->text().trimmed();
    const QString reachId = cell(ReachColumn)->data(Qt::UserRole).toString();
    const QString publicAddress = cell(PublicColumn)->text().trimmed();
    const auto flavour = flavourFromId(cell(FlavourColumn)->data(Qt::UserRole).toString());
    const bool managed = cell(ManagedColumn)->checkState() == Qt::Checked;
    const QString oldName = m_draft->network().sites.at(row).name;
    if (oldName != name) {
        // A removed tunnel's name changes with its site, so the template still leaves it out.
        QStringList removed = m_draft->removedTunnels();
        for (QString& r : removed) {
            const QStringList ends = r.split(QLatin1Char('-'));
            if (ends.size() == 2 && (ends.at(0) == oldName || ends.at(1) == oldName))
                r = (ends.at(0) == oldName ? name : ends.at(0)) + QLatin1Char('-') + (ends.at(1) == oldName ? name : ends.at(1));
        }
        m_draft->setRemovedTunnels(removed);
    }
    m_draft->editNetwork([&](NetworkProfile& n) {
        Network::renameSite(n, row, name);
        SiteGateway& g = n.sites[row].gateway;
        Network::setNetworks(n.sites[row], networks);
        g.localAddress = local;
        Reachability reach = g.reach;
        for (Reachability r : {Reachability::Direct, Reachability::Nat, Reachability::Dynamic})
            if (reachabilityId(r) == reachId)
                reach = r;
        Network::setReach(n.sites[row], reach, publicAddress);
        if (flavour)
            g.flavour = *flavour;
        g.managed = managed;
        Network::retemplate(n, false, m_draft->removedTunnels());
        fitTunnelsToSoftware(n);
    });
    if (oldName != name)
        m_hub->setItemText(row, name);
}

void NetworkSitesPage::showProblems()
{
    const NetworkProfile& n = m_draft->network();
    const QList<Finding>& all = m_draft->networkFindings();
    const bool filling = std::exchange(m_filling, true);
    for (int row = 0; row < m_table->rowCount() && row < n.sites.size(); ++row) {
        QTableWidgetItem* problem = m_table->item(row, ProblemColumn);
        if (!problem)
            continue;
        showRowFindings(problem, m_table->item(row, NameColumn), findingsUnder(all, Network::sitePath(row)), palette());
    }
    m_filling = filling;
    m_table->resizeRowsToContents(); // a long message wraps in its cell rather than being cut
    QList<Finding> rest;
    for (const Finding& f : all)
        if (isSiteOrNetworkField(f.field) && !f.field.startsWith(QLatin1String("sites[")))
            rest << f;
    m_message->showFindings(rest, m_table);
    m_summary->setText(tr("Sites: %1. Tunnels: %2.").arg(n.sites.size()).arg(n.tunnels.size()));
    m_remove->setEnabled(m_table->currentRow() >= 0 && m_table->rowCount() > 2);
    m_duplicate->setEnabled(m_table->currentRow() >= 0);
    Q_EMIT completeChanged();
}

void NetworkSitesPage::templateChosen()
{
    const TopologyKind kind = Templates[std::clamp(m_template->currentIndex(), 0, 2)];
    const QString hub = m_hub->currentText();
    // Another template starts its tunnels afresh: those removed from the old one may come back.
    if (kind != m_draft->network().topology.kind)
        m_draft->setRemovedTunnels({});
    m_draft->editNetwork([&](NetworkProfile& n) {
        const bool changed = n.topology.kind != kind || n.topology.hub != hub;
        n.topology.kind = kind;
        n.topology.hub = kind == TopologyKind::HubAndSpoke ? (hub.isEmpty() && !n.sites.isEmpty() ? n.sites.first().name : hub) : QString();
        Network::retemplate(n, changed, m_draft->removedTunnels());
        fitTunnelsToSoftware(n);
    });
    m_hub->setEnabled(kind == TopologyKind::HubAndSpoke);
    m_spokeToSpoke->setEnabled(kind == TopologyKind::HubAndSpoke);
}

void NetworkSitesPage::addSite()
{
    const NetworkProfile& before = m_draft->network();
    Site site;
    site.name = uniqueName(before, QStringLiteral("branch%1").arg(before.sites.size()));
    m_draft->editNetwork([&](NetworkProfile& n) {
        n.sites << site;
        Network::retemplate(n, false, m_draft->removedTunnels());
        fitTunnelsToSoftware(n);
    });
    fill();
    m_table->setCurrentCell(m_table->rowCount() - 1, NameColumn);
    m_table->setFocus();
}

void NetworkSitesPage::duplicateSite()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_draft->network().sites.size())
        return;
    Site site = m_draft->network().sites.at(row);
    site.name = uniqueName(m_draft->network(), site.name + QStringLiteral("-copy"));
    m_draft->editNetwork([&](NetworkProfile& n) {
        n.sites.insert(row + 1, site);
        Network::retemplate(n, false, m_draft->removedTunnels());
        fitTunnelsToSoftware(n);
    });
    fill();
    m_table->setCurrentCell(row + 1, NameColumn);
    m_table->setFocus();
}

void NetworkSitesPage::removeSite()
{
    const int row = m_table->currentRow();
    if (row < 0 || m_draft->network().sites.size() <= 2)
        return;
    m_draft->editNetwork([&](NetworkProfile& n) {
        const QString name = n.sites.at(row).name;
        n.sites.removeAt(row);
        if (n.topology.hub == name)
            n.topology.hub = n.sites.isEmpty() ? QString() : n.sites.first().name;
        Network::retemplate(n, false, m_draft->removedTunnels());
        fitTunnelsToSoftware(n);
    });
    fill();
    m_table->setCurrentCell(std::min(row, m_table->rowCount() - 1), NameColumn);
}

bool NetworkSitesPage::pasteSites(const QString& csv)
{
    const auto sites = Network::sitesFromCsv(csv);
    if (!sites) {
        m_message->showFindings({Finding{Severity::Error, QStringLiteral("sites"), tr("The pasted sites do not read: %1").arg(sites.error().toString()), {}}}, m_table);
        return false;
    }
    m_draft->editNetwork([&](NetworkProfile& n) {
        for (Site s : sites.value()) {
            // A row for a site already there replaces it: pasting the spreadsheet again updates.
            if (const int at = n.siteIndex(s.name); at >= 0) {
                // What the spreadsheet has no column for stays as it was, unless it only followed
                // the old networks or NAT address.
                Site updated = n.sites.at(at);
                updated.gateway.localAddress = s.gateway.localAddress;
                updated.gateway.flavour = s.gateway.flavour;
                updated.gateway.managed = s.gateway.managed;
                Network::setNetworks(updated, s.networks);
                Network::setReach(updated, s.gateway.reach, s.gateway.publicAddress);
                n.sites[at] = updated;
            } else {
                n.sites << s;
            }
        }
        Network::retemplate(n, false, m_draft->removedTunnels());
        fitTunnelsToSoftware(n);
    });
    fill();
    return true;
}

void NetworkSitesPage::askCsv()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Paste sites"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* help = new QLabel(tr("One site per line: <tt>name,networks,gateway[,reach,public address,software,managed]</tt>. "
                               "Networks are separated by blanks; reach is direct, nat or dynamic; software is strongswan, racoon or racoon-tool; "
                               "managed is yes or no. Tabs or semicolons work as separators too, so cells copied from a spreadsheet paste as they are."),
                            &dialog);
    help->setWordWrap(true);
    layout->addWidget(help);
    auto* text = new QPlainTextEdit(&dialog);
    text->setObjectName(QStringLiteral("csvText"));
    text->setAccessibleName(tr("Sites to add"));
    text->setPlainText(QApplication::clipboard()->text());
    text->setPlaceholderText(QStringLiteral("branch7,10.7.0.0/24,198.51.100.7\nbranch8,10.8.0.0/24 10.8.1.0/24,198.51.100.8,nat,203.0.113.8"));
    layout->addWidget(text, 1);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    box->button(QDialogButtonBox::Ok)->setText(tr("Add sites"));
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(640, 360);
    if (dialog.exec() == QDialog::Accepted)
        pasteSites(text->toPlainText());
}

} // namespace ipsecwiz
