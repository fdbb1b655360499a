#pragma once

// The wizard's last page: the live monitor on the tunnel just pushed, so the admin sees it come
// up without leaving the wizard. Polling runs only while the page is shown.

#include <QWizardPage>

namespace ipsecwiz {

class MonitorView;
class ProfileDraft;

class MonitorPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorPage)

public:
    explicit MonitorPage(ProfileDraft* draft, QWidget* parent = nullptr);
    ~MonitorPage() override;

    [[nodiscard]] MonitorView* view() const { return m_view; }

    void initializePage() override;
    void cleanupPage() override;

protected:
    void hideEvent(QHideEvent* event) override;

private:
    ProfileDraft* m_draft;
    MonitorView* m_view;
};

} // namespace ipsecwiz
