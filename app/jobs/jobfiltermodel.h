#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>
#include <QVector>

class JobModel;

// The filter bar's model: a status bucket (All, Active, Completed, Failed) and a search over source id,
// result id and prompt, with live counts per bucket. Sorting uses the raw user roles, not display text.
class JobFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFilterModel)

public:
    enum class Bucket
    {
        All,
        Active,    // submitting, waiting, running, unknown status
        Completed, // completed
        Failed,    // failed, cancelled, expired, not sent, not confirmed
    };
    Q_ENUM(Bucket)

    explicit JobFilterModel(QObject *parent = nullptr);
    ~JobFilterModel() override;

    void setJobModel(JobModel *model);

    void setBucket(Bucket bucket);
    Bucket bucket() const { return m_bucket; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

    // Jobs in each bucket over the whole list (not only the filtered rows), for "Failed (3)".
    int count(Bucket bucket) const;
    static Bucket bucketOf(int jobState);
    // How many times the counts were made over every row (once per model set or reset; a change of
    // some rows recounts only those). For tests.
    int fullRecountCount() const { return m_fullRecounts; }

signals:
    void countsChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void recount();
    void countInserted(int first, int last);
    void countRemoved(int first, int last);
    void countChanged(int first, int last);
    void emitIfChanged(const int (&before)[4]);
    quint8 bucketOfRow(int row) const;
    QString searchTextOfRow(int row) const;
    qint64 timeOfRow(int row) const;

    Bucket m_bucket = Bucket::All;
    QString m_search;
    int m_counts[4] = {0, 0, 0, 0};
    int m_fullRecounts = 0;
    QString m_searchFolded;
    QVector<quint8> m_rowBuckets; // the bucket of each source row, as counted
    QStringList m_rowSearchText;  // each source row's ids and prompt, case-folded, for the search
    QVector<qint64> m_rowTimes;   // each source row's submission time (ms since the epoch), for sorting
};
