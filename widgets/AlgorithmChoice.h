#pragma once

// One algorithm choice on the Software and algorithms page: a combo box over the catalogue,
// each entry marked with its RFC 8221 / RFC 8247 strength (the RFC's words as tooltip), entries
// a gateway cannot do disabled with the reason, and the current choice's strength beside it.

#include "Algorithms.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;

namespace ipsecwiz {

class AlgorithmChoice final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlgorithmChoice)

public:
    struct Unavailable
    {
        QString shortText; // shown in the entry: "not with racoon-tool"
        QString reason;    // its tooltip: a full sentence
        friend bool operator==(const Unavailable&, const Unavailable&) = default;
    };

    // The combo box is named after `field` ("ike.encryption"), the strength label "<field>.strength".
    AlgorithmChoice(AlgorithmKind kind, const QString& field, const QString& accessibleName, QWidget* parent = nullptr);
    ~AlgorithmChoice() override;

    [[nodiscard]] QComboBox* comboBox() const { return m_combo; }
    [[nodiscard]] QLabel* strengthLabel() const { return m_strength; }
    [[nodiscard]] QString currentId() const;
    // Selects without emitting chosen().
    void setCurrentId(const QString& id);
    // Entries to disable, by algorithm id; every other entry is enabled.
    void setUnavailable(const QHash<QString, Unavailable>& unavailable);
    [[nodiscard]] bool isAvailable(const QString& id) const;
    void setHelp(const QString& help);

    static QColor strengthColour(Strength strength, bool dark);
    static QString strengthBadge(Strength strength, bool dark);

Q_SIGNALS:
    void chosen(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateStrength();
    void restyleItems();

    AlgorithmKind m_kind;
    QComboBox* m_combo;
    QLabel* m_strength;
    QString m_help;
    QHash<QString, Unavailable> m_unavailable;
    bool m_updating = false;
};

} // namespace ipsecwiz
