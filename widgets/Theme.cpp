#include "Theme.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace ipsecwiz::Theme {

namespace {

struct State
{
    bool initialised = false;
    QPalette systemPalette;
    QString systemStyle;
    Mode mode = Mode::System;
};

State& state()
{
    static State s;
    return s;
}

// Fusion outlines fields and radio buttons in a shade darker than the window, which all but
// vanishes on a dark window; this draws a visible edge around them when the palette is dark.
class ReadableFusion final : public QProxyStyle
{
public:
    ReadableFusion() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter, const QWidget* widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (!isDark(option->palette))
            return;
        const bool field = element == PE_FrameLineEdit;
        const bool radio = element == PE_IndicatorRadioButton;
        const bool check = element == PE_IndicatorCheckBox;
        if (!field && !radio && !check)
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const bool focused = option->state & State_HasFocus;
        painter->setPen(QPen(focused ? option->palette.color(QPalette::Highlight) : QColor(0x6e, 0x75, 0x82), 1));
        painter->setBrush(Qt::NoBrush);
        const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (radio)
            painter->drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
        else
            painter->drawRoundedRect(r, 2, 2);
        painter->restore();
    }
};

} // namespace

void init()
{
    State& s = state();
    if (s.initialised)
        return;
    s.initialised = true;
    s.systemPalette = QApplication::palette();
    s.systemStyle = QApplication::style() ? QApplication::style()->name() : QString();
}

void apply(Mode mode)
{
    init();
    State& s = state();
    s.mode = mode;
    if (mode == Mode::System) {
        if (!s.systemStyle.isEmpty())
            QApplication::setStyle(QStyleFactory::create(s.systemStyle));
        QApplication::setPalette(s.systemPalette);
        return;
    }
    // Fusion draws with the palette it is given everywhere; native styles may not.
    QApplication::setStyle(mode == Mode::Dark ? static_cast<QStyle*>(new ReadableFusion) : QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(mode == Mode::Dark ? darkPalette() : lightPalette());
}

Mode current()
{
    return state().mode;
}

QString modeId(Mode mode)
{
    switch (mode) {
    case Mode::Light: return QStringLiteral("light");
    case Mode::Dark: return QStringLiteral("dark");
    case Mode::System: break;
    }
    return QStringLiteral("system");
}

Mode modeFromId(const QString& id)
{
    if (id == QLatin1String("light"))
        return Mode::Light;
    if (id == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf2));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x24, 0x33));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf8));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xfd, 0xe8));
    p.setColor(QPalette::ToolTipText, QColor(0x1d, 0x24, 0x33));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Text, QColor(0x1d, 0x24, 0x33));
    p.setColor(QPalette::Button, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::ButtonText, QColor(0x1d, 0x24, 0x33));
    p.setColor(QPalette::BrightText, QColor(0xd0, 0x36, 0x36));
    p.setColor(QPalette::Light, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Midlight, QColor(0xe3, 0xe5, 0xe8));
    p.setColor(QPalette::Mid, QColor(0xb8, 0xbd, 0xc5));
    p.setColor(QPalette::Dark, QColor(0x8a, 0x91, 0x9c));
    p.setColor(QPalette::Shadow, QColor(0x55, 0x5b, 0x66));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd0));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xbf));
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x3d, 0xb8));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x8f, 0x95, 0x9e));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2e, 0x34));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xeb, 0xf0));
    p.setColor(QPalette::Base, QColor(0x1f, 0x22, 0x27));
    p.setColor(QPalette::AlternateBase, QColor(0x28, 0x2b, 0x31));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3e, 0x46));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xeb, 0xf0));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa3, 0xae));
    p.setColor(QPalette::Text, QColor(0xe8, 0xeb, 0xf0));
    p.setColor(QPalette::Button, QColor(0x36, 0x3a, 0x41));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xeb, 0xf0));
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4f, 0x58));
    p.setColor(QPalette::Midlight, QColor(0x3f, 0x44, 0x4c));
    p.setColor(QPalette::Mid, QColor(0x2f, 0x33, 0x39));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1c, 0x20));
    p.setColor(QPalette::Shadow, QColor(0x0d, 0x0e, 0x10));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xd9));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc3, 0xa6, 0xf5));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x86, 0x90));
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x30, 0x33, 0x39));
    return p;
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace ipsecwiz::Theme
