#include "NetworkTunnelsPage.h"

#include "ChoiceDelegate.h"
#include "FindingLabel.h"
#include "ProfileDraft.h"
#include "TunnelWizard.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

QString proposalText(const Tunnel& t)
{
    const QString ike = QStringLiteral("IKEv%1 %2%3-%4").arg(t.ike.version).arg(t.ike.encryption,
                                                                              t.ike.integrity == QLatin1String("none") ? QString() : QLatin1Char('-') + t.ike.integrity,
                                                                              t.ike.dhGroup);
    const QString esp = QStringLiteral("ESP %1%2%3").arg(t.esp.encryption, t.esp.integrity == QLatin1String("none") ? QString() : QLatin1Char('-') + t.esp.integrity,
                                                         t.esp.pfsGroup == QLatin1String("none") ? QString() : QLatin1Char('-') + t.esp.pfsGroup);
    return ike + QStringLiteral(", ") + esp;
}

} // namespace

NetworkTunnelsPage::NetworkTunnelsPage(ProfileDraft* draft, QWidget* parent)
    : QWizardPage(parent), m_draft(draft), m_delegate(new ChoiceDelegate(this))
{
    setObjectName(QStringLiteral("networkTunnelsPage"));
    setTitle(tr("Tunnels"));
    setSubTitle(tr("The tunnels the template made. Each carries all networks of its two sites unless you list some; each gets its own key."));

    auto* layout = new QVBoxLayout(this);
    auto* tableLabel = new QLabel(tr("T&unnels:"), this);
    layout->addWidget(tableLabel);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("tunnelsTable"));
    m_table->setAccessibleName(tr("Tunnels"));
    tableLabel->setBuddy(m_table);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Site A"), tr("Site B"), tr("Networks at A"), tr("Networks at B"), tr("Proposals"), tr("Problem")});
    m_table->horizontalHeaderItem(NetworksAColumn)->setToolTip(tr("Empty: every network of site A. Else the networks this tunnel carries, separated by blanks."));
    m_table->horizontalHeaderItem(NetworksBColumn)->setToolTip(tr("Empty: every network of site B. Else the networks this tunnel carries, separated by blanks."));
    m_table->setItemDelegate(m_delegate);
    m_table->setTabKeyNavigation(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    layout->addWidget(m_table, 1);

    auto* addRow = new QHBoxLayout;
    auto* between = new QLabel(tr("New tunnel between"), this);
    m_siteA = new QComboBox(this);
    m_siteA->setObjectName(QStringLiteral("newTunnelSiteA"));
    m_siteA->setAccessibleName(tr("New tunnel's site A"));
    m_siteA->setToolTip(tr("One end of the tunnel to add."));
    m_siteB = new QComboBox(this);
    m_siteB->setObjectName(QStringLiteral("newTunnelSiteB"));
    m_siteB->setAccessibleName(tr("New tunnel's site B"));
    m_siteB->setToolTip(tr("The other end of the tunnel to add."));
    m_add = new QPushButton(tr("&Add tunnel"), this);
    m_add->setObjectName(QStringLiteral("addTunnel"));
    m_add->setAccessibleName(tr("Add tunnel"));
    m_add->setToolTip(tr("A tunnel between the two sites chosen, beyond the template's (a branch-to-branch shortcut, say)."));
    addRow->addWidget(between);
    addRow->addWidget(m_siteA);
    addRow->addWidget(new QLabel(tr("and"), this));
    addRow->addWidget(m_siteB);
    addRow->addWidget(m_add);
    addRow->addStretch(1);
    layout->addLayout(addRow);

    auto* buttons = new QHBoxLayout;
    m_remove = new QPushButton(tr("&Remove tunnel"), this);
    m_remove->setObjectName(QStringLiteral("removeTunnel"));
    m_remove->setAccessibleName(tr("Remove tunnel"));
    m_remove->setToolTip(tr("Removes the selected tunnel; the template does not make it again when sites change."));
    m_edit = new QPushButton(tr("&Edit addresses and algorithms…"), this);
    m_edit->setObjectName(QStringLiteral("editTunnel"));
    m_edit->setAccessibleName(tr("Edit addresses and algorithms of the selected tunnel"));
    m_edit->setToolTip(tr("The selected tunnel on the two-site pages: its gateways' addresses, its own proposals and key."));
    buttons->addWidget(m_remove);
    buttons->addWidget(m_edit);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_message = new FindingLabel(QStringLiteral("tunnels"), this);
    layout->addWidget(m_message);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("tunnelsSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    setTabOrder(m_table, m_siteA);
    setTabOrder(m_siteA, m_siteB);
    setTabOrder(m_siteB, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_edit);

    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (!m_filling)
            rowEdited(item->row());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &NetworkTunnelsPage::showProblems);
    connect(m_add, &QPushButton::clicked, this, [this] { addTunnel(m_siteA->currentText(), m_siteB->currentText()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeTunnel(m_table->currentRow()); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editTunnel(m_table->currentRow()); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        if (column == ProposalsColumn)
            editTunnel(row);
    });
    connect(m_draft, &ProfileDraft::changed, this, &NetworkTunnelsPage::showProblems);
}

NetworkTunnelsPage::~NetworkTunnelsPage() = default;

void NetworkTunnelsPage::initializePage()
{
    m_toDetail = false;
    fill();
    if (m_table->rowCount() > 0 && m_table->currentRow() < 0)
        m_table->setCurrentCell(0, NameColumn);
}

bool NetworkTunnelsPage::isComplete() const
{
    if (m_draft->network().tunnels.isEmpty())
        return false;
    for (const Finding& f : m_draft->networkFindings())
        if (f.severity == Severity::Error && f.field.startsWith(QLatin1String("tunnels")))
            return false;
    return true;
}

int NetworkTunnelsPage::nextId() const
{
    return m_toDetail ? int(TunnelWizard::SitesId) : int(TunnelWizard::ReviewId);
}

void NetworkTunnelsPage::fill()
{
    const NetworkProfile& n = m_draft->network();
    m_filling = true;
    m_table->setRowCount(int(n.tunnels.size()));
    for (int row = 0; row < n.tunnels.size(); ++row) {
        const Tunnel& t = n.tunnels.at(row);
        auto item = [&](int column, const QString& text, bool editable) {
            auto* i = new QTableWidgetItem(text);
            if (!editable)
                i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_table->setItem(row, column, i);
            return i;
        };
        item(NameColumn, t.name, true);
        item(SiteAColumn, t.siteA, false);
        item(SiteBColumn, t.siteB, false);
        item(NetworksAColumn, t.networksA.join(QLatin1Char(' ')), true)->setToolTip(n.networksOf(t, Side::A).join(QStringLiteral(", ")));
        item(NetworksBColumn, t.networksB.join(QLatin1Char(' ')), true)->setToolTip(n.networksOf(t, Side::B).join(QStringLiteral(", ")));
        item(ProposalsColumn, proposalText(t), false)->setToolTip(tr("Double-click or “Edit addresses and algorithms…” to give this tunnel its own proposals."));
        item(ProblemColumn, QString(), false);
    }
    const QString a = m_siteA->currentText();
    const QString b = m_siteB->currentText();
    m_siteA->clear();
    m_siteB->clear();
    for (const Site& s : n.sites) {
        m_siteA->addItem(s.name);
        m_siteB->addItem(s.name);
    }
    m_siteA->setCurrentIndex(std::max(0, m_siteA->findText(a)));
    m_siteB->setCurrentIndex(b.isEmpty() ? std::min(1, m_siteB->count() - 1) : std::max(0, m_siteB->findText(b)));
    m_filling = false;
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(NetworksAColumn, std::max(m_table->columnWidth(NetworksAColumn), 120));
    m_table->setColumnWidth(NetworksBColumn, std::max(m_table->columnWidth(NetworksBColumn), 120));
    showProblems();
}

void NetworkTunnelsPage::rowEdited(int row)
{
    if (row < 0 || row >= m_draft->network().tunnels.size() || !m_table->item(row, ProblemColumn))
        return;
    const QString name = m_table->item(row, NameColumn)->text().trimmed();
    const QStringList networksA = Network::splitNetworks(m_table->item(row, NetworksAColumn)->text());
    const QStringList networksB = Network::splitNetworks(m_table->item(row, NetworksBColumn)->text());
    m_draft->editNetwork([&](NetworkProfile& n) {
        Tunnel& t = n.tunnels[row];
        t.name = name;
        t.networksA = networksA;
        t.networksB = networksB;
    });
}

void NetworkTunnelsPage::showProblems()
{
    const NetworkProfile& n = m_draft->network();
    const bool filling = std::exchange(m_filling, true);
    for (int row = 0; row < m_table->rowCount() && row < n.tunnels.size(); ++row) {
        QTableWidgetItem* problem = m_table->item(row, ProblemColumn);
        if (!problem)
            continue;
        showRowFindings(problem, m_table->item(row, NameColumn), findingsUnder(m_draft->networkFindings(), Network::tunnelPath(n.tunnels.at(row).name)),
                        palette());
    }
    m_filling = filling;
    m_table->resizeRowsToContents();
    QList<Finding> other;
    for (const Finding& f : m_draft->networkFindings())
        if (f.field == QLatin1String("tunnels"))
            other << f;
    m_message->showFindings(other, m_table);
    const int row = m_table->currentRow();
    m_remove->setEnabled(row >= 0 && n.tunnels.size() > 1);
    m_edit->setEnabled(row >= 0);
    m_add->setEnabled(m_siteA->count() >= 2);
    m_summary->setText(tr("Tunnels: %1, each with its own fresh key.").arg(n.tunnels.size()));
    Q_EMIT completeChanged();
}

bool NetworkTunnelsPage::addTunnel(const QString& siteA, const QString& siteB)
{
    const NetworkProfile& n = m_draft->network();
    if (siteA == siteB || n.siteIndex(siteA) < 0 || n.siteIndex(siteB) < 0) {
        m_message->showFindings({Finding{Severity::Error, QStringLiteral("tunnels"), tr("A tunnel joins two different sites."), {}}}, m_siteA);
        return false;
    }
    Tunnel t;
    t.siteA = siteA;
    t.siteB = siteB;
    t.ike = n.ike;
    t.esp = n.esp;
    t.name = siteA + QLatin1Char('-') + siteB;
    for (int i = 2; n.tunnelIndex(t.name) >= 0; ++i)
        t.name = siteA + QLatin1Char('-') + siteB + QString::number(i);
    QStringList removed = m_draft->removedTunnels();
    removed.removeAll(t.name);
    m_draft->setRemovedTunnels(removed);
    m_draft->editNetwork([&](NetworkProfile& net) { net.tunnels << t; });
    fill();
    m_table->setCurrentCell(m_table->rowCount() - 1, NameColumn);
    return true;
}

void NetworkTunnelsPage::removeTunnel(int row)
{
    const NetworkProfile& n = m_draft->network();
    if (row < 0 || row >= n.tunnels.size() || n.tunnels.size() <= 1)
        return;
    QStringList removed = m_draft->removedTunnels();
    removed << n.tunnels.at(row).name;
    m_draft->setRemovedTunnels(removed);
    m_draft->editNetwork([&](NetworkProfile& net) { net.tunnels.removeAt(row); });
    fill();
    m_table->setCurrentCell(std::min(row, m_table->rowCount() - 1), NameColumn);
}

void NetworkTunnelsPage::editTunnel(int row)
{
    if (row < 0 || row >= m_draft->network().tunnels.size() || !wizard())
        return;
    m_draft->showTunnel(row);
    m_toDetail = true;
    wizard()->next();
}

} // namespace ipsecwiz
