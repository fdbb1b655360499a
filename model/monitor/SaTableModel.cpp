#include "SaTableModel.h"

#include <QSet>

#include <algorithm>

namespace ipsecwiz {

QList<SecurityAssociation> saRowsOf(const Snapshot& s)
{
    QList<SecurityAssociation> rows = s.sas;
    for (const IkeSa& ike : s.ikeSas) {
        for (const ChildSa& c : ike.children) {
            const auto make = [&](bool out) {
                SecurityAssociation sa;
                sa.src = out ? ike.localAddr : ike.remoteAddr;
                sa.dst = out ? ike.remoteAddr : ike.localAddr;
                sa.protoText = c.protocol.toLower();
                sa.proto = sa.protoText == QLatin1String("ah") ? SaProtocol::Ah : SaProtocol::Esp;
                sa.mode = c.mode.toLower() + (c.udpEncap ? QStringLiteral("-in-udp") : QString());
                sa.spi = (out ? c.spiOut : c.spiIn).value_or(0);
                sa.hasSpi = (out ? c.spiOut : c.spiIn).has_value();
                sa.reqid = c.reqid;
                sa.stateText = c.state;
                sa.state = c.state == QLatin1String("INSTALLED") ? SaState::Installed : SaState::Other;
                sa.encAlg = c.proposal;
                sa.bytes = out ? c.bytesOut : c.bytesIn;
                sa.packets = out ? c.packetsOut : c.packetsIn;
                if (c.installedSeconds)
                    sa.lifetimes.diffSeconds = c.installedSeconds;
                if (c.expireSeconds && c.installedSeconds)
                    sa.lifetimes.hardAddSeconds = *c.expireSeconds + *c.installedSeconds;
                return sa;
            };
            if (c.spiOut)
                rows.append(make(true));
            if (c.spiIn)
                rows.append(make(false));
        }
    }
    return rows;
}

SaTableModel::SaTableModel(QObject* parent) : QAbstractTableModel(parent) {}

SaTableModel::~SaTableModel() = default;

int SaTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SaTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SaTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Src: return tr("Source");
    case Dst: return tr("Destination");
    case Proto: return tr("Protocol");
    case Spi: return tr("SPI");
    case Mode: return tr("Mode");
    case State: return tr("State");
    case Encryption: return tr("Encryption");
    case Integrity: return tr("Integrity");
    case Bytes: return tr("Bytes");
    case Rate: return tr("Rate");
    case Age: return tr("Age / lifetime");
    case EncKey: return tr("Key");
    default: return {};
    }
}

QVariant SaTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows.at(index.row());
    const SecurityAssociation& sa = r.sa;
    // Sorting uses the raw numbers, not their text.
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Spi: return qulonglong(sa.spi);
        case Bytes: return qulonglong(sa.bytes.value_or(0));
        case Rate: return r.rate;
        case Age: return qulonglong(sa.lifetimes.diffSeconds.value_or(0));
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Bytes || index.column() == Rate))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Src: return sa.srcPort ? QStringLiteral("%1[%2]").arg(sa.src).arg(*sa.srcPort) : sa.src;
    case Dst: return sa.dstPort ? QStringLiteral("%1[%2]").arg(sa.dst).arg(*sa.dstPort) : sa.dst;
    case Proto: return sa.protoText.isEmpty() ? protocolName(sa.proto) : sa.protoText;
    case Spi: return sa.hasSpi ? sa.spiHex() : QString();
    case Mode: return sa.mode;
    case State: return sa.stateText.isEmpty() ? stateName(sa.state) : sa.stateText;
    case Encryption: return sa.encAlg;
    case Integrity: return sa.authAlg;
    case Bytes: return sa.bytes ? QString::number(*sa.bytes) : QString();
    case Rate: return r.rate > 0 ? tr("%1 B/s").arg(qRound64(r.rate)) : QString();
    case Age: {
        const auto age = sa.lifetimes.diffSeconds;
        const auto life = sa.lifetimes.hardAddSeconds;
        if (!age)
            return QString();
        return life && *life > 0 ? tr("%1 s of %2 s").arg(*age).arg(*life) : tr("%1 s").arg(*age);
    }
    case EncKey:
        if (sa.encKey.isEmpty())
            return QString();
        return m_revealed ? QString::fromLatin1(sa.encKey.hex) : sa.encKey.masked();
    default: return {};
    }
}

void SaTableModel::apply(const QList<SecurityAssociation>& sas, qint64 nowMs)
{
    const double seconds = m_lastPollMs >= 0 && nowMs > m_lastPollMs ? (nowMs - m_lastPollMs) / 1000.0 : 0;
    m_lastPollMs = nowMs;
    QList<SaKey> keys;
    keys.reserve(sas.size());
    QHash<SaKey, int> incoming;
    incoming.reserve(sas.size());
    for (int i = 0; i < sas.size(); ++i) {
        keys.append(SaKey::of(sas.at(i)));
        incoming.insert(keys.last(), i);
    }

    // Removed: from the bottom up, in contiguous runs, so row numbers above stay valid.
    QList<int> gone;
    for (int i = 0; i < m_rows.size(); ++i)
        if (!incoming.contains(m_rows.at(i).key))
            gone.append(i);
    for (qsizetype k = gone.size() - 1; k >= 0;) {
        const int last = gone.at(k);
        int first = last;
        while (k > 0 && gone.at(k - 1) == first - 1)
            first = gone.at(--k);
        --k;
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r)
            m_index.remove(m_rows.at(r).key);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    if (!gone.isEmpty())
        for (int i = gone.first(); i < m_rows.size(); ++i)
            m_index[m_rows.at(i).key] = i;

    // Changed: in place, one dataChanged per contiguous run.
    int runStart = -1;
    const auto flush = [&](int end) {
        if (runStart >= 0)
            emit dataChanged(index(runStart, 0), index(end, ColumnCount - 1));
        runStart = -1;
    };
    for (int i = 0; i < m_rows.size(); ++i) {
        Row& row = m_rows[i];
        const SecurityAssociation& fresh = sas.at(incoming.value(row.key));
        const double rate = seconds > 0 && fresh.bytes && row.sa.bytes && *fresh.bytes >= *row.sa.bytes
                                ? double(*fresh.bytes - *row.sa.bytes) / seconds
                                : 0;
        // Counters change most often: compare them before the whole SA.
        if (rate == row.rate && fresh.bytes == row.sa.bytes && fresh == row.sa) {
            flush(i - 1);
            continue;
        }
        row.sa = fresh;
        row.rate = rate;
        if (runStart < 0)
            runStart = i;
    }
    flush(int(m_rows.size()) - 1);

    // New: appended in one batch.
    QList<int> added;
    for (int i = 0; i < sas.size(); ++i)
        if (!m_index.contains(keys.at(i)))
            added.append(i);
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (int i : added) {
            m_index.insert(keys.at(i), int(m_rows.size()));
            m_rows.append(Row{keys.at(i), sas.at(i), 0});
        }
        endInsertRows();
    }
}

void SaTableModel::setKeysRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, EncKey), index(int(m_rows.size()) - 1, EncKey));
}

} // namespace ipsecwiz
