#pragma once

// The SA table of the monitor: one row per SA, updated in place from each poll. Rows are
// matched by key (protocol, addresses, SPI): new SAs are inserted, gone ones removed, changed
// ones reported with dataChanged — never a reset — so selection, sorting and scroll position
// survive a poll. Byte rates come from the difference between polls; key material stays masked
// until revealed.

#include "SecuritySnapshot.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ipsecwiz {

// Identifies an SA across polls without building a string: the fields share their data with
// the SA (implicit sharing), so making one allocates nothing.
struct SaKey
{
    QString proto, src, dst;
    quint32 spi = 0;
    bool hasSpi = false;

    static SaKey of(const SecurityAssociation& sa) { return SaKey{sa.protoText, sa.src, sa.dst, sa.spi, sa.hasSpi}; }
    friend bool operator==(const SaKey&, const SaKey&) = default;
};

inline size_t qHash(const SaKey& k, size_t seed = 0)
{
    return qHashMulti(seed, k.proto, k.src, k.dst, k.spi, k.hasSpi);
}

// Every SA a snapshot shows, with swanctl's CHILD SAs split into their inbound and outbound SA.
QList<SecurityAssociation> saRowsOf(const Snapshot& snapshot);

class SaTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaTableModel)

public:
    enum Column { Src, Dst, Proto, Spi, Mode, State, Encryption, Integrity, Bytes, Rate, Age, EncKey, ColumnCount };

    explicit SaTableModel(QObject* parent = nullptr);
    ~SaTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // nowMs: the poll's time, for byte rates (injectable for tests).
    void apply(const QList<SecurityAssociation>& sas, qint64 nowMs);
    void setKeysRevealed(bool revealed);
    [[nodiscard]] const SecurityAssociation& sa(int row) const { return m_rows.at(row).sa; }

private:
    struct Row
    {
        SaKey key;
        SecurityAssociation sa;
        double rate = 0; // bytes per second since the previous poll
    };

    QList<Row> m_rows;
    QHash<SaKey, int> m_index; // key → row
    qint64 m_lastPollMs = -1;
    bool m_revealed = false;
};

} // namespace ipsecwiz
