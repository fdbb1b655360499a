#include "SitesPage.h"

#include "FindingLabel.h"
#include "ProfileDraft.h"
#include "TopologyView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFocusEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

const QString Name = QStringLiteral("name");

QString routerField(int side)
{
    return side == 0 ? QStringLiteral("gatewayA.defaultRouter") : QStringLiteral("gatewayB.defaultRouter");
}

QString natField(int side)
{
    return side == 0 ? QStringLiteral("gatewayA.natAddress") : QStringLiteral("gatewayB.natAddress");
}

Side sideOf(const QString& field)
{
    return field.startsWith(QLatin1String("gatewayB.")) || field == QLatin1String("networkB") ? Side::B : Side::A;
}

} // namespace

SitesPage::SitesPage(ProfileDraft* draft, QWidget* parent) : QWizardPage(parent), m_draft(draft)
{
    setObjectName(QStringLiteral("sitesPage"));
    setTitle(tr("Sites"));
    setSubTitle(tr("The network behind each gateway and the gateway's addresses. Each field is checked as you type."));

    auto* layout = new QVBoxLayout(this);

    // A network of more than two sites: what this page shows of it, and which of its tunnels.
    m_networkNote = new QLabel(this);
    m_networkNote->setObjectName(QStringLiteral("sitesNetworkNote"));
    m_networkNote->setWordWrap(true);
    layout->addWidget(m_networkNote);

    auto* nameGrid = new QGridLayout;
    addField(nameGrid, 0,
             {Name, tr("Tunnel na&me:"), tr("Tunnel name"), tr("e.g. office-to-branch"),
              tr("Names the files and firewall tables on both gateways: letters, digits, “-” and “_”, at most 32.")});
    auto* choiceLabel = m_tunnelChoiceLabel = new QLabel(tr("Sho&w tunnel:"), this);
    m_tunnelChoice = new QComboBox(this);
    m_tunnelChoice->setObjectName(QStringLiteral("tunnelChoice"));
    m_tunnelChoice->setAccessibleName(tr("Tunnel shown"));
    m_tunnelChoice->setToolTip(tr("The tunnel of the network these pages show; the others are kept as they are."));
    choiceLabel->setBuddy(m_tunnelChoice);
    nameGrid->addWidget(choiceLabel, 0, 2);
    nameGrid->addWidget(m_tunnelChoice, 0, 3);
    connect(m_tunnelChoice, &QComboBox::activated, this, [this](int index) { m_draft->showTunnel(index); });
    // What is wrong with the tunnel as a whole (both ends dynamic, nobody to configure).
    auto* tunnelMessage = new FindingLabel(QStringLiteral("tunnel"), this);
    nameGrid->addWidget(tunnelMessage, 2, 1, 1, 3);
    m_messages.insert(QStringLiteral("tunnel"), tunnelMessage);
    nameGrid->setColumnStretch(1, 1);
    layout->addLayout(nameGrid);

    auto* sites = new QHBoxLayout;
    const QString siteTitle[2] = {tr("Site A"), tr("Site B")};
    const QString gw[2] = {QStringLiteral("gatewayA."), QStringLiteral("gatewayB.")};
    // Mnemonics differ between the two columns so each field has its own key.
    const QString netLabel[2] = {tr("N&etwork:"), tr("Netw&ork:")};
    const QString pubLabel[2] = {tr("P&ublic address:"), tr("Publi&c address:")};
    const QString intLabel[2] = {tr("&Internal address:"), tr("Inte&rnal address:")};
    const QString rtrLabel[2] = {tr("&Default router:"), tr("Defau&lt router:")};
    const QString netExample[2] = {QStringLiteral("192.168.1.0/24"), QStringLiteral("192.168.2.0/24")};
    const QString pubExample[2] = {QStringLiteral("203.0.113.1/24"), QStringLiteral("203.0.113.2/24")};
    const QString intExample[2] = {QStringLiteral("192.168.1.1"), QStringLiteral("192.168.2.1")};
    const QString rtrExample[2] = {QStringLiteral("198.51.100.1"), QStringLiteral("192.0.2.1")};
    for (int i = 0; i < 2; ++i) {
        const QString letter = i == 0 ? QStringLiteral("A") : QStringLiteral("B");
        auto* box = new QGroupBox(siteTitle[i], this);
        box->setObjectName(i == 0 ? QStringLiteral("siteA") : QStringLiteral("siteB"));
        m_siteTitle[i] = nullptr;
        auto* grid = new QGridLayout(box);
        addField(grid, 0,
                 {i == 0 ? QStringLiteral("networkA") : QStringLiteral("networkB"), netLabel[i], tr("Network %1").arg(letter),
                  tr("e.g. %1").arg(netExample[i]),
                  tr("The networks behind gateway %1 that the tunnel protects, as address/prefix (CIDR); several (a LAN and a VoIP "
                     "network) separated by commas.")
                      .arg(letter)});
        addField(grid, 2,
                 {gw[i] + QStringLiteral("publicAddress"), pubLabel[i], tr("Public address of gateway %1").arg(letter),
                  tr("e.g. %1").arg(pubExample[i]),
                  tr("Gateway %1's address on the internet side. Add the prefix (/24) when both gateways share one subnet; "
                     "without one, traffic to the peer goes through a default router.")
                      .arg(letter)});
        addSiteChoices(grid, 4, i);
        addField(grid, 8,
                 {gw[i] + QStringLiteral("internalAddress"), intLabel[i], tr("Internal address of gateway %1").arg(letter),
                  tr("e.g. %1").arg(intExample[i]), tr("Gateway %1's own address inside network %1.").arg(letter)});
        addField(grid, 10,
                 {gw[i] + QStringLiteral("defaultRouter"), rtrLabel[i], tr("Default router of gateway %1").arg(letter),
                  tr("e.g. %1").arg(rtrExample[i]),
                  tr("The router gateway %1 sends internet traffic to (its ISP's router). Needed only when the other gateway is "
                     "not on the same public subnet.")
                      .arg(letter)});
        m_elsewhere[i] = new QCheckBox(i == 0 ? tr("Managed b&y someone else") : tr("Mana&ged by someone else"), box);
        m_elsewhere[i]->setObjectName(gw[i] + QStringLiteral("managed"));
        m_elsewhere[i]->setAccessibleName(tr("Gateway %1 managed by someone else").arg(letter));
        m_elsewhere[i]->setToolTip(tr("A partner's or provider's gateway: only our side is generated and pushed, and the Review page "
                                      "gives a settings sheet for its admin."));
        grid->addWidget(m_elsewhere[i], 12, 0, 1, 2);
        auto* managedMessage = new FindingLabel(gw[i] + QStringLiteral("managed"), this);
        grid->addWidget(managedMessage, 13, 1);
        m_messages.insert(gw[i] + QStringLiteral("managed"), managedMessage);
        connect(m_elsewhere[i], &QCheckBox::toggled, this, [this, i](bool elsewhere) {
            m_draft->editSite(i == 0 ? Side::A : Side::B, [&](Site& site) { site.gateway.managed = !elsewhere; });
        });
        grid->setColumnStretch(1, 1);
        grid->setRowStretch(14, 1);
        sites->addWidget(box, 1);
    }
    layout->addLayout(sites);

    m_topology = new TopologyView(this);
    m_topology->setObjectName(QStringLiteral("sitesTopology"));
    layout->addWidget(m_topology, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sitesStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_draft, &ProfileDraft::changed, this, &SitesPage::refresh);
    connect(m_draft, &ProfileDraft::replaced, this, &SitesPage::load);
    load();
}

SitesPage::~SitesPage() = default;

QStringList SitesPage::fields()
{
    return {Name,
            QStringLiteral("networkA"),
            QStringLiteral("gatewayA.publicAddress"),
            QStringLiteral("gatewayA.natAddress"),
            QStringLiteral("gatewayA.internalAddress"),
            QStringLiteral("gatewayA.defaultRouter"),
            QStringLiteral("networkB"),
            QStringLiteral("gatewayB.publicAddress"),
            QStringLiteral("gatewayB.natAddress"),
            QStringLiteral("gatewayB.internalAddress"),
            QStringLiteral("gatewayB.defaultRouter")};
}

// The fields without a line edit of their own, whose messages this page shows too.
static const QStringList ChoiceFields = {QStringLiteral("gatewayA.reach"), QStringLiteral("gatewayA.managed"),
                                        QStringLiteral("gatewayB.reach"), QStringLiteral("gatewayB.managed"),
                                        QStringLiteral("tunnel")};

void SitesPage::addSiteChoices(QGridLayout* grid, int row, int side)
{
    const QString gw = side == 0 ? QStringLiteral("gatewayA.") : QStringLiteral("gatewayB.");
    const QString letter = side == 0 ? QStringLiteral("A") : QStringLiteral("B");
    auto* label = new QLabel(side == 0 ? tr("Reac&hed at:") : tr("Reached a&t:"), this);
    auto* combo = new QComboBox(this);
    combo->setObjectName(gw + QStringLiteral("reach"));
    combo->setAccessibleName(tr("How the peers reach gateway %1").arg(letter));
    combo->addItem(tr("this address"), int(Reachability::Direct));
    combo->addItem(tr("a public address, through NAT"), int(Reachability::Nat));
    combo->addItem(tr("an address that changes (dynamic)"), int(Reachability::Dynamic));
    combo->setToolTip(tr("Behind NAT: a router in front of gateway %1 (a cloud provider's, a branch router with a port forward) "
                         "translates a public address to the address above. Dynamic: gateway %1's public address changes, so it "
                         "starts its tunnels and its peers accept it from anywhere.")
                          .arg(letter));
    label->setBuddy(combo);
    grid->addWidget(label, row, 0);
    grid->addWidget(combo, row, 1);
    auto* message = new FindingLabel(gw + QStringLiteral("reach"), this);
    grid->addWidget(message, row + 1, 1);
    m_messages.insert(gw + QStringLiteral("reach"), message);
    m_reach[side] = combo;
    connect(combo, &QComboBox::currentIndexChanged, this, [this, side, combo] {
        const auto reach = Reachability(combo->currentData().toInt());
        m_draft->editSite(side == 0 ? Side::A : Side::B, [&](Site& site) { site.gateway.reach = reach; });
    });

    addField(grid, row + 2,
             {natField(side), side == 0 ? tr("NAT addre&ss:") : tr("NAT &address:"), tr("Public address of gateway %1 behind NAT").arg(letter),
              tr("e.g. %1").arg(side == 0 ? QStringLiteral("198.51.100.7") : QStringLiteral("192.0.2.9")),
              tr("The public address the NAT router in front of gateway %1 translates to its own; the peers send to it.").arg(letter)});
    m_natLabel[side] = m_labels.value(natField(side));
}

void SitesPage::addField(QGridLayout* grid, int row, const Field& f)
{
    auto* label = new QLabel(f.label, this);
    auto* edit = new QLineEdit(this);
    edit->setObjectName(f.id);
    edit->setAccessibleName(f.accessible);
    edit->setPlaceholderText(f.placeholder);
    edit->setToolTip(f.tip);
    edit->setMinimumWidth(170);
    edit->installEventFilter(this);
    label->setBuddy(edit);
    label->setToolTip(f.tip);
    auto* message = new FindingLabel(f.id, this);
    grid->addWidget(label, row, 0);
    grid->addWidget(edit, row, 1);
    grid->addWidget(message, row + 1, 1);
    m_edits.insert(f.id, edit);
    m_labels.insert(f.id, label);
    m_messages.insert(f.id, message);
    registerField(f.id, edit);

    const QString id = f.id;
    connect(edit, &QLineEdit::textEdited, this, [this, id](const QString& text) {
        m_touched[id] = true;
        // An edit that leaves the profile as it was still marks the field as touched.
        const bool changed = id.endsWith(QLatin1String(".natAddress"))
                                 ? m_draft->editSite(sideOf(id), [&](Site& site) { site.gateway.publicAddress = text; })
                                 : m_draft->edit([&](TunnelProfile& p) { setValue(p, id, text); });
        if (!changed)
            refresh();
    });
    connect(edit, &QLineEdit::editingFinished, this, [this, id] {
        if (!m_touched.value(id)) {
            m_touched[id] = true;
            refresh();
        }
    });
}

QString SitesPage::valueOf(const QString& field) const
{
    const TunnelProfile& p = m_draft->profile();
    if (field.endsWith(QLatin1String(".natAddress")))
        return m_draft->site(sideOf(field)).gateway.publicAddress;
    if (field == Name)
        return p.name;
    if (field == QLatin1String("networkA"))
        return p.networkA;
    if (field == QLatin1String("networkB"))
        return p.networkB;
    const Gateway& gw = field.startsWith(QLatin1String("gatewayA.")) ? p.gatewayA : p.gatewayB;
    const QString leaf = field.section(QLatin1Char('.'), 1);
    if (leaf == QLatin1String("publicAddress"))
        return gw.publicAddress;
    if (leaf == QLatin1String("internalAddress"))
        return gw.internalAddress;
    return gw.defaultRouter;
}

void SitesPage::setValue(TunnelProfile& p, const QString& field, const QString& value)
{
    if (field == Name) {
        p.name = value;
        return;
    }
    if (field == QLatin1String("networkA")) {
        p.networkA = value;
        return;
    }
    if (field == QLatin1String("networkB")) {
        p.networkB = value;
        return;
    }
    Gateway& gw = field.startsWith(QLatin1String("gatewayA.")) ? p.gatewayA : p.gatewayB;
    const QString leaf = field.section(QLatin1Char('.'), 1);
    if (leaf == QLatin1String("publicAddress"))
        gw.publicAddress = value;
    else if (leaf == QLatin1String("internalAddress"))
        gw.internalAddress = value;
    else
        gw.defaultRouter = value;
}

void SitesPage::load()
{
    // A profile from a file is checked at once: its fields count as touched when they hold text.
    m_touched.clear();
    for (const QString& id : fields())
        m_touched[id] = !valueOf(id).isEmpty();
    refresh();
}

void SitesPage::initializePage()
{
    refresh();
}

// A field that holds a value (the prefilled tunnel name, a value from an opened profile) selects
// it when the page gives it the focus, as QLineEdit itself does for Tab: typing then replaces the
// value instead of appending to it ("site-to-sitebranch1"). A click still places the cursor.
bool SitesPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FocusIn) {
        auto* line = qobject_cast<QLineEdit*>(watched);
        if (line && !line->text().isEmpty() && static_cast<QFocusEvent*>(event)->reason() == Qt::OtherFocusReason)
            line->selectAll();
    }
    return QWizardPage::eventFilter(watched, event);
}

bool SitesPage::isComplete() const
{
    return !m_draft->hasErrorIn(fields() + ChoiceFields);
}

bool SitesPage::routerShown(int side) const
{
    return !m_edits.value(routerField(side))->isHidden();
}

void SitesPage::refresh()
{
    m_messages.value(QStringLiteral("tunnel"))->showFindings(m_draft->findingsFor(QStringLiteral("tunnel")));
    // The network beyond the two sites shown, and the tunnel shown.
    const NetworkProfile& n = m_draft->network();
    const QString beyond = m_draft->notShown();
    m_networkNote->setText(beyond);
    m_networkNote->setVisible(!beyond.isEmpty());
    {
        const QSignalBlocker block(m_tunnelChoice);
        m_tunnelChoice->clear();
        for (const Tunnel& t : n.tunnels)
            m_tunnelChoice->addItem(t.name);
        m_tunnelChoice->setCurrentIndex(m_draft->tunnelIndex());
    }
    const bool many = n.tunnels.size() > 1;
    m_tunnelChoice->setVisible(many);
    m_tunnelChoiceLabel->setVisible(many);
    for (int side = 0; side < 2; ++side) {
        const Site& site = m_draft->site(side == 0 ? Side::A : Side::B);
        auto* box = findChild<QGroupBox*>(side == 0 ? QStringLiteral("siteA") : QStringLiteral("siteB"));
        const QString letter = side == 0 ? tr("Site A") : tr("Site B");
        const bool named = n.sites.size() > 2 || (site.name != QLatin1String("site-a") && site.name != QLatin1String("site-b"));
        box->setTitle(named ? tr("%1: %2").arg(letter, site.name) : letter);
        {
            const QSignalBlocker block(m_reach[side]);
            m_reach[side]->setCurrentIndex(m_reach[side]->findData(int(site.gateway.reach)));
        }
        if (m_elsewhere[side]->isChecked() == site.gateway.managed) {
            const QSignalBlocker block(m_elsewhere[side]);
            m_elsewhere[side]->setChecked(!site.gateway.managed);
        }
        const bool nat = site.gateway.reach == Reachability::Nat;
        m_edits.value(natField(side))->setVisible(nat);
        m_natLabel[side]->setVisible(nat);
        // Behind NAT or dynamic, the address above is the one on the gateway's interface.
        m_labels.value(side == 0 ? QStringLiteral("gatewayA.publicAddress") : QStringLiteral("gatewayB.publicAddress"))
            ->setText(site.gateway.reach == Reachability::Direct ? (side == 0 ? tr("P&ublic address:") : tr("Publi&c address:"))
                                                                  : (side == 0 ? tr("Inter&face address:") : tr("Interfa&ce address:")));
        for (const QString& id : {QStringLiteral("reach"), QStringLiteral("managed")}) {
            const QString field = (side == 0 ? QStringLiteral("gatewayA.") : QStringLiteral("gatewayB.")) + id;
            m_messages.value(field)->showFindings(m_draft->findingsFor(field), id == QLatin1String("reach") ? static_cast<QWidget*>(m_reach[side]) : m_elsewhere[side]);
        }
    }

    // The default router only where the gateways cannot reach each other directly, or where one
    // was given (or is being typed). When it appears, its message says why at once.
    for (int side = 0; side < 2; ++side) {
        const QString id = routerField(side);
        QLineEdit* edit = m_edits.value(id);
        const bool shown = !m_draft->findingsFor(id).isEmpty() || !valueOf(id).isEmpty() || edit->hasFocus();
        edit->setVisible(shown);
        m_labels.value(id)->setVisible(shown);
        m_touched[id] = shown && (m_touched.value(id) || !m_draft->findingsFor(id).isEmpty());
    }

    QStringList missing;
    int shownErrors = 0;
    int warnings = 0;
    for (const QString& id : fields()) {
        QLineEdit* edit = m_edits.value(id);
        const QString value = valueOf(id);
        // A list of networks being typed ("10.1.0.0/24, ") keeps its separators.
        const bool same = id.startsWith(QLatin1String("network")) ? Network::splitNetworks(edit->text()) == Network::splitNetworks(value)
                                                                    : edit->text() == value;
        if (!same)
            edit->setText(value);
        const QList<Finding> findings = m_draft->findingsFor(id);
        const bool touched = m_touched.value(id) || !value.isEmpty();
        m_messages.value(id)->showFindings(touched && !edit->isHidden() ? findings : QList<Finding>{}, edit);
        for (const Finding& f : findings) {
            if (f.severity == Severity::Warning)
                ++warnings;
            else if (touched)
                ++shownErrors;
            else if (!missing.contains(edit->accessibleName()))
                missing.append(edit->accessibleName());
        }
    }

    m_topology->setNetwork(n, m_draft->tunnelIndex());

    if (shownErrors > 0)
        m_status->setText(tr("Correct the fields marked ✖ to go on."));
    else if (!missing.isEmpty())
        m_status->setText(tr("Still to fill in: %1.").arg(missing.join(QStringLiteral(", "))));
    else if (warnings > 0)
        m_status->setText(tr("Warnings (⚠) do not stop you; read them before you deploy."));
    else
        m_status->setText(tr("Both sites are complete."));
    Q_EMIT completeChanged();
}

} // namespace ipsecwiz
