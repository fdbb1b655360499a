#include "ProfileDraft.h"

#include "Psk.h"

#include <QDir>
#include <QFileInfo>

namespace ipsecwiz {

QString profileDirOf(const QString& profilePath)
{
    return profilePath.isEmpty() || profilePath.startsWith(QLatin1Char(':')) ? QDir::currentPath() : QFileInfo(profilePath).absolutePath();
}

ProfileDraft::ProfileDraft(QObject* parent) : QObject(parent), m_findings(validate(m_profile)) {}

ProfileDraft::~ProfileDraft()
{
    if (m_profile.psk)
        Psk::wipe(*m_profile.psk);
}

QList<Finding> ProfileDraft::findingsFor(const QString& field) const
{
    return ipsecwiz::findingsFor(m_findings, field);
}

bool ProfileDraft::hasErrorIn(const QStringList& fields) const
{
    return std::any_of(m_findings.cbegin(), m_findings.cend(),
                       [&](const Finding& f) { return f.severity == Severity::Error && fields.contains(f.field); });
}

bool ProfileDraft::edit(const std::function<void(TunnelProfile&)>& change)
{
    TunnelProfile next = m_profile;
    change(next);
    if (next == m_profile)
        return false;
    if (m_profile.psk && next.psk != m_profile.psk)
        Psk::wipe(*m_profile.psk);
    m_profile = std::move(next);
    m_findings = validate(m_profile);
    Q_EMIT changed();
    return true;
}

void ProfileDraft::replace(const TunnelProfile& profile, const QString& sourcePath)
{
    if (m_profile.psk)
        Psk::wipe(*m_profile.psk);
    m_profile = profile;
    m_path = sourcePath;
    m_findings = validate(m_profile);
    Q_EMIT replaced();
    Q_EMIT changed();
}

} // namespace ipsecwiz
