#include "SecretPrompt.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QWidget>

namespace ipsecwiz {

std::optional<QByteArray> askSecretFromWorker(QWidget* parent, const QString& prompt)
{
    std::optional<QByteArray> answer;
    QMetaObject::invokeMethod(
        parent,
        [&] {
            bool ok = false;
            const QString text = QInputDialog::getText(parent, QCoreApplication::translate("ipsecwiz::SecretPrompt", "Password"), prompt,
                                                       QLineEdit::Password, {}, &ok);
            if (ok)
                answer = text.toUtf8();
        },
        Qt::BlockingQueuedConnection);
    return answer;
}

} // namespace ipsecwiz
