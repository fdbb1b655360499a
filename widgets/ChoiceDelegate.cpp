#include "ChoiceDelegate.h"

#include <QComboBox>
#include <QLineEdit>

namespace ipsecwiz {

ChoiceDelegate::ChoiceDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

ChoiceDelegate::~ChoiceDelegate() = default;

void ChoiceDelegate::setChoices(int column, const QList<Choice>& choices)
{
    m_choices.insert(column, choices);
}

QString ChoiceDelegate::labelOf(int column, const QString& id) const
{
    for (const Choice& c : m_choices.value(column))
        if (c.id == id)
            return c.label;
    return id;
}

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (const auto it = m_choices.constFind(index.column()); it != m_choices.cend()) {
        auto* combo = new QComboBox(parent);
        for (const Choice& c : *it)
            combo->addItem(c.label, c.id);
        connect(combo, &QComboBox::activated, this, [this, combo] { Q_EMIT const_cast<ChoiceDelegate*>(this)->commitData(combo); });
        return combo;
    }
    QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto* line = qobject_cast<QLineEdit*>(editor))
        connect(line, &QLineEdit::textEdited, this, [this, line] { Q_EMIT const_cast<ChoiceDelegate*>(this)->commitData(line); });
    return editor;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::UserRole))));
        return;
    }
    // A keystroke's commit must not put the cursor back to the end of the text.
    if (auto* line = qobject_cast<QLineEdit*>(editor); line && line->text() == index.data(Qt::EditRole).toString())
        return;
    QStyledItemDelegate::setEditorData(editor, index);
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData(), Qt::UserRole);
        model->setData(index, combo->currentText(), Qt::DisplayRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace ipsecwiz
