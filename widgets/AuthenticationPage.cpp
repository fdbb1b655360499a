#include "AuthenticationPage.h"

#include "Cidr.h"
#include "FindingLabel.h"
#include "ProfileDraft.h"
#include "Psk.h"
#include "SecretClipboard.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

const QString PskField = QStringLiteral("psk");
const QString IdA = QStringLiteral("gatewayA.identity");
const QString IdB = QStringLiteral("gatewayB.identity");

QString bareAddress(const QString& publicAddress)
{
    return publicAddress.section(QLatin1Char('/'), 0, 0).trimmed();
}

} // namespace

AuthenticationPage::AuthenticationPage(ProfileDraft* draft, QWidget* parent) : QWizardPage(parent), m_draft(draft)
{
    setObjectName(QStringLiteral("authenticationPage"));
    setTitle(tr("Authentication"));
    setSubTitle(tr("Both gateways prove who they are with one pre-shared key. It goes into the generated files only, "
                   "and into a saved profile only if you say so."));

    auto* layout = new QVBoxLayout(this);
    auto* keyBox = new QGroupBox(tr("Pre-shared key"), this);
    auto* kgrid = new QGridLayout(keyBox);
    auto* keyLabel = new QLabel(tr("&Key:"), keyBox);
    m_key = new QLineEdit(keyBox);
    m_key->setObjectName(PskField);
    m_key->setAccessibleName(tr("Pre-shared key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_key->setMinimumWidth(m_key->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 40);
    m_key->setToolTip(tr("“0x” and hex digits, as racoon's psk.txt and swanctl both read it. You may paste a key of your own."));
    keyLabel->setBuddy(m_key);
    m_show = new QPushButton(tr("&Show"), keyBox);
    m_show->setObjectName(QStringLiteral("pskShow"));
    m_show->setAccessibleName(tr("Show the key"));
    m_show->setCheckable(true);
    m_show->setToolTip(tr("Show or hide the key on screen."));
    m_copy = new QPushButton(tr("&Copy"), keyBox);
    m_copy->setObjectName(QStringLiteral("pskCopy"));
    m_copy->setAccessibleName(tr("Copy the key"));
    m_copy->setToolTip(tr("Copy the key to the clipboard; it is cleared from there after 30 seconds."));
    m_generate = new QPushButton(tr("&Generate new key"), keyBox);
    m_generate->setObjectName(QStringLiteral("pskGenerate"));
    m_generate->setAccessibleName(tr("Generate a new key"));
    m_generate->setToolTip(tr("A fresh 256-bit key from the kernel's random number generator."));
    kgrid->addWidget(keyLabel, 0, 0);
    kgrid->addWidget(m_key, 0, 1);
    kgrid->addWidget(m_show, 0, 2);
    kgrid->addWidget(m_copy, 0, 3);
    kgrid->addWidget(m_generate, 0, 4);
    m_messages.insert(PskField, new FindingLabel(PskField, keyBox));
    kgrid->addWidget(m_messages.value(PskField), 1, 1, 1, 4);
    m_bits = new QLabel(keyBox);
    m_bits->setObjectName(QStringLiteral("pskBits"));
    m_bits->setTextFormat(Qt::RichText);
    m_bits->setWordWrap(true);
    kgrid->addWidget(m_bits, 2, 1, 1, 4);
    m_copied = new QLabel(keyBox);
    m_copied->setObjectName(QStringLiteral("pskCopied"));
    m_copied->setWordWrap(true);
    kgrid->addWidget(m_copied, 3, 1, 1, 4);
    kgrid->setColumnStretch(1, 1);
    layout->addWidget(keyBox);

    auto* idBox = new QGroupBox(tr("Identities (optional)"), this);
    auto* igrid = new QGridLayout(idBox);
    auto* idNote = new QLabel(tr("How each gateway names itself in IKE. Leave empty to use its public address, which is what racoon expects; "
                                 "with strongSwan on both sides a host name or user@host works too."),
                              idBox);
    idNote->setWordWrap(true);
    igrid->addWidget(idNote, 0, 0, 1, 2);
    const auto idRow = [&](int row, const QString& id, const QString& label, const QString& accessible) {
        auto* l = new QLabel(label, idBox);
        auto* edit = new QLineEdit(idBox);
        edit->setObjectName(id);
        edit->setAccessibleName(accessible);
        edit->setToolTip(tr("An address, a host name or user@host; letters, digits and . : @ _ - only."));
        edit->setClearButtonEnabled(true);
        l->setBuddy(edit);
        igrid->addWidget(l, row, 0);
        igrid->addWidget(edit, row, 1);
        m_messages.insert(id, new FindingLabel(id, idBox));
        igrid->addWidget(m_messages.value(id), row + 1, 1);
        connect(edit, &QLineEdit::textEdited, this, [this, id](const QString& text) {
            m_draft->edit([&](TunnelProfile& p) { p.gateway(id == IdA ? Side::A : Side::B).identity = text; });
        });
        registerField(id, edit);
        return edit;
    };
    m_idA = idRow(1, IdA, tr("Identity of gateway &A:"), tr("Identity of gateway A"));
    m_idB = idRow(3, IdB, tr("Identity of gate&way B:"), tr("Identity of gateway B"));
    igrid->setColumnStretch(1, 1);
    layout->addWidget(idBox);
    layout->addStretch(1);

    connect(m_key, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_draft->edit([&](TunnelProfile& p) { p.psk = text.toUtf8(); });
    });
    connect(m_show, &QPushButton::toggled, this, [this](bool on) {
        m_key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(on ? tr("&Hide") : tr("&Show"));
        m_show->setAccessibleName(on ? tr("Hide the key") : tr("Show the key"));
    });
    connect(m_copy, &QPushButton::clicked, this, &AuthenticationPage::copyKey);
    connect(m_generate, &QPushButton::clicked, this, &AuthenticationPage::generateKey);
    connect(SecretClipboard::instance(), &SecretClipboard::cleared, this, [this] { m_copied->clear(); });
    connect(m_draft, &ProfileDraft::changed, this, &AuthenticationPage::refresh);
    registerField(PskField, m_key);
    refresh();
}

AuthenticationPage::~AuthenticationPage() = default;

QStringList AuthenticationPage::fields()
{
    return {PskField, IdA, IdB};
}

void AuthenticationPage::generateKey()
{
    auto key = Psk::generate();
    if (!key)
        return; // only fails for a byte count out of range, which DefaultBytes is not
    m_draft->edit([&](TunnelProfile& p) { p.psk = key.value(); });
    Psk::wipe(key.value());
}

void AuthenticationPage::copyKey()
{
    SecretClipboard* clip = SecretClipboard::instance();
    clip->copy(m_key->text());
    m_copied->setText(tr("Copied. The clipboard is cleared in %1 s if it still holds the key.").arg(clip->clearAfter() / 1000));
}

void AuthenticationPage::initializePage()
{
    // A new tunnel, or a profile saved without its key: make one now.
    if (!m_draft->profile().psk)
        generateKey();
    refresh();
}

bool AuthenticationPage::isComplete() const
{
    return m_draft->profile().psk.has_value() && !m_draft->hasErrorIn(fields());
}

void AuthenticationPage::refresh()
{
    const TunnelProfile& p = m_draft->profile();
    const QString key = QString::fromUtf8(p.psk.value_or(QByteArray()));
    if (m_key->text() != key)
        m_key->setText(key);
    if (m_idA->text() != p.gatewayA.identity)
        m_idA->setText(p.gatewayA.identity);
    if (m_idB->text() != p.gatewayB.identity)
        m_idB->setText(p.gatewayB.identity);
    const QString pubA = bareAddress(p.gatewayA.publicAddress);
    const QString pubB = bareAddress(p.gatewayB.publicAddress);
    m_idA->setPlaceholderText(pubA.isEmpty() ? tr("its public address") : tr("%1 (its public address)").arg(pubA));
    m_idB->setPlaceholderText(pubB.isEmpty() ? tr("its public address") : tr("%1 (its public address)").arg(pubB));
    m_copy->setEnabled(!key.isEmpty());
    m_generate->setText(key.isEmpty() ? tr("&Generate key") : tr("&Generate new key"));

    const int bits = p.psk ? pskBits(*p.psk) : 0;
    if (key.isEmpty())
        m_bits->clear();
    else if (bits >= 128)
        m_bits->setText(tr("<b>%1 bits</b> of strength: safe against offline guessing (128 bits is the least).").arg(bits));
    else
        m_bits->setText(tr("<b>%1 bits</b> of strength.").arg(bits));
    m_bits->setAccessibleName(tr("Key strength"));
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        QWidget* input = it.key() == PskField ? static_cast<QWidget*>(m_key) : it.key() == IdA ? m_idA : m_idB;
        it.value()->showFindings(m_draft->findingsFor(it.key()), input);
    }
    Q_EMIT completeChanged();
}

} // namespace ipsecwiz
