#pragma once

// Table cells that are edited as the admin types: a text cell commits every keystroke (so the
// row's message beside it follows at once, as a form's fields do), and a choice cell (how a
// gateway is reached, its software) is a combo box holding ids in Qt::UserRole.

#include <QStyledItemDelegate>

namespace ipsecwiz {

class ChoiceDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChoiceDelegate)

public:
    struct Choice
    {
        QString id;
        QString label;
    };

    explicit ChoiceDelegate(QObject* parent = nullptr);
    ~ChoiceDelegate() override;

    // Column COLUMN is a choice among CHOICES; every other column is text.
    void setChoices(int column, const QList<Choice>& choices);
    [[nodiscard]] QString labelOf(int column, const QString& id) const;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    QHash<int, QList<Choice>> m_choices;
};

} // namespace ipsecwiz
