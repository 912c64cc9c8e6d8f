#pragma once

#include <QHash>
#include <QTreeView>

class ThumbnailDelegate;

// The job list as the window shows it: whole rows selected, a progress bar per job, a thumbnail beside
// the result id (its box reserved in every row, so rows never change height), prose cut at the end and ids in the
// middle, columns sized from the font, newest first. It shows a model with JobModel's columns and roles.
class JobListView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListView)

public:
    explicit JobListView(QWidget *parent = nullptr);
    ~JobListView() override;

    // shown: the rows to show (the job model itself, or a filter over it). jobs: the job model.
    void setJobModel(QAbstractItemModel *shown, const QAbstractItemModel *jobs);
    // Fits the default columns into the viewport (no horizontal scroll bar): called on every resize.
    void fitColumns();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int promptMinimumWidth() const;

    const QAbstractItemModel *m_jobs = nullptr;
    ThumbnailDelegate *m_thumbnailDelegate;
    QHash<int, int> m_preferred; // column -> the width it has when there is room (default or the user's)
    QHash<int, int> m_floors;    // column -> the narrowest it gets in a narrow window
    bool m_fitting = false;
};
