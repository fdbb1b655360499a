#include "MonitorPage.h"

#include "MonitorView.h"
#include "ProfileDraft.h"

#include <QHideEvent>
#include <QVBoxLayout>

namespace ipsecwiz {

MonitorPage::MonitorPage(ProfileDraft* draft, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_view(new MonitorView(this))
{
    setObjectName(QStringLiteral("monitorPage"));
    setTitle(tr("Monitor"));
    setSubTitle(tr("Both gateways' security associations, live and side by side. Green: SAs in both directions on both "
                   "gateways; amber: half-up; red: none."));
    setFinalPage(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

MonitorPage::~MonitorPage() = default;

void MonitorPage::initializePage()
{
    m_view->setProfile(m_draft->profile(), profileDirOf(m_draft->path()));
    m_view->start();
}

void MonitorPage::cleanupPage()
{
    m_view->stop();
}

void MonitorPage::hideEvent(QHideEvent* event)
{
    // The wizard closed (Finish, Cancel): no polling behind a window nobody sees. A minimised
    // window (a spontaneous hide, from the window system) keeps polling: it comes back current.
    if (!event->spontaneous())
        m_view->stop();
    QWizardPage::hideEvent(event);
}

} // namespace ipsecwiz
