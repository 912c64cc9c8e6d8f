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
    // While the value under activeRole equals activeValue (a file downloading), the bar shows the
    // value under progressRole instead, in the running colour: the job is done, its file is not.
    void setSecondaryProgress(int activeRole, int activeValue, int progressRole);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_column;
    int m_progressRole;
    int m_categoryRole;
    int m_secondaryActiveRole = -1;
    int m_secondaryActiveValue = 0;
    int m_secondaryProgressRole = -1;
    // Never shown: gives the style the widget it expects, so style sheets and palettes apply.
    QProgressBar m_styleSource;
};
