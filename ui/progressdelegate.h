#pragma once

#include <QProgressBar>
#include <QStyledItemDelegate>

// Draws the job's progress as a real progress bar in its cell, coloured by the state's category
// (waiting, running, done, failed). Reads only model roles; other columns are drawn as usual.
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)

public:
    // column: the column to paint; progressRole / categoryRole: where the raw values are.
    ProgressDelegate(int column, int progressRole, int categoryRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_column;
    int m_progressRole;
    int m_categoryRole;
    // Never shown: gives the style the widget it expects, so style sheets and palettes apply.
    QProgressBar m_styleSource;
};
