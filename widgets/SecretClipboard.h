#pragma once

// Copies a secret to the clipboard and clears it again after a while if it still holds that
// secret (and not something the admin copied since). Lives on the application, so closing the
// wizard does not leave the key behind; keeps only a hash of the secret, never the secret.

#include <QByteArray>
#include <QObject>

class QTimer;

namespace ipsecwiz {

class SecretClipboard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretClipboard)

public:
    static constexpr int DefaultClearAfterMs = 30'000;

    static SecretClipboard* instance();

    void copy(const QString& secret);
    // For tests; the default is 30 s.
    void setClearAfter(int milliseconds);
    [[nodiscard]] int clearAfter() const { return m_clearAfterMs; }
    [[nodiscard]] bool pending() const;

Q_SIGNALS:
    void cleared();

private:
    explicit SecretClipboard(QObject* parent);
    ~SecretClipboard() override;
    void clearIfStillThere();

    QTimer* m_timer;
    QByteArray m_hash;
    int m_clearAfterMs = DefaultClearAfterMs;
};

} // namespace ipsecwiz
