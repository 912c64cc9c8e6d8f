#pragma once

#include "jobs/remixjob.h"

#include <QFuture>
#include <QHash>
#include <QLockFile>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

class QSqlError;
class QSqlQuery;
class QThread;

// A job as kept in the history: the record plus the service it was sent to, so that a job still
// waiting or running after a restart is polled where it lives even if the settings changed since.
// The API key is never stored.
struct StoredJob
{
    RemixJob job;
    QString serviceBase; // ServiceEndpoint::apiBase at submission, as text; may be empty for old rows
};

// The job history in SQLite (Qt SQL), one row per job, written on every change in its own transaction.
//
// - One instance at a time: open() takes a QLockFile next to the database (`<db>.lock`); a second
//   instance (another process, or another JobStore in this one) gets Locked and nothing is touched.
// - A file that is not a readable SQLite database gets Corrupt and is left exactly as it was; only
//   moveAsideCorrupt() (after the user agreed) renames it, never a silent fresh start over old data.
// - A file written by a newer version gets NewerSchema and is left as it was.
// - The schema is versioned in meta(schema_version); migrations run in one transaction each on open().
//   Version 3 added polling_started_at (RemixJob::pollingStartedAt), the start of a job's polling time cap.
// - Journal mode WAL with synchronous=NORMAL: a commit survives the app being killed at any moment
//   (tested with SIGKILL in a loop); after a power loss the last commits may be lost, never the file.
// - A job saved while Submitting (the app died during its POST) comes back NotConfirmed: the POST may
//   have reached the service, so it is never sent again by itself.
// - loadAsync() reads on a worker thread with its own connection and delivers batches, so a long
//   history never blocks the window; loadAll() is the synchronous form.
class JobStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobStore)

public:
    enum class OpenResult
    {
        Ok,
        Locked,       // another instance holds the history; see lockOwnerPid()
        Corrupt,      // not a readable history; kept untouched, see moveAsideCorrupt()
        CannotCreate, // folder or file cannot be created, opened or written (permissions, disk full)
        NewerSchema,  // written by a newer version of the app; kept untouched
        UpgradeFailed // an older history could not be migrated; rolled back, kept as it was
    };
    Q_ENUM(OpenResult)

    // One migration step: brings the schema from version N to N + 1 inside a transaction that the
    // store opens and commits (and in which it also writes the new version). Returns false on error.
    using Migration = std::function<bool(QSqlDatabase &db)>;

    explicit JobStore(QObject *parent = nullptr);
    ~JobStore() override;

    // <AppDataLocation>/history.sqlite; creates the folder.
    static QString defaultPath();

    // The migrations of this version of the app: element N migrates from version N to N + 1.
    static QVector<Migration> builtInMigrations();
    // The schema version this build writes (builtInMigrations().size()).
    static int currentSchemaVersion();
    // For tests of future migrations: replaces the list before open().
    void setMigrations(const QVector<Migration> &migrations) { m_migrations = migrations; }

    OpenResult open(const QString &path);
    // Starts SQLite's integrity check of the file at path (quick_check: ~10 ms for 10,000 jobs) on a
    // pool thread. A later open() of that path takes its verdict instead of checking on its own thread,
    // waiting for it if it is still running, as long as the file (and its WAL) has not changed since.
    // main() starts it after the window's first frame and opens the history when it has finished, so
    // that the GUI thread is not held for the check. Does nothing for a file that does not exist. The
    // future finishes when the check has.
    static QFuture<void> checkIntegrityAhead(const QString &path);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_path; }

    // The translated explanation of the last open() failure (or of the last write failure), with the
    // way forward; empty after a successful open().
    QString errorMessage() const { return m_errorMessage; }
    // True when the last open() gave Locked because another process (not this one) holds the lock.
    bool isLockedByAnotherProcess() const { return m_lockedByOtherProcess; }
    // The process id that holds the lock after Locked, or 0 if unknown.
    qint64 lockOwnerPid() const { return m_lockOwnerPid; }

    // After Corrupt, and only when the user agreed: renames the database (and its -wal/-shm files)
    // to `<name>.corrupt-<yyyyMMdd-HHmmss>` so that the next open() starts a new history. The lock is
    // still held from the failed open(), so no other instance can interfere. Returns false if nothing
    // was renamed (see errorMessage()).
    bool moveAsideCorrupt();
    // Where moveAsideCorrupt() put the file.
    QString movedAsidePath() const { return m_movedAsidePath; }

    // The schema version of the open database (0 when none is open).
    int schemaVersion();
    // Number of jobs found Submitting by open() and turned into NotConfirmed.
    int recoveredUnconfirmedCount() const { return m_recoveredUnconfirmed; }

    // Inserts or updates the job in one transaction. A new job gets the next insertion number (its
    // place in the list); an update keeps it. An empty serviceBase keeps the stored one.
    // On failure returns false, logs, and emits writeFailed() with a translated message.
    bool save(const RemixJob &job, const QString &serviceBase = QString());
    // The same, later in this event-loop turn: every job saved so soon goes in one transaction (one
    // commit for the hundreds of changes a resumed history makes at once); a job saved twice is written
    // once, as it was last. save(), remove() and close() take the job out or write it first.
    void saveSoon(const RemixJob &job);
    // Writes what saveSoon() gathered now. False (and writeFailed()) when it could not.
    bool flushPendingSaves();
    bool remove(const QString &localId);

    // Every job, newest first, on the calling thread.
    QVector<StoredJob> loadAll();
    // Every job present now, newest first, read on a worker thread and delivered through jobsLoaded()
    // in batches (queued to this object's thread), then loadFinished(). Jobs saved after this call are
    // not delivered (the caller already has them). Returns false if not open or a load is under way.
    bool loadAsync(int batchSize = 100);
    bool isLoading() const { return m_loader != nullptr; }
    // For tests: called on the loading thread each time a batch has been queued for delivery (before
    // this object's thread has handed it out), so a test can act while batches are still in the queue.
    void setBatchQueuedHook(const std::function<void()> &hook) { m_batchQueuedHook = hook; }

signals:
    void jobsLoaded(const QVector<StoredJob> &batch);
    // ok is false when the read failed part-way (errorMessage() says why); count is what was delivered.
    void loadFinished(bool ok, int count);
    void writeFailed(const QString &message);

private:
    // Runs the prepared statement in its own transaction; an invalid error when it was committed.
    QSqlError execInTransaction(QSqlQuery &query);
    static void bindJob(QSqlQuery &query, const RemixJob &job, const QString &serviceBase);
    void reportSaveFailure(const QString &localId, const QSqlError &error);
    OpenResult fail(OpenResult result, const QString &message);
    OpenResult openDatabase();
    OpenResult migrate();
    bool prepareStatements();
    void releaseDatabase();
    void stopLoader();
    void deliverBatch(int generation, const QVector<StoredJob> &batch);
    void finishLoad(int generation, const QString &errorText);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QSqlQuery> m_saveQuery;
    std::unique_ptr<QSqlQuery> m_removeQuery;
    QVector<Migration> m_migrations;
    QString m_errorMessage;
    QString m_movedAsidePath;
    OpenResult m_lastResult = OpenResult::Ok;
    bool m_lockedByOtherProcess = false;
    qint64 m_lockOwnerPid = 0;
    int m_recoveredUnconfirmed = 0;
    QHash<QString, RemixJob> m_unsaved; // saveSoon(): localId -> the job as it was last given
    QStringList m_unsavedOrder;         // their ids, in the order they first came

    QThread *m_loader = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelLoad;
    std::function<void()> m_batchQueuedHook;
    bool m_loadOk = true;
    int m_loadedCount = 0;
    int m_loadGeneration = 0; // bumped by stopLoader(): batches of a stopped load are dropped
};

Q_DECLARE_METATYPE(StoredJob)
