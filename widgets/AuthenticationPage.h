#pragma once

// Authentication: the pre-shared key both gateways share (generated from the kernel's CSPRNG,
// shown only on request, copied to the clipboard for at most 30 s) and each gateway's IKE
// identity.

#include <QHash>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ipsecwiz {

class FindingLabel;
class ProfileDraft;

class AuthenticationPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthenticationPage)

public:
    explicit AuthenticationPage(ProfileDraft* draft, QWidget* parent = nullptr);
    ~AuthenticationPage() override;

    static QStringList fields();

    void generateKey();
    [[nodiscard]] QLineEdit* keyEdit() const { return m_key; }
    [[nodiscard]] QPushButton* showButton() const { return m_show; }
    [[nodiscard]] QPushButton* copyButton() const { return m_copy; }
    [[nodiscard]] QPushButton* generateButton() const { return m_generate; }
    [[nodiscard]] QLabel* bitsLabel() const { return m_bits; }
    [[nodiscard]] QLineEdit* identityEdit(int side) const { return side == 0 ? m_idA : m_idB; }
    [[nodiscard]] FindingLabel* message(const QString& field) const { return m_messages.value(field); }

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;

private:
    void refresh();
    void copyKey();

    ProfileDraft* m_draft;
    QLineEdit* m_key;
    QPushButton* m_show;
    QPushButton* m_copy;
    QPushButton* m_generate;
    QLabel* m_bits;
    QLabel* m_copied;
    QLineEdit* m_idA;
    QLineEdit* m_idB;
    QHash<QString, FindingLabel*> m_messages;
};

} // namespace ipsecwiz
