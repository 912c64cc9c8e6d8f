#include "joblistview.h"

#include "jobs/jobmodel.h"
#include "jobs/remixjob.h"
#include "progressdelegate.h"
#include "thumbnaildelegate.h"

#include <QHeaderView>
#include <QResizeEvent>
#include <QStyledItemDelegate>

using namespace Qt::Literals::StringLiterals;

namespace {
// The view elides every column in the middle, which keeps both ends of an id (its prefix and its
// unique tail) visible. Prose reads better cut at the end, so the prompt and status columns get this.
class ElideRightDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideRight;
    }
};
} // namespace

JobListView::JobListView(QWidget *parent)
    : QTreeView(parent)
    , m_thumbnailDelegate(new ThumbnailDelegate(JobModel::ThumbnailPathRole, this))
{
    // Every row reserves the thumbnail's box from the start: rows keep their height when the first
    // thumbnail arrives (no jump under the pointer), and the ids of all rows start at the same x.
    m_thumbnailDelegate->setThumbnailsShown(true);
}

JobListView::~JobListView() = default;

void JobListView::setJobModel(QAbstractItemModel *shown, const QAbstractItemModel *jobs)
{
    m_jobs = jobs;
    setModel(shown);
    setRootIsDecorated(false);
    // Every row has the same height (the thumbnail's): long histories stay fast.
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAllColumnsShowFocus(true);
    setTextElideMode(Qt::ElideMiddle);
    setContextMenuPolicy(Qt::CustomContextMenu);
    auto *progress =
        new ProgressDelegate(JobModel::ProgressColumn, JobModel::ProgressRole, JobModel::StateCategoryRole, this);
    // A completed job whose file is still arriving shows the download's progress in its bar.
    progress->setSecondaryProgress(JobModel::DownloadStateRole, int(DownloadState::Downloading),
                                   JobModel::DownloadProgressRole);
    setItemDelegateForColumn(JobModel::ProgressColumn, progress);
    auto *elideRight = new ElideRightDelegate(this);
    setItemDelegateForColumn(JobModel::PromptColumn, elideRight);
    setItemDelegateForColumn(JobModel::StatusColumn, elideRight);
    setItemDelegateForColumn(JobModel::ResultColumn, m_thumbnailDelegate);

    QHeaderView *header = this->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(JobModel::PromptColumn, QHeaderView::Stretch);
    header->setSectionsMovable(true);
    // Widths from the font, so they fit in both languages and at any DPI: ids show their prefix and
    // tail, the status has room for a failure's short reason before the prompt gets any, the time for a
    // short date. The prompt takes what is left.
    const QFontMetrics metrics = fontMetrics();
    const int idWidth = metrics.horizontalAdvance(u"video_68d7512d0784819"_s);
    const int thumbnailWidth = m_thumbnailDelegate->thumbnailBox(metrics).width() + metrics.height();
    header->resizeSection(JobModel::SourceColumn, idWidth);
    header->resizeSection(JobModel::StatusColumn,
                          metrics.horizontalAdvance(u"Failed · blocked by moderation"_s) + metrics.height());
    header->resizeSection(JobModel::ProgressColumn, metrics.horizontalAdvance(u"100 %"_s) * 3);
    header->resizeSection(JobModel::ResultColumn, idWidth + thumbnailWidth);
    header->resizeSection(JobModel::TimeColumn, metrics.horizontalAdvance(u"2026-12-31 23:59"_s) + metrics.height());
    header->resizeSection(JobModel::CostColumn, metrics.horizontalAdvance(u"¥1,234.50"_s) + metrics.height());
    header->setMinimumSectionSize(metrics.horizontalAdvance(u"100 %"_s) + metrics.height());
    // The narrowest a column gets when the window is narrow (see fitColumns()).
    const int idFloor = metrics.horizontalAdvance(u"video_…0784819"_s) + metrics.height();
    m_floors = {{JobModel::SourceColumn, idFloor},
                {JobModel::ResultColumn, idFloor + thumbnailWidth},
                {JobModel::TimeColumn, metrics.horizontalAdvance(u"23:59 AM"_s) + metrics.height()},
                {JobModel::StatusColumn, metrics.horizontalAdvance(u"Completed · saved"_s) + metrics.height()},
                {JobModel::ProgressColumn, metrics.horizontalAdvance(u"100 %"_s) * 2},
                {JobModel::CostColumn, metrics.horizontalAdvance(u"$0.00"_s) + metrics.height()}};
    connect(header, &QHeaderView::sectionResized, this, [this](int logical, int, int newSize) {
        // A width the user chose is the one to come back to when the window grows again.
        if (!m_fitting && logical != JobModel::PromptColumn && !m_preferred.isEmpty())
            m_preferred[logical] = newSize;
    });
    // Newest first, unless the user chose another order (restored with the header state).
    sortByColumn(JobModel::TimeColumn, Qt::DescendingOrder);
    setSortingEnabled(true);
}

int JobListView::promptMinimumWidth() const
{
    return fontMetrics().horizontalAdvance(u"Make it night"_s) + fontMetrics().height();
}

void JobListView::fitColumns()
{
    // The default columns fit the viewport without a horizontal scroll bar: when the window is narrow the
    // id columns give way first (they elide in the middle, keeping prefix and tail), then the time, the
    // status and the bar, each down to a floor; they grow back to their widths when room returns.
    QHeaderView *header = this->header();
    const int available = viewport()->width();
    if (available <= 0 || header->count() != JobModel::ColumnCount)
        return;
    if (m_preferred.isEmpty()) {
        for (int column = 0; column < JobModel::ColumnCount; ++column)
            m_preferred.insert(column, header->sectionSize(column));
    }
    int needed = promptMinimumWidth();
    for (int column = 0; column < JobModel::ColumnCount; ++column) {
        if (column != JobModel::PromptColumn && !header->isSectionHidden(column))
            needed += m_preferred.value(column);
    }
    int excess = needed - available;
    QHash<int, int> widths = m_preferred;
    for (const int column : {int(JobModel::ResultColumn), int(JobModel::SourceColumn), int(JobModel::TimeColumn),
                             int(JobModel::StatusColumn), int(JobModel::ProgressColumn), int(JobModel::CostColumn)}) {
        if (excess <= 0)
            break;
        // Never narrower than the column's title in the current language.
        const int floor = qMax(m_floors.value(column), header->sectionSizeHint(column));
        const int give = qMax(0, qMin(excess, widths.value(column) - floor));
        widths[column] -= give;
        excess -= give;
    }
    m_fitting = true;
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        if (it.key() != JobModel::PromptColumn && header->sectionSize(it.key()) != it.value())
            header->resizeSection(it.key(), it.value());
    }
    m_fitting = false;
}

void JobListView::resizeEvent(QResizeEvent *event)
{
    QTreeView::resizeEvent(event);
    fitColumns();
}
