#include "Psk.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <sys/random.h>

#include <cerrno>

namespace ipsecwiz::Psk {

Result<QByteArray> generate(int bytes)
{
    if (bytes < MinBytes || bytes > MaxBytes)
        return Error{QStringLiteral("--bytes"), QCoreApplication::translate("ipsecwiz::Psk", "A key must be %1 to %2 bytes long; %3 was asked for.")
                                                     .arg(MinBytes)
                                                     .arg(MaxBytes)
                                                     .arg(bytes)};
    QByteArray raw(bytes, Qt::Uninitialized);
    // getrandom(2) is the kernel CSPRNG (what /dev/urandom reads), blocking only until it is seeded.
    qsizetype filled = 0;
    while (filled < raw.size()) {
        const ssize_t n = ::getrandom(raw.data() + filled, size_t(raw.size() - filled), 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            // QRandomGenerator::system() is also the OS CSPRNG; it is the fallback where getrandom is missing.
            for (; filled < raw.size(); ++filled)
                raw[filled] = char(QRandomGenerator::system()->generate() & 0xff);
            break;
        }
        filled += n;
    }
    QByteArray key = QByteArrayLiteral("0x") + raw.toHex();
    wipe(raw);
    return key;
}

void wipe(QByteArray& secret)
{
    // data() on a shared array would detach and wipe only the fresh copy.
    if (secret.isDetached()) {
        volatile char* p = secret.data();
        for (qsizetype i = 0; i < secret.size(); ++i)
            p[i] = 0;
    }
    secret.clear();
}

} // namespace ipsecwiz::Psk
