#pragma once

// The tunnel profile the wizard pages fill together: one TunnelProfile, its findings after every
// edit, and where it was loaded from or saved to. Pages edit it and redraw on changed().

#include "TunnelProfile.h"
#include "Validation.h"

#include <QObject>

#include <functional>

namespace ipsecwiz {

// The folder a profile's relative paths (known_hosts, identity files) are resolved in: the
// profile file's own, or the working folder for a profile not saved yet or built in (":/…").
QString profileDirOf(const QString& profilePath);

class ProfileDraft final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDraft)

public:
    explicit ProfileDraft(QObject* parent = nullptr);
    ~ProfileDraft() override;

    [[nodiscard]] const TunnelProfile& profile() const { return m_profile; }
    [[nodiscard]] const QList<Finding>& findings() const { return m_findings; }
    // Findings about one field ("networkA", "gatewayB.defaultRouter", …).
    [[nodiscard]] QList<Finding> findingsFor(const QString& field) const;
    [[nodiscard]] bool hasErrorIn(const QStringList& fields) const;

    // One edit (a keystroke, a combo box choice): validates again and emits changed(); false when
    // the edit left the profile as it was (nothing emitted).
    bool edit(const std::function<void(TunnelProfile&)>& change);
    // A whole new profile (loaded from a file, the example, a new tunnel): emits replaced() so
    // pages refill their widgets, then changed().
    void replace(const TunnelProfile& profile, const QString& sourcePath = {});

    // The file this profile came from or was last saved to; empty for a new one.
    [[nodiscard]] QString path() const { return m_path; }
    void setPath(const QString& path) { m_path = path; }

    // The key the generated files use: the profile's own (the Authentication page always sets one).
    [[nodiscard]] QByteArray psk() const { return m_profile.psk.value_or(QByteArray()); }

Q_SIGNALS:
    void changed();
    void replaced();

private:
    TunnelProfile m_profile;
    QList<Finding> m_findings;
    QString m_path;
};

} // namespace ipsecwiz
