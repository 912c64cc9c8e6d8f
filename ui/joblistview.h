#pragma once

#include <QTreeView>

class ThumbnailDelegate;

// The job list as the window shows it: whole rows selected, a progress bar per job, a thumbnail beside
// the result id once the first thumbnail exists, prose cut at the end and ids in the middle, columns
// sized from the font, newest first. It shows a model with JobModel's columns and roles.
class JobListView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListView)

public:
    explicit JobListView(QWidget *parent = nullptr);
    ~JobListView() override;

    // shown: the rows to show (the job model itself, or a filter over it). jobs: the job model, watched
    // for the first thumbnail, which makes every row grow to a thumbnail's height.
    void setJobModel(QAbstractItemModel *shown, const QAbstractItemModel *jobs);

private:
    void watchForThumbnails(int firstRow, int lastRow);

    const QAbstractItemModel *m_jobs = nullptr;
    ThumbnailDelegate *m_thumbnailDelegate;
};
