#include "SecretPrompt.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
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

bool askHostKeyFromWorker(QWidget* parent, const HostKeyInfo& key, const QString& host)
{
    bool accepted = false;
    QMetaObject::invokeMethod(
        parent,
        [&] {
            QMessageBox box(QMessageBox::Question, QCoreApplication::translate("ipsecwiz::SecretPrompt", "Unknown host key"),
                            QCoreApplication::translate("ipsecwiz::SecretPrompt",
                                                        "The authenticity of host %1 can't be established.\n\n%2 key fingerprint is\n%3\n\n"
                                                        "Compare it with `ssh-keygen -lf` on the gateway. Accept it and record it in known_hosts?")
                                .arg(host, key.type, key.fingerprint),
                            QMessageBox::Yes | QMessageBox::No, parent);
            box.setDefaultButton(QMessageBox::No);
            accepted = box.exec() == QMessageBox::Yes;
        },
        Qt::BlockingQueuedConnection);
    return accepted;
}

} // namespace ipsecwiz
