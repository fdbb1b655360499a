#pragma once

// The policy table of the monitor: one row per SP, matched across polls by selector and
// direction (SecurityPolicy::key()), so a poll inserts, removes or changes rows in place and never
// resets the model — selection, sorting and scroll position survive.

#include "SecuritySnapshot.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ipsecwiz {

class SpTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpTableModel)

public:
    enum Column { Src, Dst, UpperProto, Direction, Action, Templates, Priority, Id, ColumnCount };

    explicit SpTableModel(QObject* parent = nullptr);
    ~SpTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void apply(const QList<SecurityPolicy>& policies);
    [[nodiscard]] const SecurityPolicy& policy(int row) const { return m_rows.at(row).sp; }

private:
    struct Row
    {
        QString key;
        SecurityPolicy sp;
    };

    QList<Row> m_rows;
    QHash<QString, int> m_index; // key → row
};

} // namespace ipsecwiz
