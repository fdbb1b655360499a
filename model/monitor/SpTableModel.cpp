#include "SpTableModel.h"

namespace ipsecwiz {

namespace {

    QString selector(const QString& address, const std::optional<quint16>& port)
    {
        return port ? QStringLiteral("%1[%2]").arg(address).arg(*port) : address;
    }

} // namespace

SpTableModel::SpTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

SpTableModel::~SpTableModel() = default;

int SpTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SpTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SpTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Src:
        return tr("Source");
    case Dst:
        return tr("Destination");
    case UpperProto:
        return tr("Protocol");
    case Direction:
        return tr("Direction");
    case Action:
        return tr("Action");
    case Templates:
        return tr("Templates");
    case Priority:
        return tr("Priority");
    case Id:
        return tr("Id");
    default:
        return {};
    }
}

QVariant SpTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const SecurityPolicy& sp = m_rows.at(index.row()).sp;
    if (role == Qt::UserRole && index.column() == Id)
        return qulonglong(sp.spid.value_or(0));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case Src:
        return selector(sp.src, sp.srcPort);
    case Dst:
        return selector(sp.dst, sp.dstPort);
    case UpperProto:
        return sp.upperProtoDetail.isEmpty() ? sp.upperProto : sp.upperProto + QLatin1Char(' ') + sp.upperProtoDetail;
    case Direction:
        return sp.dirText.isEmpty() ? directionName(sp.dir) : sp.dirText;
    case Action:
        return sp.actionText.isEmpty() ? actionName(sp.action) : sp.actionText;
    case Templates: {
        QStringList t;
        for (const PolicyTemplate& tp : sp.templates)
            t << tp.toString();
        return t.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(" "));
    }
    case Priority:
        return sp.priority;
    case Id:
        return sp.spid ? QString::number(*sp.spid) : QString();
    default:
        return {};
    }
}

void SpTableModel::apply(const QList<SecurityPolicy>& policies)
{
    QHash<QString, int> incoming;
    incoming.reserve(policies.size());
    QStringList keys;
    keys.reserve(policies.size());
    for (int i = 0; i < policies.size(); ++i) {
        keys.append(policies.at(i).key());
        incoming.insert(keys.last(), i);
    }

    // Removed: bottom up, in contiguous runs, so the rows above keep their numbers.
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
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    if (!gone.isEmpty()) {
        m_index.clear();
        for (int i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_rows.at(i).key, i);
    }

    // Changed: in place, one dataChanged per contiguous run.
    int runStart = -1;
    const auto flush = [&](int end) {
        if (runStart >= 0)
            emit dataChanged(index(runStart, 0), index(end, ColumnCount - 1));
        runStart = -1;
    };
    for (int i = 0; i < m_rows.size(); ++i) {
        Row& row = m_rows[i];
        const SecurityPolicy& fresh = policies.at(incoming.value(row.key));
        if (fresh == row.sp) {
            flush(i - 1);
            continue;
        }
        row.sp = fresh;
        if (runStart < 0)
            runStart = i;
    }
    flush(int(m_rows.size()) - 1);

    // New: appended in one batch (a key listed twice in one poll is one row: its last entry).
    QList<int> added;
    for (int i = 0; i < policies.size(); ++i)
        if (!m_index.contains(keys.at(i)) && incoming.value(keys.at(i)) == i)
            added.append(i);
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (int i : added) {
            m_index.insert(keys.at(i), int(m_rows.size()));
            m_rows.append(Row { keys.at(i), policies.at(i) });
        }
        endInsertRows();
    }
}

} // namespace ipsecwiz
