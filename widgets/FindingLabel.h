#pragma once

// The message under an input: what validate() says about that one field, errors in red and
// warnings in amber, with the fix when there is one. Hidden while there is nothing to say.

#include "Validation.h"

#include <QLabel>

class QListWidget;
class QTableWidgetItem;

namespace ipsecwiz {

class FindingLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingLabel)

public:
    // `field` is the finding's field id; the label is named "<field>.message" for tests.
    explicit FindingLabel(const QString& field, QWidget* parent = nullptr);
    ~FindingLabel() override;

    [[nodiscard]] const QString& field() const { return m_field; }
    // Shows these findings (all about this label's field); an empty list hides the label.
    // `input`, when given, gets the text as its accessible description for screen readers.
    void showFindings(const QList<Finding>& findings, QWidget* input = nullptr);
    [[nodiscard]] const QList<Finding>& findings() const { return m_findings; }
    [[nodiscard]] QString plainMessage() const;

    static QColor errorColour(const QPalette& palette);
    static QColor warningColour(const QPalette& palette);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    QString m_field;
    QList<Finding> m_findings;
};

// The findings about PATH and what lies under it ("sites[3]", "sites[3].gateway.…",
// "tunnels[\"x\"].esp…"), errors first.
QList<Finding> findingsUnder(const QList<Finding>& all, const QString& path);
// A table row's message cell PROBLEM: the first finding's message in its colour, all of them as
// its tooltip; NAME, the row's first cell, gets the message as its accessible description.
void showRowFindings(QTableWidgetItem* problem, QTableWidgetItem* name, const QList<Finding>& findings, const QPalette& palette);

// LIST cleared and filled with FINDINGS, each with its error or warning icon (the Review page's and
// the main window's list).
void fillFindingList(QListWidget* list, const QList<Finding>& findings);

} // namespace ipsecwiz
