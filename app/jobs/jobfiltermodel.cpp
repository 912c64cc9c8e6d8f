#include "jobs/jobfiltermodel.h"

#include "jobs/jobmodel.h"
#include "jobs/jobstate.h"

#include <QDateTime>

#include <limits>

JobFilterModel::JobFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(Qt::DisplayRole);
}

JobFilterModel::~JobFilterModel() = default;

void JobFilterModel::setJobModel(JobModel *model)
{
    // The counts are kept per change: only the rows that came, went or changed are read (a history of
    // thousands of jobs must not be read again for every poll answer). A reset or a move reads all.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (!parent.isValid())
            countInserted(first, last);
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &parent, int first, int last) {
        if (!parent.isValid())
            countRemoved(first, last);
    });
    connect(model, &QAbstractItemModel::modelReset, this, &JobFilterModel::recount);
    connect(model, &QAbstractItemModel::layoutChanged, this, &JobFilterModel::recount);
    connect(model, &QAbstractItemModel::rowsMoved, this, &JobFilterModel::recount);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                for (int row = qMax(0, topLeft.row()); row <= bottomRight.row() && row < m_rowSearchText.size(); ++row)
                    m_rowSearchText[row] = searchTextOfRow(row);
                if (topLeft.column() <= JobModel::TimeColumn && bottomRight.column() >= JobModel::TimeColumn) {
                    for (int row = qMax(0, topLeft.row()); row <= bottomRight.row() && row < m_rowTimes.size(); ++row)
                        m_rowTimes[row] = timeOfRow(row);
                }
                // Only the status column moves a job between buckets.
                if (topLeft.column() <= JobModel::StatusColumn && bottomRight.column() >= JobModel::StatusColumn)
                    countChanged(topLeft.row(), bottomRight.row());
            });
    // Connected before the proxy's own handlers (setSourceModel()), so the caches that
    // filterAcceptsRow() reads are up to date when the proxy filters the rows that changed.
    setSourceModel(model);
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
    m_searchFolded = trimmed.toCaseFolded();
    invalidateFilter();
}

int JobFilterModel::count(Bucket bucket) const
{
    return m_counts[int(bucket)];
}

quint8 JobFilterModel::bucketOfRow(int row) const
{
    return quint8(bucketOf(sourceModel()->index(row, 0).data(JobModel::StateRole).toInt()));
}

qint64 JobFilterModel::timeOfRow(int row) const
{
    const QDateTime time = sourceModel()->index(row, 0).data(JobModel::SubmittedAtRole).toDateTime();
    return time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

QString JobFilterModel::searchTextOfRow(int row) const
{
    const QModelIndex index = sourceModel()->index(row, 0);
    // One string per row, folded once: a search then compares plain text, however many rows there are.
    // A separator no search can contain keeps the fields apart.
    return QString(index.data(JobModel::SourceIdRole).toString() + QChar(u'\n')
                   + index.data(JobModel::ResultIdRole).toString() + QChar(u'\n')
                   + index.data(JobModel::PromptRole).toString())
        .toCaseFolded();
}

void JobFilterModel::recount()
{
    ++m_fullRecounts;
    const int counts[4] = {m_counts[0], m_counts[1], m_counts[2], m_counts[3]};
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    const QAbstractItemModel *model = sourceModel();
    const int rows = model ? model->rowCount() : 0;
    m_rowBuckets.resize(rows);
    m_rowSearchText.resize(rows);
    m_rowTimes.resize(rows);
    for (int row = 0; row < rows; ++row) {
        m_rowSearchText[row] = searchTextOfRow(row);
        m_rowTimes[row] = timeOfRow(row);
        m_rowBuckets[row] = bucketOfRow(row);
        ++m_counts[m_rowBuckets.at(row)];
    }
    m_counts[int(Bucket::All)] = rows;
    emitIfChanged(counts);
}

void JobFilterModel::countInserted(int first, int last)
{
    const int counts[4] = {m_counts[0], m_counts[1], m_counts[2], m_counts[3]};
    QVector<quint8> inserted;
    inserted.reserve(last - first + 1);
    for (int row = first; row <= last; ++row) {
        inserted.append(bucketOfRow(row));
        ++m_counts[inserted.constLast()];
    }
    QStringList texts;
    texts.reserve(last - first + 1);
    for (int row = first; row <= last; ++row)
        texts.append(searchTextOfRow(row));
    m_rowSearchText.insert(first, texts.size(), QString());
    std::move(texts.begin(), texts.end(), m_rowSearchText.begin() + first);
    m_rowBuckets.insert(first, inserted.size(), 0);
    std::copy(inserted.cbegin(), inserted.cend(), m_rowBuckets.begin() + first);
    m_rowTimes.insert(first, last - first + 1, 0);
    for (int row = first; row <= last; ++row)
        m_rowTimes[row] = timeOfRow(row);
    m_counts[int(Bucket::All)] = int(m_rowBuckets.size());
    emitIfChanged(counts);
}

void JobFilterModel::countRemoved(int first, int last)
{
    const int counts[4] = {m_counts[0], m_counts[1], m_counts[2], m_counts[3]};
    for (int row = first; row <= last && row < m_rowBuckets.size(); ++row)
        --m_counts[m_rowBuckets.at(row)];
    m_rowBuckets.remove(first, qMin(last + 1, int(m_rowBuckets.size())) - first);
    m_rowSearchText.remove(first, qMin(last + 1, int(m_rowSearchText.size())) - first);
    m_rowTimes.remove(first, qMin(last + 1, int(m_rowTimes.size())) - first);
    m_counts[int(Bucket::All)] = int(m_rowBuckets.size());
    emitIfChanged(counts);
}

void JobFilterModel::countChanged(int first, int last)
{
    const int counts[4] = {m_counts[0], m_counts[1], m_counts[2], m_counts[3]};
    for (int row = qMax(0, first); row <= last && row < m_rowBuckets.size(); ++row) {
        const quint8 bucket = bucketOfRow(row);
        if (bucket == m_rowBuckets.at(row))
            continue;
        --m_counts[m_rowBuckets.at(row)];
        ++m_counts[bucket];
        m_rowBuckets[row] = bucket;
    }
    emitIfChanged(counts);
}

void JobFilterModel::emitIfChanged(const int (&before)[4])
{
    if (!std::equal(std::begin(before), std::end(before), std::begin(m_counts)))
        emit countsChanged();
}

bool JobFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // The cached bucket and text of the row (kept per change, see setJobModel()); read from the model
    // only for a row the caches do not cover.
    const bool cached =
        !sourceParent.isValid() && sourceRow < m_rowBuckets.size() && sourceRow < m_rowSearchText.size();
    if (cached) {
        if (m_bucket != Bucket::All && m_rowBuckets.at(sourceRow) != quint8(m_bucket))
            return false;
        return m_search.isEmpty() || m_rowSearchText.at(sourceRow).contains(m_searchFolded);
    }
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
        // The cached instants (a sort of 10,000 rows compares 130,000 times; reading each job's time as a
        // QVariant made a filter change take 20 ms).
        if (!left.parent().isValid() && !right.parent().isValid() && left.row() < m_rowTimes.size()
            && right.row() < m_rowTimes.size())
            return m_rowTimes.at(left.row()) < m_rowTimes.at(right.row());
        return left.data(JobModel::SubmittedAtRole).toDateTime() < right.data(JobModel::SubmittedAtRole).toDateTime();
    default:
        return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
    }
}
