#include "progressdelegate.h"

#include "jobs/jobstate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace {
// The bar's fill colour for each state family. Fixed hues rather than palette roles, because the
// point is that "done" reads as green and "failed" as red in every theme; they are mid-tones so
// white text on them stays legible on light and dark palettes alike.
QColor fillColour(StateCategory category)
{
    switch (category) {
    case StateCategory::Waiting:
        return QColor(0x78, 0x90, 0x9c); // blue-grey: nothing is happening yet
    case StateCategory::Running:
        return QColor(0x1e, 0x78, 0xd2); // blue
    case StateCategory::Done:
        return QColor(0x2e, 0x8b, 0x3e); // green
    case StateCategory::Failed:
        return QColor(0xc6, 0x28, 0x28); // red
    }
    return QColor(0x78, 0x90, 0x9c);
}
} // namespace

ProgressDelegate::ProgressDelegate(int column, int progressRole, int categoryRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_column(column)
    , m_progressRole(progressRole)
    , m_categoryRole(categoryRole)
{
    m_styleSource.setRange(0, 100);
    m_styleSource.setTextVisible(true);
}

void ProgressDelegate::setSecondaryProgress(int activeRole, int activeValue, int progressRole)
{
    m_secondaryActiveRole = activeRole;
    m_secondaryActiveValue = activeValue;
    m_secondaryProgressRole = progressRole;
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != m_column) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    QStyleOptionViewItem viewOption(option);
    initStyleOption(&viewOption, index);
    const QWidget *view = option.widget;
    QStyle *style = view ? view->style() : QApplication::style();

    // The cell background first (selection, hover, alternating rows), without the cell's own text:
    // the bar carries the text.
    viewOption.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &viewOption, painter, view);

    int progress = qBound(0, index.data(m_progressRole).toInt(), 100);
    auto category = StateCategory(index.data(m_categoryRole).toInt());
    if (m_secondaryActiveRole >= 0 && index.data(m_secondaryActiveRole).toInt() == m_secondaryActiveValue) {
        progress = qBound(0, index.data(m_secondaryProgressRole).toInt(), 100);
        category = StateCategory::Running;
    }

    QStyleOptionProgressBar bar;
    bar.initFrom(&m_styleSource);
    // A little air around the bar so neighbouring rows' bars do not touch.
    const int margin = qMax(1, option.fontMetrics.height() / 8);
    bar.rect = option.rect.adjusted(margin, margin, -margin, -margin);
    // In tall rows (thumbnails) the bar keeps a text line's height, centred, instead of a block.
    const int barHeight = option.fontMetrics.height() + option.fontMetrics.height() / 2;
    if (bar.rect.height() > barHeight)
        bar.rect = QRect(bar.rect.left(), bar.rect.center().y() - barHeight / 2, bar.rect.width(), barHeight);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = progress;
    // The model formats the percentage (spacing and digits follow the UI language).
    bar.text = index.data(Qt::DisplayRole).toString();
    if (bar.text.isEmpty())
        bar.text = tr("%1 %", "progress percentage").arg(progress);
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.fontMetrics = option.fontMetrics;
    bar.direction = option.direction;
    // Qt 6 dropped QStyleOptionProgressBar::orientation: without State_Horizontal the styles draw the
    // bar as a vertical one (an empty or wrongly filled cell).
    bar.state = option.state | QStyle::State_Enabled | QStyle::State_Horizontal;

    // The view's palette (light or dark theme), with the fill in the state's colour. The styles draw
    // the text over the filled part in HighlightedText and the rest in Text.
    bar.palette = option.palette;
    const QColor fill = fillColour(category);
    bar.palette.setColor(QPalette::Highlight, fill);
    bar.palette.setColor(QPalette::HighlightedText, Qt::white);
    if (category == StateCategory::Failed) {
        // A failed job often stopped at 0 %: an empty red "0 %" bar looks stuck. A full, muted bar with the
        // state's word (the model's text) reads as "over" instead; the status column says why.
        bar.progress = bar.maximum;
        const QColor base = option.palette.color(QPalette::Base);
        const QColor muted =
            QColor::fromRgbF(base.redF() * 0.75f + fill.redF() * 0.25f, base.greenF() * 0.75f + fill.greenF() * 0.25f,
                             base.blueF() * 0.75f + fill.blueF() * 0.25f);
        bar.palette.setColor(QPalette::Highlight, muted);
        bar.palette.setColor(QPalette::HighlightedText, option.palette.color(QPalette::Text));
    }

    painter->save();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, &m_styleSource);
    painter->restore();
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() != m_column)
        return size;
    // The plain text size would make the row as tall as a line of text, which squeezes the bar's frame
    // against the text; and "100 %" needs room beside the bar's borders.
    const QFontMetrics &metrics = option.fontMetrics;
    size.setHeight(qMax(size.height(), metrics.height() + metrics.height() / 2));
    size.setWidth(qMax(size.width(), metrics.horizontalAdvance(QStringLiteral("100 %")) * 3));
    return size;
}
