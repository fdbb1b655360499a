#include "AlgorithmChoice.h"

#include "Theme.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QStandardItemModel>

namespace ipsecwiz {

namespace {

QIcon dot(const QColor& colour)
{
    QPixmap pixmap(QSize(24, 24));
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(QRectF(2, 2, 8, 8));
    return QIcon(pixmap);
}

} // namespace

AlgorithmChoice::AlgorithmChoice(AlgorithmKind kind, const QString& field, const QString& accessibleName, QWidget* parent)
    : QWidget(parent), m_kind(kind), m_combo(new QComboBox(this)), m_strength(new QLabel(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo->setObjectName(field);
    m_combo->setAccessibleName(accessibleName);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_strength->setObjectName(field + QStringLiteral(".strength"));
    m_strength->setTextFormat(Qt::RichText);
    int widest = 0;
    for (Strength s : {Strength::Recommended, Strength::Acceptable, Strength::Deprecated, Strength::Forbidden})
        widest = std::max(widest, m_strength->fontMetrics().horizontalAdvance(QStringLiteral("● ") + Algorithms::strengthName(s)));
    m_strength->setMinimumWidth(widest + 8);
    layout->addWidget(m_combo, 1);
    layout->addWidget(m_strength);
    setFocusProxy(m_combo);

    for (const Algorithm& a : Algorithms::ofKind(kind))
        m_combo->addItem(a.label, a.id);
    restyleItems();
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        updateStrength();
        if (!m_updating)
            Q_EMIT chosen(currentId());
    });
    updateStrength();
}

AlgorithmChoice::~AlgorithmChoice() = default;

QString AlgorithmChoice::currentId() const
{
    return m_combo->currentData().toString();
}

void AlgorithmChoice::setCurrentId(const QString& id)
{
    m_updating = true;
    m_combo->setCurrentIndex(m_combo->findData(id));
    m_updating = false;
    updateStrength();
}

void AlgorithmChoice::setUnavailable(const QHash<QString, Unavailable>& unavailable)
{
    if (unavailable == m_unavailable)
        return;
    m_unavailable = unavailable;
    restyleItems();
    updateStrength();
}

bool AlgorithmChoice::isAvailable(const QString& id) const
{
    return !m_unavailable.contains(id);
}

void AlgorithmChoice::setHelp(const QString& help)
{
    m_help = help;
    updateStrength();
}

QColor AlgorithmChoice::strengthColour(Strength strength, bool dark)
{
    switch (strength) {
    case Strength::Recommended: return dark ? QColor(0x6f, 0xd3, 0x83) : QColor(0x1e, 0x7e, 0x34);
    case Strength::Acceptable: return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1f, 0x5f, 0xbf);
    case Strength::Deprecated: return dark ? QColor(0xff, 0xc8, 0x57) : QColor(0x9a, 0x62, 0x00);
    case Strength::Forbidden: return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
    }
    return {};
}

QString AlgorithmChoice::strengthBadge(Strength strength, bool dark)
{
    return QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(strengthColour(strength, dark).name(), Algorithms::strengthName(strength));
}

void AlgorithmChoice::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        restyleItems();
        updateStrength();
    }
}

void AlgorithmChoice::restyleItems()
{
    auto* model = qobject_cast<QStandardItemModel*>(m_combo->model());
    const bool dark = Theme::isDark(palette());
    const QList<Algorithm>& all = Algorithms::ofKind(m_kind);
    for (int i = 0; i < m_combo->count() && i < all.size(); ++i) {
        const Algorithm& a = all.at(i);
        const auto it = m_unavailable.constFind(a.id);
        const bool available = it == m_unavailable.constEnd();
        QStandardItem* item = model ? model->item(i) : nullptr;
        if (item) {
            item->setEnabled(available);
            item->setText(available ? a.label : tr("%1 — %2").arg(a.label, it->shortText));
            item->setIcon(dot(strengthColour(a.strength, dark)));
            item->setToolTip(available ? tr("%1: %2").arg(Algorithms::strengthName(a.strength), a.why)
                                       : tr("%1\n%2: %3").arg(it->reason, Algorithms::strengthName(a.strength), a.why));
        }
    }
}

void AlgorithmChoice::updateStrength()
{
    const Algorithm* a = Algorithms::find(m_kind, currentId());
    if (!a) {
        m_strength->clear();
        return;
    }
    m_strength->setText(strengthBadge(a->strength, Theme::isDark(palette())));
    m_strength->setToolTip(a->why);
    QString tip = a->label + QStringLiteral(" — ") + Algorithms::strengthName(a->strength) + QStringLiteral(": ") + a->why;
    if (const auto it = m_unavailable.constFind(a->id); it != m_unavailable.constEnd())
        tip += QLatin1Char('\n') + it->reason;
    if (!m_help.isEmpty())
        tip = m_help + QStringLiteral("\n\n") + tip;
    m_combo->setToolTip(tip);
}

} // namespace ipsecwiz
