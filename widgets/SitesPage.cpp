#include "SitesPage.h"

#include "FindingLabel.h"
#include "ProfileDraft.h"
#include "TopologyView.h"

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

} // namespace

SitesPage::SitesPage(ProfileDraft* draft, QWidget* parent) : QWizardPage(parent), m_draft(draft)
{
    setObjectName(QStringLiteral("sitesPage"));
    setTitle(tr("Sites"));
    setSubTitle(tr("The network behind each gateway and the gateway's addresses. Each field is checked as you type."));

    auto* layout = new QVBoxLayout(this);

    auto* nameGrid = new QGridLayout;
    addField(nameGrid, 0,
             {Name, tr("Tunnel na&me:"), tr("Tunnel name"), tr("e.g. office-to-branch"),
              tr("Names the files and firewall tables on both gateways: letters, digits, “-” and “_”, at most 32.")});
    nameGrid->setColumnStretch(2, 1);
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
        auto* grid = new QGridLayout(box);
        addField(grid, 0,
                 {i == 0 ? QStringLiteral("networkA") : QStringLiteral("networkB"), netLabel[i], tr("Network %1").arg(letter),
                  tr("e.g. %1").arg(netExample[i]),
                  tr("The network behind gateway %1 that the tunnel protects, as address/prefix (CIDR).").arg(letter)});
        addField(grid, 2,
                 {gw[i] + QStringLiteral("publicAddress"), pubLabel[i], tr("Public address of gateway %1").arg(letter),
                  tr("e.g. %1").arg(pubExample[i]),
                  tr("Gateway %1's address on the internet side. Add the prefix (/24) when both gateways share one subnet; "
                     "without one, traffic to the peer goes through a default router.")
                      .arg(letter)});
        addField(grid, 4,
                 {gw[i] + QStringLiteral("internalAddress"), intLabel[i], tr("Internal address of gateway %1").arg(letter),
                  tr("e.g. %1").arg(intExample[i]), tr("Gateway %1's own address inside network %1.").arg(letter)});
        addField(grid, 6,
                 {gw[i] + QStringLiteral("defaultRouter"), rtrLabel[i], tr("Default router of gateway %1").arg(letter),
                  tr("e.g. %1").arg(rtrExample[i]),
                  tr("The router gateway %1 sends internet traffic to (its ISP's router). Needed only when the other gateway is "
                     "not on the same public subnet.")
                      .arg(letter)});
        grid->setColumnStretch(1, 1);
        grid->setRowStretch(8, 1);
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
            QStringLiteral("gatewayA.internalAddress"),
            QStringLiteral("gatewayA.defaultRouter"),
            QStringLiteral("networkB"),
            QStringLiteral("gatewayB.publicAddress"),
            QStringLiteral("gatewayB.internalAddress"),
            QStringLiteral("gatewayB.defaultRouter")};
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
        if (!m_draft->edit([&](TunnelProfile& p) { setValue(p, id, text); }))
            refresh();
    });
    connect(edit, &QLineEdit::editingFinished, this, [this, id] {
        if (!m_touched.value(id)) {
            m_touched[id] = true;
            refresh();
        }
    });
}

QString SitesPage::valueOf(const TunnelProfile& p, const QString& field)
{
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
        m_touched[id] = !valueOf(m_draft->profile(), id).isEmpty();
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
    return !m_draft->hasErrorIn(fields());
}

bool SitesPage::routerShown(int side) const
{
    return !m_edits.value(routerField(side))->isHidden();
}

void SitesPage::refresh()
{
    const TunnelProfile& p = m_draft->profile();
    // The default router only where the gateways cannot reach each other directly, or where one
    // was given (or is being typed). When it appears, its message says why at once.
    for (int side = 0; side < 2; ++side) {
        const QString id = routerField(side);
        QLineEdit* edit = m_edits.value(id);
        const bool shown = !m_draft->findingsFor(id).isEmpty() || !valueOf(p, id).isEmpty() || edit->hasFocus();
        edit->setVisible(shown);
        m_labels.value(id)->setVisible(shown);
        m_touched[id] = shown && (m_touched.value(id) || !m_draft->findingsFor(id).isEmpty());
    }

    QStringList missing;
    int shownErrors = 0;
    int warnings = 0;
    for (const QString& id : fields()) {
        QLineEdit* edit = m_edits.value(id);
        const QString value = valueOf(p, id);
        if (edit->text() != value)
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

    m_topology->setProfile(p);

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
