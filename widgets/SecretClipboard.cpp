#include "SecretClipboard.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QTimer>

namespace ipsecwiz {

namespace {

QByteArray hashOf(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

SecretClipboard::SecretClipboard(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SecretClipboard::clearIfStillThere);
    // Quitting within the delay clears it too.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &SecretClipboard::clearIfStillThere);
}

SecretClipboard::~SecretClipboard() = default;

SecretClipboard* SecretClipboard::instance()
{
    static SecretClipboard* one = new SecretClipboard(qApp);
    return one;
}

void SecretClipboard::copy(const QString& secret)
{
    QGuiApplication::clipboard()->setText(secret, QClipboard::Clipboard);
    m_hash = hashOf(secret);
    m_timer->start(m_clearAfterMs);
}

void SecretClipboard::setClearAfter(int milliseconds)
{
    m_clearAfterMs = milliseconds;
}

bool SecretClipboard::pending() const
{
    return m_timer->isActive();
}

void SecretClipboard::clearIfStillThere()
{
    m_timer->stop();
    if (m_hash.isEmpty())
        return;
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (hashOf(clipboard->text(QClipboard::Clipboard)) == m_hash)
        clipboard->clear(QClipboard::Clipboard);
    m_hash.clear();
    Q_EMIT cleared();
}

} // namespace ipsecwiz
