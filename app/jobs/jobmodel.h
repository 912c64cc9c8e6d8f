#pragma once

#include "jobs/remixjob.h"

#include <QStringList>

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <QVector>

#include <optional>

class CostEstimator;
class JobList;

// The job list as the views see it: an adapter over JobList, which owns the jobs (the model never
// changes a job; qBittorrent's TransferListModel over its Session is the pattern). Rows are keyed by
// RemixJob::localId; the newest job is row 0. DisplayRole carries formatted, translated text (tr() is
// called in data(), never cached, so a language switch shows at once after retranslate()); the user
// roles carry raw values for the delegate, sorting and tests. A change in the list emits dataChanged
// only for the cells whose value changed, coalesced on a short timer.
class JobModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobModel)

public:
    enum Column
    {
        SourceColumn,
        PromptColumn,
        StatusColumn,
        ProgressColumn,
        ResultColumn,
        TimeColumn,
        CostColumn,
        ColumnCount
    };

    enum Role
    {
        JobIdRole = Qt::UserRole + 1, // QString localId
        StateRole,                    // int(JobState)
        StateCategoryRole,            // int(StateCategory), for the bar colour
        ProgressRole,                 // int 0-100
        SourceIdRole,                 // QString
        ResultIdRole,                 // QString
        PromptRole,                   // QString, full
        ErrorMessageRole,             // QString, translated user message ("" when none)
        ErrorDetailRole,              // QString, technical detail
        RawStatusRole,                // QString
        SubmittedAtRole,              // QDateTime
        RetryingRole,                 // bool
        ApiBaseRole,                  // QUrl
        ExpiresAtRole,                // QDateTime
        DownloadStateRole,            // int(DownloadState)
        DownloadProgressRole,         // int 0-100
        FilePathRole,                 // QString, the downloaded video ("" until done)
        ThumbnailPathRole,            // QString, a cached image file ("" when none)
        ParentJobIdRole,              // QString: localId of the job whose result is this job's source, or ""
        PollingStoppedRole,           // bool
        KindRole,                     // int(JobKind)
        CostRole,                     // double, the estimated cost (see CostEstimator); null when unknown
        CostCurrencyRole,             // QString, the currency of CostRole as the user wrote it
    };

    // list must outlive the model.
    explicit JobModel(JobList *list, QObject *parent = nullptr);
    ~JobModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    JobList *jobList() const { return m_list; }
    // Reading the jobs behind the rows (the list's, for the views' convenience).
    std::optional<RemixJob> job(const QString &localId) const;
    const RemixJob *jobAt(int row) const;    // valid until the list next changes
    int rowOf(const QString &localId) const; // -1 when absent
    QModelIndex indexOf(const QString &localId, int column = 0) const;
    QVector<RemixJob> jobs() const; // newest first

    // How long cell changes are gathered before dataChanged is emitted; 0 emits at once.
    void setCoalesceIntervalMs(int ms);
    // Emits the gathered dataChanged signals now.
    void flushPendingChanges();

    // Where the cost column's estimates come from (null: the column stays empty). Must outlive the model.
    void setCostEstimator(const CostEstimator *costs);

    // Call after the UI language changed: headers and every translated cell are re-read.
    void retranslate();

private:
    void onJobAdded(const QString &localId);
    void onOlderJobsAppended(const QStringList &newestFirst);
    void onJobChanged(const QString &localId, const RemixJob &previous);
    void onJobRemoved(const QString &localId);
    void reindex();
    QString displayText(const RemixJob &job, int column) const;
    QString statusText(const RemixJob &job) const;
    QString accessibleText(const RemixJob &job, int column) const;
    int indexOfRow(int row) const;
    int rowOfIndex(int storageIndex) const;

    JobList *m_list;
    QStringList m_ids;                        // the rows' job ids, oldest first
    QHash<QString, int> m_indexById;          // localId -> m_firstSeq + position in m_ids: never moves on insert
    int m_firstSeq = 0;                       // goes down as older jobs are put in front
    QHash<QString, quint32> m_pendingColumns; // localId -> bit mask of changed columns
    QTimer m_coalesceTimer;
    const CostEstimator *m_costs = nullptr;
};
