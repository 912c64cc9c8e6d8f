#pragma once

#include "jobs/remixjob.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <QVector>

#include <optional>

// The job list. Rows are keyed by RemixJob::localId; the newest job is row 0. DisplayRole carries
// formatted, translated text (tr() is called in data(), never cached, so a language switch shows at
// once after retranslate()); the user roles carry raw values for the delegate, sorting and tests.
// updateJob() emits dataChanged only for the cells whose value changed, coalesced on a short timer.
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
    };

    explicit JobModel(QObject *parent = nullptr);
    ~JobModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Inserts a new job at the top (row 0). A job whose localId is already present is ignored.
    void addJob(const RemixJob &job);
    // Appends older jobs below the existing rows (history loading, given newest first), in one insert.
    void appendOlderJobs(const QVector<RemixJob> &newestFirst);
    // Replaces the stored job with the same localId and schedules dataChanged for the changed cells.
    void updateJob(const RemixJob &job);
    void removeJob(const QString &localId);

    std::optional<RemixJob> job(const QString &localId) const;
    const RemixJob *jobAt(int row) const;
    int rowOf(const QString &localId) const; // -1 when absent
    QModelIndex indexOf(const QString &localId, int column = 0) const;
    QVector<RemixJob> jobs() const; // newest first

    // How long cell changes are gathered before dataChanged is emitted; 0 emits at once.
    void setCoalesceIntervalMs(int ms);
    // Emits the gathered dataChanged signals now.
    void flushPendingChanges();

    // Call after the UI language changed: headers and every translated cell are re-read.
    void retranslate();

signals:
    // Emitted at once (not coalesced) whenever a job was added or changed: the history store listens.
    void jobChanged(const QString &localId);
    void jobRemoved(const QString &localId);

private:
    QString displayText(const RemixJob &job, int column) const;
    QString statusText(const RemixJob &job) const;
    QString accessibleText(const RemixJob &job, int column) const;
    int indexOfRow(int row) const;
    int rowOfIndex(int storageIndex) const;

    QVector<RemixJob> m_jobs;                 // oldest first, so existing storage indexes never move on insert
    QHash<QString, QString> m_jobIdByResult;  // resultVideoId -> localId, for lineage
    QHash<QString, int> m_indexById;          // localId -> position in m_jobs
    QHash<QString, quint32> m_pendingColumns; // localId -> bit mask of changed columns
    QTimer m_coalesceTimer;
};
