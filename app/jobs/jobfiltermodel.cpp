#include "jobs/jobfiltermodel.h"

#include "jobs/jobmodel.h"
#include "jobs/jobstate.h"

JobFilterModel::JobFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(Qt::DisplayRole);
}

JobFilterModel::~JobFilterModel() = default;

void JobFilterModel::setJobModel(JobModel *model)
{
    setSourceModel(model);
    const auto recountLater = [this] {
        recount();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, recountLater);
    connect(model, &QAbstractItemModel::rowsRemoved, this, recountLater);
    connect(model, &QAbstractItemModel::modelReset, this, recountLater);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // Only the status column moves a job between buckets.
                if (topLeft.column() <= JobModel::StatusColumn && bottomRight.column() >= JobModel::StatusColumn)
                    recount();
            });
    recount();
}

JobFilterModel::Bucket JobFilterModel::bucketOf(int jobState)
{
    const auto state = JobState(jobState);
    if (state == JobState::Completed)
        return Bucket::Completed;
    if (JobStates::category(state) == StateCategory::Failed || state == JobState::NotConfirmed)
        return Bucket::Failed;
    return Bucket::Active;
}

void JobFilterModel::setBucket(Bucket bucket)
{
    if (bucket == m_bucket)
        return;
    m_bucket = bucket;
    invalidateFilter();
}

void JobFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

int JobFilterModel::count(Bucket bucket) const
{
    return m_counts[int(bucket)];
}

void JobFilterModel::recount()
{
    int counts[4] = {0, 0, 0, 0};
    const QAbstractItemModel *model = sourceModel();
    const int rows = model ? model->rowCount() : 0;
    for (int row = 0; row < rows; ++row) {
        const int state = model->index(row, 0).data(JobModel::StateRole).toInt();
        ++counts[int(bucketOf(state))];
    }
    counts[int(Bucket::All)] = rows;
    if (std::equal(std::begin(counts), std::end(counts), std::begin(m_counts)))
        return;
    std::copy(std::begin(counts), std::end(counts), std::begin(m_counts));
    emit countsChanged();
}

bool JobFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_bucket != Bucket::All && bucketOf(index.data(JobModel::StateRole).toInt()) != m_bucket)
        return false;
    if (m_search.isEmpty())
        return true;
    for (const int role : {JobModel::SourceIdRole, JobModel::ResultIdRole, JobModel::PromptRole}) {
        if (index.data(role).toString().contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool JobFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Raw values, so "9 %" sorts before "10 %" and times sort as times in every language.
    switch (left.column()) {
    case JobModel::ProgressColumn:
        return left.data(JobModel::ProgressRole).toInt() < right.data(JobModel::ProgressRole).toInt();
    case JobModel::StatusColumn:
        return left.data(JobModel::StateRole).toInt() < right.data(JobModel::StateRole).toInt();
    case JobModel::TimeColumn:
        return left.data(JobModel::SubmittedAtRole).toDateTime() < right.data(JobModel::SubmittedAtRole).toDateTime();
    default:
        return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
    }
}
