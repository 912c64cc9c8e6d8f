#include "joblistview.h"

#include "jobs/jobmodel.h"
#include "jobs/remixjob.h"
#include "progressdelegate.h"
#include "thumbnaildelegate.h"

#include <QHeaderView>
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
{}

JobListView::~JobListView() = default;

void JobListView::setJobModel(QAbstractItemModel *shown, const QAbstractItemModel *jobs)
{
    m_jobs = jobs;
    setModel(shown);
    setRootIsDecorated(false);
    // Every row has the same height (with thumbnails, the thumbnail's): long histories stay fast.
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
    // tail, the status has room for "In progress · retrying", the time for a short date.
    const QFontMetrics metrics = fontMetrics();
    const int idWidth = metrics.horizontalAdvance(u"video_68d7512d0784819"_s);
    header->resizeSection(JobModel::SourceColumn, idWidth);
    header->resizeSection(JobModel::StatusColumn, metrics.horizontalAdvance(u"In progress · retrying"_s));
    header->resizeSection(JobModel::ProgressColumn, metrics.horizontalAdvance(u"100 %"_s) * 4);
    header->resizeSection(JobModel::ResultColumn, idWidth);
    header->resizeSection(JobModel::TimeColumn, metrics.horizontalAdvance(u"2026-12-31 23:59"_s) + metrics.height());
    header->setMinimumSectionSize(metrics.horizontalAdvance(u"100 %"_s) + metrics.height());
    // Newest first, unless the user chose another order (restored with the header state).
    sortByColumn(JobModel::TimeColumn, Qt::DescendingOrder);
    setSortingEnabled(true);

    connect(jobs, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                watchForThumbnails(topLeft.row(), bottomRight.row());
            });
    connect(jobs, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { watchForThumbnails(first, last); });
    connect(jobs, &QAbstractItemModel::modelReset, this, [this] { watchForThumbnails(0, m_jobs->rowCount() - 1); });
    watchForThumbnails(0, jobs->rowCount() - 1);
}

void JobListView::watchForThumbnails(int firstRow, int lastRow)
{
    // Rows grow to the thumbnail's height once the first thumbnail exists; until then a text-only list
    // keeps its compact rows. Never back: rows do not jump when a job is removed.
    if (m_thumbnailDelegate->thumbnailsShown())
        return;
    for (int row = qMax(0, firstRow); row <= lastRow && row < m_jobs->rowCount(); ++row) {
        if (m_jobs->index(row, 0).data(JobModel::ThumbnailPathRole).toString().isEmpty())
            continue;
        m_thumbnailDelegate->setThumbnailsShown(true);
        QHeaderView *header = this->header();
        const QFontMetrics metrics = fontMetrics();
        const int wanted = metrics.horizontalAdvance(u"video_68d7512d0784819"_s)
                           + m_thumbnailDelegate->thumbnailBox(metrics).width() + metrics.height();
        if (header->sectionSize(JobModel::ResultColumn) < wanted)
            header->resizeSection(JobModel::ResultColumn, wanted);
        doItemsLayout();
        return;
    }
}
