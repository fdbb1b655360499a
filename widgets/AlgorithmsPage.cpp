#include "AlgorithmsPage.h"

#include "AlgorithmChoice.h"
#include "FindingLabel.h"
#include "ProfileDraft.h"
#include "Theme.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

// "none" is the absence of an algorithm (AEAD integrity, no PFS): every flavour can do that.
bool supportedByBoth(const TunnelProfile& p, AlgorithmKind kind, Usage usage, const QString& id)
{
    if (id == QLatin1String("none"))
        return kind == AlgorithmKind::Integrity || (kind == AlgorithmKind::DhGroup && usage == Usage::Esp);
    const Algorithm* a = Algorithms::find(kind, id);
    return a && a->supportedBy(p.gatewayA.flavour, usage) && a->supportedBy(p.gatewayB.flavour, usage);
}

QString firstSupported(const TunnelProfile& p, AlgorithmKind kind, Usage usage, const QStringList& preferred)
{
    for (const QString& id : preferred)
        if (supportedByBoth(p, kind, usage, id))
            return id;
    return preferred.constLast();
}

bool isAead(const QString& encryption)
{
    const Algorithm* a = Algorithms::find(AlgorithmKind::Encryption, encryption);
    return a && a->aead;
}

const QString IkeVersion = QStringLiteral("ike.version");
const QString IkeEncryption = QStringLiteral("ike.encryption");
const QString IkeIntegrity = QStringLiteral("ike.integrity");
const QString IkePrf = QStringLiteral("ike.prf");
const QString IkeDh = QStringLiteral("ike.dhGroup");
const QString IkeLifetime = QStringLiteral("ike.lifetime");
const QString EspEncryption = QStringLiteral("esp.encryption");
const QString EspIntegrity = QStringLiteral("esp.integrity");
const QString EspPfs = QStringLiteral("esp.pfsGroup");
const QString EspLifetime = QStringLiteral("esp.lifetime");

} // namespace

AlgorithmsPage::AlgorithmsPage(ProfileDraft* draft, QWidget* parent) : QWizardPage(parent), m_draft(draft)
{
    setObjectName(QStringLiteral("algorithmsPage"));
    setTitle(tr("Software and algorithms"));
    setSubTitle(tr("The IPsec software on each gateway and the algorithms both ends use. The preselection is a safe modern default; "
                   "each choice shows its RFC 8221 / 8247 status."));

    auto* layout = new QVBoxLayout(this);

    // Software per gateway.
    auto* software = new QGroupBox(tr("IPsec software"), this);
    auto* sgrid = new QGridLayout(software);
    const auto flavourBox = [&](const QString& name, const QString& accessible) {
        auto* box = new QComboBox(software);
        box->setObjectName(name);
        box->setAccessibleName(accessible);
        for (Flavour f : allFlavours())
            box->addItem(flavourLabel(f), flavourId(f));
        box->setToolTip(tr("strongSwan (swanctl) speaks IKEv2 and every modern algorithm. racoon (racoon-tool on Debian, "
                           "racoon + setkey on the BSDs) speaks IKEv1 only, without AEAD ciphers or elliptic curves."));
        return box;
    };
    m_flavourA = flavourBox(QStringLiteral("gatewayA.flavour"), tr("IPsec software on gateway A"));
    m_flavourB = flavourBox(QStringLiteral("gatewayB.flavour"), tr("IPsec software on gateway B"));
    auto* labelA = new QLabel(tr("Gateway &A:"), software);
    labelA->setBuddy(m_flavourA);
    auto* labelB = new QLabel(tr("&Gateway B:"), software);
    labelB->setBuddy(m_flavourB);
    sgrid->addWidget(labelA, 0, 0);
    sgrid->addWidget(m_flavourA, 0, 1);
    sgrid->addWidget(labelB, 0, 2);
    sgrid->addWidget(m_flavourB, 0, 3);
    sgrid->setColumnStretch(1, 1);
    sgrid->setColumnStretch(3, 1);
    // What a site of a network cannot run (racoon where its address changes), under its choice.
    for (const auto& [column, field] : {std::pair{1, QStringLiteral("gatewayA.flavour")}, std::pair{3, QStringLiteral("gatewayB.flavour")}}) {
        auto* message = new FindingLabel(field, software);
        sgrid->addWidget(message, 1, column);
        m_messages.insert(field, message);
    }
    m_racoonNote = new QLabel(software);
    m_racoonNote->setObjectName(QStringLiteral("racoonNote"));
    m_racoonNote->setWordWrap(true);
    sgrid->addWidget(m_racoonNote, 2, 0, 1, 4);
    layout->addWidget(software);

    auto* columns = new QHBoxLayout;
    auto* ike = new QGroupBox(tr("IKE (phase 1): the key exchange"), this);
    auto* esp = new QGroupBox(tr("ESP (phase 2): the traffic"), this);
    auto* ikeGrid = new QGridLayout(ike);
    auto* espGrid = new QGridLayout(esp);
    columns->addWidget(ike, 1);
    columns->addWidget(esp, 1);
    layout->addLayout(columns);
    layout->addStretch(1);

    const auto addRow = [this](QGridLayout* grid, int row, const QString& label, QWidget* input, const QString& field) {
        auto* l = new QLabel(label, input->parentWidget());
        l->setBuddy(input);
        grid->addWidget(l, row, 0);
        grid->addWidget(input, row, 1);
        auto* message = new FindingLabel(field, input->parentWidget());
        grid->addWidget(message, row + 1, 1);
        m_messages.insert(field, message);
    };
    const auto addChoice = [&](QGridLayout* grid, int row, AlgorithmKind kind, const QString& field, const QString& label,
                               const QString& accessible, const QString& help) {
        auto* c = new AlgorithmChoice(kind, field, accessible, grid->parentWidget());
        c->setHelp(help);
        m_choices.insert(field, c);
        addRow(grid, row, label, c, field);
        return c;
    };

    // IKE version, with its own strength mark: the catalogue covers algorithms only.
    auto* versionRow = new QWidget(ike);
    auto* vl = new QHBoxLayout(versionRow);
    vl->setContentsMargins(0, 0, 0, 0);
    m_version = new QComboBox(versionRow);
    m_version->setObjectName(IkeVersion);
    m_version->setAccessibleName(tr("IKE version"));
    m_version->addItem(tr("IKEv2 (RFC 7296)"), 2);
    m_version->addItem(tr("IKEv1 (RFC 2409)"), 1);
    m_version->setToolTip(tr("IKEv2 is simpler, faster and more robust. IKEv1 is only for peers that speak nothing else, like racoon."));
    m_versionStrength = new QLabel(versionRow);
    m_versionStrength->setObjectName(IkeVersion + QStringLiteral(".strength"));
    m_versionStrength->setTextFormat(Qt::RichText);
    vl->addWidget(m_version, 1);
    vl->addWidget(m_versionStrength);
    versionRow->setFocusProxy(m_version);
    addRow(ikeGrid, 0, tr("IKE &version:"), versionRow, IkeVersion);

    addChoice(ikeGrid, 2, AlgorithmKind::Encryption, IkeEncryption, tr("&Encryption:"), tr("IKE encryption"),
              tr("Protects the IKE negotiation itself."));
    addChoice(ikeGrid, 4, AlgorithmKind::Integrity, IkeIntegrity, tr("&Integrity:"), tr("IKE integrity"),
              tr("Authenticates IKE messages; none with an AEAD cipher, which authenticates by itself."));
    addChoice(ikeGrid, 6, AlgorithmKind::Prf, IkePrf, tr("&PRF:"), tr("IKE pseudo-random function"),
              tr("Derives the keys from the Diffie-Hellman secret."));
    addChoice(ikeGrid, 8, AlgorithmKind::DhGroup, IkeDh, tr("Diffie-&Hellman group:"), tr("IKE Diffie-Hellman group"),
              tr("The key exchange; its strength caps the strength of every key derived from it."));

    const auto lifetimeRow = [&](QWidget* parent, QSpinBox** spin, QLabel** text, const QString& field, const QString& accessible,
                                 const QString& tip) {
        auto* row = new QWidget(parent);
        auto* hl = new QHBoxLayout(row);
        hl->setContentsMargins(0, 0, 0, 0);
        *spin = new QSpinBox(row);
        (*spin)->setObjectName(field);
        (*spin)->setAccessibleName(accessible);
        (*spin)->setRange(60, 7 * 24 * 3600);
        (*spin)->setSingleStep(600);
        (*spin)->setSuffix(tr(" s"));
        (*spin)->setToolTip(tip);
        *text = new QLabel(row);
        hl->addWidget(*spin);
        hl->addWidget(*text, 1);
        row->setFocusProxy(*spin);
        return row;
    };
    addRow(ikeGrid, 10, tr("&Lifetime:"),
           lifetimeRow(ike, &m_ikeLifetime, &m_ikeLifetimeText, IkeLifetime, tr("IKE lifetime in seconds"),
                       tr("How long the IKE SA lives before it is renewed (rekeyed), in seconds.")),
           IkeLifetime);

    addChoice(espGrid, 0, AlgorithmKind::Encryption, EspEncryption, tr("Encr&yption:"), tr("ESP encryption"),
              tr("Encrypts the traffic between the two networks."));
    addChoice(espGrid, 2, AlgorithmKind::Integrity, EspIntegrity, tr("In&tegrity:"), tr("ESP integrity"),
              tr("Authenticates every packet; none with an AEAD cipher, which authenticates by itself."));
    addChoice(espGrid, 4, AlgorithmKind::DhGroup, EspPfs, tr("PF&S group:"), tr("ESP perfect forward secrecy group"),
              tr("A fresh Diffie-Hellman exchange for every CHILD SA, so one stolen key does not open earlier traffic."));
    addRow(espGrid, 6, tr("Lifeti&me:"),
           lifetimeRow(esp, &m_espLifetime, &m_espLifetimeText, EspLifetime, tr("ESP lifetime in seconds"),
                       tr("How long each CHILD SA (the traffic keys) lives before it is renewed, in seconds; shorter than the IKE lifetime.")),
           EspLifetime);
    for (QGridLayout* g : {ikeGrid, espGrid}) {
        g->setColumnStretch(1, 1);
        g->setRowStretch(g->rowCount(), 1);
    }

    // Tab order: software, then IKE top to bottom, then ESP.
    QWidget* chain[] = {m_flavourA, m_flavourB, m_version,
                        m_choices.value(IkeEncryption)->comboBox(), m_choices.value(IkeIntegrity)->comboBox(),
                        m_choices.value(IkePrf)->comboBox(), m_choices.value(IkeDh)->comboBox(), m_ikeLifetime,
                        m_choices.value(EspEncryption)->comboBox(), m_choices.value(EspIntegrity)->comboBox(),
                        m_choices.value(EspPfs)->comboBox(), m_espLifetime};
    for (size_t i = 1; i < std::size(chain); ++i)
        setTabOrder(chain[i - 1], chain[i]);

    // Edits.
    const auto onFlavour = [this](Side side, QComboBox* box) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, side, box] {
            const auto f = flavourFromId(box->currentData().toString());
            if (f)
                userEdit([&](TunnelProfile& p) { p.gateway(side).flavour = *f; });
        });
    };
    onFlavour(Side::A, m_flavourA);
    onFlavour(Side::B, m_flavourB);
    connect(m_version, &QComboBox::currentIndexChanged, this, [this] {
        userEdit([&](TunnelProfile& p) { p.ike.version = m_version->currentData().toInt(); });
    });
    const auto onChoice = [this](const QString& field, QString IkeProposal::*ike, QString EspProposal::*esp) {
        connect(m_choices.value(field), &AlgorithmChoice::chosen, this, [this, ike, esp](const QString& id) {
            userEdit([&](TunnelProfile& p) {
                if (ike)
                    p.ike.*ike = id;
                else
                    p.esp.*esp = id;
            });
        });
    };
    onChoice(IkeEncryption, &IkeProposal::encryption, nullptr);
    onChoice(IkeIntegrity, &IkeProposal::integrity, nullptr);
    onChoice(IkePrf, &IkeProposal::prf, nullptr);
    onChoice(IkeDh, &IkeProposal::dhGroup, nullptr);
    onChoice(EspEncryption, nullptr, &EspProposal::encryption);
    onChoice(EspIntegrity, nullptr, &EspProposal::integrity);
    onChoice(EspPfs, nullptr, &EspProposal::pfsGroup);
    connect(m_ikeLifetime, &QSpinBox::valueChanged, this, [this](int v) { userEdit([&](TunnelProfile& p) { p.ike.lifetime = v; }); });
    connect(m_espLifetime, &QSpinBox::valueChanged, this, [this](int v) { userEdit([&](TunnelProfile& p) { p.esp.lifetime = v; }); });

    connect(m_draft, &ProfileDraft::changed, this, &AlgorithmsPage::refresh);
    connect(m_draft, &ProfileDraft::replaced, this, [this] {
        m_beforeRacoon.reset();
        m_forcedByRacoon.reset();
    });
    refresh();
}

AlgorithmsPage::~AlgorithmsPage() = default;

QStringList AlgorithmsPage::fields()
{
    return {IkeVersion,    IkeEncryption, IkeIntegrity, IkePrf, IkeDh, IkeLifetime, EspEncryption, EspIntegrity,
            EspPfs,        EspLifetime,   QStringLiteral("gatewayA.flavour"), QStringLiteral("gatewayB.flavour")};
}

void AlgorithmsPage::fitToSoftware(TunnelProfile& p)
{
    using K = AlgorithmKind;
    const bool racoon = isRacoon(p.gatewayA.flavour) || isRacoon(p.gatewayB.flavour);
    if (racoon)
        p.ike.version = 1;

    if (!supportedByBoth(p, K::Encryption, Usage::Ike, p.ike.encryption))
        p.ike.encryption = firstSupported(p, K::Encryption, Usage::Ike, {QStringLiteral("aes256gcm16"), QStringLiteral("aes256"), QStringLiteral("aes128")});
    if (isAead(p.ike.encryption))
        p.ike.integrity = QStringLiteral("none");
    else if (p.ike.integrity == QLatin1String("none") || !supportedByBoth(p, K::Integrity, Usage::Ike, p.ike.integrity))
        p.ike.integrity = firstSupported(p, K::Integrity, Usage::Ike, {QStringLiteral("sha256"), QStringLiteral("sha512")});
    if (racoon && p.ike.integrity != QLatin1String("none"))
        p.ike.prf = p.ike.integrity; // racoon's hash is its PRF
    else if (!supportedByBoth(p, K::Prf, Usage::Ike, p.ike.prf))
        p.ike.prf = firstSupported(p, K::Prf, Usage::Ike, {QStringLiteral("sha256"), QStringLiteral("sha512")});
    if (p.ike.dhGroup == QLatin1String("none") || !supportedByBoth(p, K::DhGroup, Usage::Ike, p.ike.dhGroup))
        p.ike.dhGroup = firstSupported(p, K::DhGroup, Usage::Ike, {QStringLiteral("curve25519"), QStringLiteral("modp2048")});

    if (!supportedByBoth(p, K::Encryption, Usage::Esp, p.esp.encryption))
        p.esp.encryption = firstSupported(p, K::Encryption, Usage::Esp, {QStringLiteral("aes256gcm16"), QStringLiteral("aes256"), QStringLiteral("aes128")});
    if (isAead(p.esp.encryption))
        p.esp.integrity = QStringLiteral("none");
    else if (p.esp.integrity == QLatin1String("none") || !supportedByBoth(p, K::Integrity, Usage::Esp, p.esp.integrity))
        p.esp.integrity = firstSupported(p, K::Integrity, Usage::Esp, {QStringLiteral("sha256"), QStringLiteral("sha512")});
    if (!supportedByBoth(p, K::DhGroup, Usage::Esp, p.esp.pfsGroup))
        p.esp.pfsGroup = firstSupported(p, K::DhGroup, Usage::Esp, {QStringLiteral("curve25519"), QStringLiteral("modp2048")});
}

void AlgorithmsPage::userEdit(const std::function<void(TunnelProfile&)>& change)
{
    if (m_loading)
        return;
    m_draft->edit([&](TunnelProfile& p) {
        const bool racoonBefore = isRacoon(p.gatewayA.flavour) || isRacoon(p.gatewayB.flavour);
        const TunnelProfile before = p;
        change(p);
        const bool racoonAfter = isRacoon(p.gatewayA.flavour) || isRacoon(p.gatewayB.flavour);
        if (racoonBefore && !racoonAfter && m_beforeRacoon && m_forcedByRacoon && p.ike == m_forcedByRacoon->first
            && p.esp == m_forcedByRacoon->second) {
            // Back to strongSwan on both sides with nothing changed in between: the earlier choice returns.
            p.ike = m_beforeRacoon->first;
            p.esp = m_beforeRacoon->second;
        }
        fitToSoftware(p);
        if (!racoonBefore && racoonAfter && (p.ike != before.ike || p.esp != before.esp)) {
            m_beforeRacoon = std::pair{before.ike, before.esp};
            m_forcedByRacoon = std::pair{p.ike, p.esp};
        } else if (!racoonAfter) {
            m_beforeRacoon.reset();
            m_forcedByRacoon.reset();
        }
    });
}

void AlgorithmsPage::initializePage()
{
    refresh();
}

bool AlgorithmsPage::isComplete() const
{
    return !m_draft->hasErrorIn(fields());
}

QString AlgorithmsPage::duration(int seconds)
{
    // Unit symbols, so no plural forms are needed in any language.
    if (seconds % 3600 == 0)
        return tr("= %1 h").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return tr("= %1 min").arg(seconds / 60);
    return tr("= %1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

void AlgorithmsPage::updateAvailability()
{
    const TunnelProfile& p = m_draft->profile();
    const auto reasonsFor = [&](AlgorithmKind kind, Usage usage) {
        QHash<QString, AlgorithmChoice::Unavailable> out;
        for (const Algorithm& a : Algorithms::ofKind(kind)) {
            if (a.id == QLatin1String("none")) {
                if (kind == AlgorithmKind::DhGroup && usage == Usage::Ike)
                    out.insert(a.id, {tr("IKE needs one"), tr("IKE always needs a Diffie-Hellman group; “none” is only for PFS.")});
                continue;
            }
            for (Side s : {Side::A, Side::B}) {
                const Flavour f = p.gateway(s).flavour;
                if (!a.supportedBy(f, usage)) {
                    out.insert(a.id, {tr("not with %1").arg(flavourId(f)),
                                      tr("%1 on gateway %2 cannot use %3 for %4.")
                                          .arg(flavourId(f), s == Side::A ? QStringLiteral("A") : QStringLiteral("B"), a.label,
                                               usage == Usage::Ike ? tr("IKE") : tr("ESP"))});
                    break;
                }
            }
        }
        return out;
    };
    const auto integrityReasons = [&](Usage usage, const QString& encryption) {
        auto out = reasonsFor(AlgorithmKind::Integrity, usage);
        const Algorithm* enc = Algorithms::find(AlgorithmKind::Encryption, encryption);
        if (!enc)
            return out;
        for (const Algorithm& a : Algorithms::ofKind(AlgorithmKind::Integrity)) {
            const bool none = a.id == QLatin1String("none");
            if (enc->aead && !none)
                out.insert(a.id, {tr("not with %1").arg(enc->label), tr("%1 authenticates by itself; the integrity algorithm must be none.").arg(enc->label)});
            else if (!enc->aead && none)
                out.insert(a.id, {tr("needs an AEAD cipher"), tr("Only an AEAD cipher (GCM, ChaCha20-Poly1305) goes without an integrity algorithm; %1 needs one.").arg(enc->label)});
        }
        return out;
    };
    m_choices.value(IkeEncryption)->setUnavailable(reasonsFor(AlgorithmKind::Encryption, Usage::Ike));
    m_choices.value(IkeIntegrity)->setUnavailable(integrityReasons(Usage::Ike, p.ike.encryption));
    m_choices.value(IkePrf)->setUnavailable(reasonsFor(AlgorithmKind::Prf, Usage::Ike));
    m_choices.value(IkeDh)->setUnavailable(reasonsFor(AlgorithmKind::DhGroup, Usage::Ike));
    m_choices.value(EspEncryption)->setUnavailable(reasonsFor(AlgorithmKind::Encryption, Usage::Esp));
    m_choices.value(EspIntegrity)->setUnavailable(integrityReasons(Usage::Esp, p.esp.encryption));
    m_choices.value(EspPfs)->setUnavailable(reasonsFor(AlgorithmKind::DhGroup, Usage::Esp));

    // racoon: IKEv1 only, and its hash is its PRF.
    const bool racoonA = isRacoon(p.gatewayA.flavour);
    const bool racoonB = isRacoon(p.gatewayB.flavour);
    const bool racoon = racoonA || racoonB;
    const QString who = racoonA && racoonB ? tr("Both gateways run racoon") : racoonA ? tr("Gateway A runs racoon") : tr("Gateway B runs racoon");
    if (auto* model = qobject_cast<QStandardItemModel*>(m_version->model())) {
        QStandardItem* v2 = model->item(m_version->findData(2));
        v2->setEnabled(!racoon);
        v2->setText(racoon ? tr("IKEv2 (RFC 7296) — not with racoon") : tr("IKEv2 (RFC 7296)"));
        v2->setToolTip(racoon ? tr("%1, which speaks IKEv1 only.").arg(who) : tr("The current IKE; use it wherever both ends can."));
        model->item(m_version->findData(1))->setToolTip(tr("RFC 9395 deprecates IKEv1; use it only for peers that speak nothing else."));
    }
    AlgorithmChoice* prf = m_choices.value(IkePrf);
    prf->setEnabled(!racoon);
    prf->setToolTip(racoon ? tr("racoon uses its hash algorithm as PRF, so the PRF follows the IKE integrity choice.") : QString());
    m_racoonNote->setVisible(racoon);
    m_racoonNote->setText(tr("%1: it speaks IKEv1 only, has no AEAD ciphers (GCM, ChaCha20) and no elliptic curves, and uses its hash as PRF. "
                             "Only what both gateways can do is offered.")
                              .arg(who));
}

void AlgorithmsPage::refresh()
{
    const TunnelProfile& p = m_draft->profile();
    m_loading = true;
    m_flavourA->setCurrentIndex(m_flavourA->findData(flavourId(p.gatewayA.flavour)));
    m_flavourB->setCurrentIndex(m_flavourB->findData(flavourId(p.gatewayB.flavour)));
    m_version->setCurrentIndex(m_version->findData(p.ike.version));
    updateAvailability();
    m_choices.value(IkeEncryption)->setCurrentId(p.ike.encryption);
    m_choices.value(IkeIntegrity)->setCurrentId(p.ike.integrity);
    m_choices.value(IkePrf)->setCurrentId(p.ike.prf);
    m_choices.value(IkeDh)->setCurrentId(p.ike.dhGroup);
    m_choices.value(EspEncryption)->setCurrentId(p.esp.encryption);
    m_choices.value(EspIntegrity)->setCurrentId(p.esp.integrity);
    m_choices.value(EspPfs)->setCurrentId(p.esp.pfsGroup);
    if (m_ikeLifetime->value() != p.ike.lifetime)
        m_ikeLifetime->setValue(p.ike.lifetime);
    if (m_espLifetime->value() != p.esp.lifetime)
        m_espLifetime->setValue(p.esp.lifetime);
    m_loading = false;

    m_ikeLifetimeText->setText(duration(p.ike.lifetime));
    m_espLifetimeText->setText(duration(p.esp.lifetime));
    const bool dark = Theme::isDark(palette());
    m_versionStrength->setText(p.ike.version == 2 ? AlgorithmChoice::strengthBadge(Strength::Recommended, dark)
                                                  : AlgorithmChoice::strengthBadge(Strength::Deprecated, dark));
    m_versionStrength->setToolTip(p.ike.version == 2 ? tr("RFC 7296: the current IKE.")
                                                     : tr("RFC 9395 deprecates IKEv1; use it only for peers that speak nothing else."));
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it)
        it.value()->showFindings(m_draft->findingsFor(it.key()), m_choices.contains(it.key()) ? m_choices.value(it.key())->comboBox() : nullptr);
    Q_EMIT completeChanged();
}

} // namespace ipsecwiz
