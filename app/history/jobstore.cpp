#include "history/jobstore.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

// The first 16 bytes of every SQLite 3 database.
constexpr char SqliteMagic[] = "SQLite format 3";
constexpr qsizetype SqliteHeaderSize = 100;

// SQLite primary result codes (the driver reports them in QSqlError::nativeErrorCode()).
enum SqliteCode
{
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADb = 26,
};

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

bool isCorruption(const QSqlError &error)
{
    const int code = sqliteCode(error);
    return code == SqliteCorrupt || code == SqliteNotADb;
}

bool isBusy(const QSqlError &error)
{
    const int code = sqliteCode(error);
    return code == SqliteBusy || code == SqliteLocked;
}

QString nextConnectionName(QLatin1StringView role)
{
    static std::atomic_int counter{0};
    return u"videoremix-store-%1-%2"_s.arg(role).arg(++counter);
}

// SQLite's quick_check on an open connection: its first row ("ok" when the file is sound), or the
// error that stopped it.
struct IntegrityVerdict
{
    bool ran = false;
    QString firstRow;
    QSqlError error;
};

IntegrityVerdict quickCheck(const QSqlDatabase &db)
{
    IntegrityVerdict verdict;
    QSqlQuery check(db);
    verdict.ran = check.exec(u"PRAGMA quick_check"_s) && check.next();
    if (verdict.ran)
        verdict.firstRow = check.value(0).toString();
    else
        verdict.error = check.lastError();
    return verdict;
}

// What identifies the file as checked: its size and modification time, and its WAL's. An empty WAL
// (a connection that opens the file creates one) holds nothing: the same as none.
QString fileStamp(const QString &path)
{
    const QFileInfo file(path);
    const QFileInfo wal(path + u"-wal"_s);
    const bool walHoldsFrames = wal.exists() && wal.size() > 0;
    return u"%1/%2/%3/%4"_s.arg(file.size())
        .arg(file.lastModified().toMSecsSinceEpoch())
        .arg(walHoldsFrames ? wal.size() : 0)
        .arg(walHoldsFrames ? wal.lastModified().toMSecsSinceEpoch() : 0);
}

struct AheadCheck
{
    QString stamp; // of the file when the check began
    QFuture<IntegrityVerdict> verdict;
};

// The checks started by JobStore::checkIntegrityAhead(), by absolute path; taken by open().
QMutex aheadChecksMutex;
QHash<QString, AheadCheck> aheadChecks;

// The columns in the order readRow() expects.
constexpr auto SelectColumns = "local_id, source_video_id, prompt, result_video_id, state, progress, raw_status, "
                               "error_json, retrying, polling_stopped, submitted_at, updated_at, completed_at, "
                               "service_base, profile_id, expires_at, download_url, download_state, "
                               "download_progress, file_path, download_error, thumbnail_path, polling_started_at, "
                               "job_kind, model, seconds, size, reference"_L1;

QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime timeFromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// NULL for "no error"; otherwise ApiError's stored form.
QVariant errorToJson(const ApiError &error)
{
    const QJsonObject object = error.toStoredJson();
    if (object.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ApiError errorFromJson(const QVariant &value)
{
    if (value.isNull())
        return ApiError();
    return ApiError::fromStoredJson(QJsonDocument::fromJson(value.toString().toUtf8()).object());
}

const QList<QPair<DownloadState, QString>> &downloadStateKeys()
{
    static const QList<QPair<DownloadState, QString>> keys = {
        {DownloadState::None, u"none"_s},
        {DownloadState::Pending, u"pending"_s},
        {DownloadState::Downloading, u"downloading"_s},
        {DownloadState::Done, u"done"_s},
        {DownloadState::Failed, u"failed"_s},
        {DownloadState::Expired, u"expired"_s},
    };
    return keys;
}

QString downloadStateKey(DownloadState state)
{
    for (const auto &entry : downloadStateKeys()) {
        if (entry.first == state)
            return entry.second;
    }
    return u"none"_s;
}

DownloadState downloadStateFromKey(const QString &key)
{
    for (const auto &entry : downloadStateKeys()) {
        if (entry.second == key)
            return entry.first;
    }
    return DownloadState::None;
}

StoredJob readRow(const QSqlQuery &query)
{
    StoredJob stored;
    RemixJob &job = stored.job;
    job.localId = query.value(0).toString();
    job.sourceVideoId = query.value(1).toString();
    job.prompt = query.value(2).toString();
    job.resultVideoId = query.value(3).toString();
    job.state = JobStates::fromStorageKey(query.value(4).toString());
    job.progress = query.value(5).toInt();
    job.rawStatus = query.value(6).toString();
    job.error = errorFromJson(query.value(7));
    job.retrying = query.value(8).toInt() != 0;
    job.pollingStopped = query.value(9).toInt() != 0;
    job.submittedAt = timeFromMs(query.value(10));
    job.updatedAt = timeFromMs(query.value(11));
    job.completedAt = timeFromMs(query.value(12));
    stored.serviceBase = query.value(13).toString();
    job.apiBase = QUrl(stored.serviceBase);
    job.profileId = query.value(14).toString();
    job.expiresAt = timeFromMs(query.value(15));
    job.downloadUrl = QUrl(query.value(16).toString());
    job.downloadState = downloadStateFromKey(query.value(17).toString());
    job.downloadProgress = query.value(18).toInt();
    job.filePath = query.value(19).toString();
    job.downloadFailure = DownloadFailure::fromStorage(query.value(20).toString());
    job.thumbnailPath = query.value(21).toString();
    job.pollingStartedAt = timeFromMs(query.value(22));
    job.kind = JobKinds::fromStorageKey(query.value(23).toString());
    job.model = query.value(24).toString();
    job.seconds = query.value(25).toString();
    job.size = query.value(26).toString();
    job.reference = query.value(27).toString();
    return stored;
}

// Reads the jobs with seq <= maxSeq, newest first, handing them out in batches. Returns the error,
// if any. Shared by the synchronous and the worker-thread load.
QSqlError
readJobs(QSqlDatabase &db, qint64 maxSeq, int batchSize, const std::function<bool(QVector<StoredJob> &&batch)> &deliver)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT "_s + SelectColumns + u" FROM jobs WHERE seq <= ? ORDER BY seq DESC"_s))
        return query.lastError();
    query.addBindValue(maxSeq);
    if (!query.exec())
        return query.lastError();
    QVector<StoredJob> batch;
    batch.reserve(batchSize);
    while (query.next()) {
        batch.append(readRow(query));
        if (batch.size() >= batchSize) {
            if (!deliver(std::move(batch)))
                return QSqlError();
            batch = QVector<StoredJob>();
            batch.reserve(batchSize);
        }
    }
    if (query.lastError().isValid())
        return query.lastError();
    if (!batch.isEmpty())
        deliver(std::move(batch));
    return QSqlError();
}

bool exec(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    qCWarning(lcStore) << "failed:" << statement << query.lastError().text();
    return false;
}

// Version 0 -> 1: the first schema.
bool createSchemaV1(QSqlDatabase &db)
{
    // seq is the insertion order (the list order); UNIQUE gives it an index for ORDER BY and MAX().
    // Times are milliseconds since the epoch (UTC), NULL when unset. error_json is NULL without error.
    return exec(db, u"CREATE TABLE jobs ("
                    "local_id TEXT PRIMARY KEY NOT NULL, "
                    "seq INTEGER NOT NULL UNIQUE, "
                    "source_video_id TEXT NOT NULL DEFAULT '', "
                    "prompt TEXT NOT NULL DEFAULT '', "
                    "result_video_id TEXT NOT NULL DEFAULT '', "
                    "state TEXT NOT NULL, "
                    "progress INTEGER NOT NULL DEFAULT 0, "
                    "raw_status TEXT NOT NULL DEFAULT '', "
                    "error_json TEXT, "
                    "retrying INTEGER NOT NULL DEFAULT 0, "
                    "polling_stopped INTEGER NOT NULL DEFAULT 0, "
                    "submitted_at INTEGER, "
                    "updated_at INTEGER, "
                    "completed_at INTEGER, "
                    "service_base TEXT NOT NULL DEFAULT '')"_s);
}

// Version 1 -> 2: what the finished video needs (download, thumbnail, link expiry) and the profile.
bool addDownloadColumnsV2(QSqlDatabase &db)
{
    const QStringList columns = {
        u"profile_id TEXT NOT NULL DEFAULT ''"_s,          u"expires_at INTEGER"_s,
        u"download_url TEXT NOT NULL DEFAULT ''"_s,        u"download_state TEXT NOT NULL DEFAULT 'none'"_s,
        u"download_progress INTEGER NOT NULL DEFAULT 0"_s, u"file_path TEXT NOT NULL DEFAULT ''"_s,
        u"download_error TEXT NOT NULL DEFAULT ''"_s,      u"thumbnail_path TEXT NOT NULL DEFAULT ''"_s,
    };
    for (const QString &column : columns) {
        if (!exec(db, u"ALTER TABLE jobs ADD COLUMN "_s + column))
            return false;
    }
    return true;
}

// Version 2 -> 3: when polling of a job began, so that the time cap survives a restart. Jobs still
// waiting or running from before get their submission time: the best start known.
bool addPollingStartV3(QSqlDatabase &db)
{
    return exec(db, u"ALTER TABLE jobs ADD COLUMN polling_started_at INTEGER"_s)
           && exec(db, u"UPDATE jobs SET polling_started_at = submitted_at WHERE state IN ('%1', '%2', '%3')"_s.arg(
                           JobStates::storageKey(JobState::Queued), JobStates::storageKey(JobState::InProgress),
                           JobStates::storageKey(JobState::Unknown)));
}

// Version 3 -> 4: download failures are stored in ApiError's one stored form, with words for the
// kinds instead of enum numbers (as errors already were). Rows are read with the old reader (which
// still understands numbers) and written back in the new form.
bool storeDownloadFailuresAsWordsV4(QSqlDatabase &db)
{
    QSqlQuery select(db);
    if (!select.exec(u"SELECT local_id, download_error FROM jobs WHERE download_error IS NOT NULL "
                     "AND download_error <> ''"_s))
        return false;
    QVector<QPair<QString, QString>> rewritten;
    while (select.next()) {
        const QString stored = select.value(1).toString();
        const QString current = DownloadFailure::fromStorage(stored).toStorage();
        if (current != stored)
            rewritten.append({select.value(0).toString(), current});
    }
    QSqlQuery update(db);
    if (!update.prepare(u"UPDATE jobs SET download_error = ? WHERE local_id = ?"_s))
        return false;
    for (const auto &[localId, text] : std::as_const(rewritten)) {
        update.addBindValue(text);
        update.addBindValue(localId);
        if (!update.exec())
            return false;
    }
    return true;
}

// Version 4 -> 5: new videos and extensions join remixes in the list: the job's kind and what a new
// video asked for. Existing rows are remixes.
bool addJobKindV5(QSqlDatabase &db)
{
    return exec(db, u"ALTER TABLE jobs ADD COLUMN job_kind TEXT NOT NULL DEFAULT 'remix'"_s)
           && exec(db, u"ALTER TABLE jobs ADD COLUMN model TEXT NOT NULL DEFAULT ''"_s)
           && exec(db, u"ALTER TABLE jobs ADD COLUMN seconds TEXT NOT NULL DEFAULT ''"_s)
           && exec(db, u"ALTER TABLE jobs ADD COLUMN size TEXT NOT NULL DEFAULT ''"_s)
           && exec(db, u"ALTER TABLE jobs ADD COLUMN reference TEXT NOT NULL DEFAULT ''"_s);
}

} // namespace

JobStore::JobStore(QObject *parent)
    : QObject(parent)
    , m_migrations(builtInMigrations())
{}

JobStore::~JobStore()
{
    close();
}

QString JobStore::defaultPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(folder))
        qCWarning(lcStore) << "cannot create" << folder;
    return folder + u"/history.sqlite"_s;
}

QVector<JobStore::Migration> JobStore::builtInMigrations()
{
    // To change the schema: append one function here; open() runs it once on every older history.
    return {&createSchemaV1, &addDownloadColumnsV2, &addPollingStartV3, &storeDownloadFailuresAsWordsV4, &addJobKindV5};
}

int JobStore::currentSchemaVersion()
{
    return int(builtInMigrations().size());
}

JobStore::OpenResult JobStore::fail(OpenResult result, const QString &message)
{
    m_lastResult = result;
    m_errorMessage = message;
    qCWarning(lcStore) << "cannot open" << m_path << result << message;
    releaseDatabase();
    // After Corrupt the lock stays taken, so that moveAsideCorrupt() runs with nobody else around.
    if (result != OpenResult::Corrupt)
        m_lock.reset();
    return result;
}

JobStore::OpenResult JobStore::open(const QString &path)
{
    close();
    m_path = QFileInfo(path).absoluteFilePath();
    // A check started ahead for this file is used by openDatabase() or, when the open fails before
    // it, forgotten here.
    const auto forgetAheadCheck = qScopeGuard([this] {
        const QMutexLocker locker(&aheadChecksMutex);
        aheadChecks.remove(m_path);
    });
    m_errorMessage.clear();
    m_movedAsidePath.clear();
    m_lockedByOtherProcess = false;
    m_lockOwnerPid = 0;
    m_recoveredUnconfirmed = 0;
    const QString nativePath = QDir::toNativeSeparators(m_path);

    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        return fail(OpenResult::CannotCreate,
                    tr("Cannot create the folder for the job history (%1). Jobs will not be kept after the app "
                       "closes. Check that the folder can be written to.")
                        .arg(QDir::toNativeSeparators(info.absolutePath())));
    }
    if (info.exists() && !info.isFile()) {
        return fail(OpenResult::CannotCreate,
                    tr("The job history cannot be kept at %1 because something else (a folder?) is already there. "
                       "Jobs will not be kept after the app closes.")
                        .arg(nativePath));
    }

    // The lock is held for as long as the store is open: staleLockTime 0 means only a dead owner
    // (or a reboot) makes it stale, never its age.
    m_lock = std::make_unique<QLockFile>(m_path + u".lock"_s);
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host;
            QString app;
            m_lock->getLockInfo(&pid, &host, &app);
            m_lockOwnerPid = pid;
            m_lockedByOtherProcess = pid != QCoreApplication::applicationPid();
            return fail(OpenResult::Locked,
                        tr("The job history is in use by another Video Remix window (process %1). Switch to that "
                           "window, or close it and start Video Remix again.")
                            .arg(pid));
        }
        return fail(OpenResult::CannotCreate,
                    tr("Cannot lock the job history at %1 (no permission to write in its folder). Jobs will not be "
                       "kept after the app closes.")
                        .arg(nativePath));
    }

    // Look at the header ourselves before SQLite touches anything: a file that is not a database
    // must stay exactly as it is.
    if (info.exists() && info.size() > 0) {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(OpenResult::CannotCreate,
                        tr("Cannot read the job history at %1: %2.").arg(nativePath, file.errorString()));
        }
        const QByteArray header = file.read(SqliteHeaderSize);
        if (header.size() < SqliteHeaderSize || !header.startsWith(QByteArray(SqliteMagic, sizeof(SqliteMagic)))) {
            return fail(OpenResult::Corrupt, tr("The job history at %1 is damaged and cannot be read. It has not "
                                                "been changed. You can set it aside (it is kept under a new name) "
                                                "and start a new, empty history, or quit and restore a backup.")
                                                 .arg(nativePath));
        }
    }

    return openDatabase();
}

QFuture<void> JobStore::checkIntegrityAhead(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo(absolute).isFile())
        return QtFuture::makeReadyFuture();
    AheadCheck ahead;
    ahead.stamp = fileStamp(absolute);
    ahead.verdict = QtConcurrent::run([absolute] {
        const QString name = nextConnectionName("check"_L1);
        IntegrityVerdict verdict;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(absolute);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"_s);
            if (db.open())
                verdict = quickCheck(db);
            else
                verdict.error = db.lastError();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return verdict;
    });
    const QMutexLocker locker(&aheadChecksMutex);
    aheadChecks.insert(absolute, ahead);
    return QFuture<void>(ahead.verdict);
}

JobStore::OpenResult JobStore::openDatabase()
{
    const QString nativePath = QDir::toNativeSeparators(m_path);
    const QString corruptMessage = tr("The job history at %1 is damaged and cannot be read. It has not been changed. "
                                      "You can set it aside (it is kept under a new name) and start a new, empty "
                                      "history, or quit and restore a backup.")
                                       .arg(nativePath);
    const auto cannotWrite = [this, &nativePath](const QSqlError &error) {
        return fail(OpenResult::CannotCreate,
                    tr("Cannot open the job history at %1 for writing (%2). Jobs will not be kept after the app "
                       "closes. Check the permissions of the file and the free disk space.")
                        .arg(nativePath, error.databaseText()));
    };

    m_connectionName = nextConnectionName("main"_L1);
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!m_db.isValid()) {
        return fail(OpenResult::CannotCreate,
                    tr("The SQLite driver of Qt is missing, so jobs cannot be kept after the app closes. Reinstall "
                       "Video Remix."));
    }
    m_db.setDatabaseName(m_path);
    // Only our own connections (the loader's reads) can ever contend, and only briefly.
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!m_db.open())
        return cannotWrite(m_db.lastError());

    // Read-only checks first: nothing is written before we know the file is ours and readable. The
    // check started ahead for this file counts if the file is as it was then; otherwise check here.
    {
        std::optional<IntegrityVerdict> ahead;
        {
            QMutexLocker locker(&aheadChecksMutex);
            const auto found = aheadChecks.constFind(m_path);
            if (found != aheadChecks.cend()) {
                const AheadCheck taken = *found;
                aheadChecks.erase(found);
                locker.unlock();
                const IntegrityVerdict verdict = taken.verdict.result(); // waits if still running
                if (verdict.ran && taken.stamp == fileStamp(m_path))
                    ahead = verdict;
                qCDebug(lcStore) << "integrity checked ahead:" << (ahead ? "used" : "not usable, checking again");
            }
        }
        const IntegrityVerdict check = ahead ? *ahead : quickCheck(m_db);
        if (!check.ran) {
            const QSqlError error = check.error;
            if (isBusy(error))
                return fail(OpenResult::Locked, tr("The job history at %1 is in use by another program. Close it "
                                                   "and start Video Remix again.")
                                                    .arg(nativePath));
            if (isCorruption(error) || !error.isValid())
                return fail(OpenResult::Corrupt, corruptMessage);
            return cannotWrite(error);
        }
        if (check.firstRow != "ok"_L1) {
            qCWarning(lcStore) << "quick_check:" << check.firstRow;
            return fail(OpenResult::Corrupt, corruptMessage);
        }
    }

    // The schema version: 0 for a new (empty) file. A database with tables but no meta table is
    // somebody else's: treated like a damaged one (kept, never written).
    int version = 0;
    {
        QSqlQuery tables(m_db);
        if (!tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s))
            return fail(OpenResult::Corrupt, corruptMessage);
        bool hasMeta = false;
        bool hasOtherTables = false;
        while (tables.next()) {
            if (tables.value(0).toString() == "meta"_L1)
                hasMeta = true;
            else
                hasOtherTables = true;
        }
        if (hasMeta) {
            QSqlQuery meta(m_db);
            if (!meta.exec(u"SELECT schema_version FROM meta"_s) || !meta.next())
                return fail(OpenResult::Corrupt, corruptMessage);
            version = meta.value(0).toInt();
        } else if (hasOtherTables) {
            return fail(OpenResult::Corrupt,
                        tr("The file %1 is not a Video Remix job history. It has not been changed. You can set it "
                           "aside (it is kept under a new name) and start a new, empty history.")
                            .arg(nativePath));
        }
    }
    const int target = int(m_migrations.size());
    if (version > target) {
        return fail(OpenResult::NewerSchema,
                    tr("The job history at %1 was written by a newer version of Video Remix (format %2; this "
                       "version reads up to format %3). It has not been changed. Update Video Remix to see these "
                       "jobs.")
                        .arg(nativePath)
                        .arg(version)
                        .arg(target));
    }

    // WAL: a commit is one append to the log, readers (the loader) never block the writer, and a
    // killed process leaves either the old or the new row. synchronous=NORMAL syncs at checkpoints
    // only: safe against the app being killed (see the crash test); a power loss may drop the last
    // commits, never corrupt the file. FULL would fsync on every change, on the GUI thread.
    {
        QSqlQuery pragma(m_db);
        if (!pragma.exec(u"PRAGMA journal_mode=WAL"_s))
            return cannotWrite(pragma.lastError());
        if (pragma.next() && pragma.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0)
            qCWarning(lcStore) << "journal mode is" << pragma.value(0).toString() << "instead of WAL";
        if (!pragma.exec(u"PRAGMA synchronous=NORMAL"_s))
            return cannotWrite(pragma.lastError());
    }

    for (int from = version; from < target; ++from) {
        qCInfo(lcStore) << "migrating the history from version" << from << "to" << from + 1;
        bool ok = m_db.transaction();
        ok = ok && m_migrations.at(from)(m_db);
        ok = ok && exec(m_db, u"CREATE TABLE IF NOT EXISTS meta (schema_version INTEGER NOT NULL)"_s);
        ok = ok && exec(m_db, u"DELETE FROM meta"_s);
        ok = ok && exec(m_db, u"INSERT INTO meta (schema_version) VALUES (%1)"_s.arg(from + 1));
        ok = ok && m_db.commit();
        if (!ok) {
            const QSqlError error = m_db.lastError();
            m_db.rollback();
            return fail(OpenResult::UpgradeFailed,
                        tr("The job history at %1 could not be updated to this version of Video Remix (%2). It "
                           "has been left as it was. Check the free disk space and start Video Remix again.")
                            .arg(nativePath, error.databaseText()));
        }
    }

    // Nobody else has the history open (we hold the lock), so a job still Submitting was cut off
    // during its POST by the end of the previous run: it may exist on the service, so it is never
    // sent again; the user decides.
    {
        QSqlQuery recover(m_db);
        if (!recover.exec(u"UPDATE jobs SET state = '%1' WHERE state = '%2'"_s.arg(
                JobStates::storageKey(JobState::NotConfirmed), JobStates::storageKey(JobState::Submitting))))
            return cannotWrite(recover.lastError());
        m_recoveredUnconfirmed = recover.numRowsAffected();
        if (m_recoveredUnconfirmed > 0)
            qCInfo(lcStore) << m_recoveredUnconfirmed << "job(s) cut off while submitting are now not confirmed";
    }

    if (!prepareStatements())
        return cannotWrite(m_db.lastError());

    m_lastResult = OpenResult::Ok;
    qCDebug(lcStore) << "opened" << m_path << "schema version" << target;
    return OpenResult::Ok;
}

bool JobStore::prepareStatements()
{
    m_saveQuery = std::make_unique<QSqlQuery>(m_db);
    // A new row takes the next insertion number; an update keeps it. An empty service_base keeps
    // the stored one, so updates need not repeat it. The driver binds a null QString as NULL, hence
    // the COALESCE for the text columns.
    if (!m_saveQuery->prepare(
            u"INSERT INTO jobs (local_id, seq, source_video_id, prompt, result_video_id, state, progress, "
            "raw_status, error_json, retrying, polling_stopped, submitted_at, updated_at, completed_at, service_base, "
            "profile_id, expires_at, download_url, download_state, download_progress, file_path, download_error, "
            "thumbnail_path, polling_started_at, job_kind, model, seconds, size, reference) "
            "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs), COALESCE(?, ''), COALESCE(?, ''), "
            "COALESCE(?, ''), ?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?, COALESCE(?, ''), "
            "COALESCE(?, ''), ?, COALESCE(?, ''), ?, ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, "
            "?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, '')) "
            "ON CONFLICT (local_id) DO UPDATE SET "
            "source_video_id = excluded.source_video_id, prompt = excluded.prompt, "
            "result_video_id = excluded.result_video_id, state = excluded.state, progress = excluded.progress, "
            "raw_status = excluded.raw_status, error_json = excluded.error_json, retrying = excluded.retrying, "
            "polling_stopped = excluded.polling_stopped, submitted_at = excluded.submitted_at, "
            "updated_at = excluded.updated_at, completed_at = excluded.completed_at, "
            "service_base = CASE WHEN excluded.service_base = '' THEN jobs.service_base "
            "ELSE excluded.service_base END, "
            "profile_id = excluded.profile_id, expires_at = excluded.expires_at, "
            "download_url = excluded.download_url, download_state = excluded.download_state, "
            "download_progress = excluded.download_progress, file_path = excluded.file_path, "
            "download_error = excluded.download_error, thumbnail_path = excluded.thumbnail_path, "
            "polling_started_at = excluded.polling_started_at, job_kind = excluded.job_kind, "
            "model = excluded.model, seconds = excluded.seconds, size = excluded.size, "
            "reference = excluded.reference"_s)) {
        qCWarning(lcStore) << "cannot prepare the save statement:" << m_saveQuery->lastError().text();
        return false;
    }
    m_removeQuery = std::make_unique<QSqlQuery>(m_db);
    if (!m_removeQuery->prepare(u"DELETE FROM jobs WHERE local_id = ?"_s)) {
        qCWarning(lcStore) << "cannot prepare the remove statement:" << m_removeQuery->lastError().text();
        return false;
    }
    return true;
}

void JobStore::releaseDatabase()
{
    stopLoader();
    flushPendingSaves();
    m_saveQuery.reset();
    m_removeQuery.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

void JobStore::close()
{
    releaseDatabase();
    m_lock.reset(); // unlocks
}

bool JobStore::moveAsideCorrupt()
{
    if (m_lastResult != OpenResult::Corrupt || !m_lock || !m_lock->isLocked()) {
        qCWarning(lcStore) << "moveAsideCorrupt() without a damaged history open";
        return false;
    }
    releaseDatabase();
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = m_path + u".corrupt-"_s + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = m_path + u".corrupt-"_s + stamp + u'-' + QString::number(n);

    QFile file(m_path);
    if (file.exists() && !file.rename(target)) {
        m_errorMessage = tr("Could not rename the damaged job history %1: %2.")
                             .arg(QDir::toNativeSeparators(m_path), file.errorString());
        qCWarning(lcStore) << m_errorMessage;
        return false;
    }
    // The journal files belong with it (SQLite would apply a stray -wal to a new file).
    for (const QLatin1StringView suffix : {"-wal"_L1, "-shm"_L1, "-journal"_L1}) {
        if (QFileInfo::exists(m_path + suffix) && !QFile::rename(m_path + suffix, target + suffix))
            QFile::remove(m_path + suffix);
    }
    m_movedAsidePath = target;
    m_lastResult = OpenResult::Ok;
    qCInfo(lcStore) << "damaged history moved aside to" << target;
    return true;
}

int JobStore::schemaVersion()
{
    if (!isOpen())
        return 0;
    QSqlQuery query(m_db);
    if (query.exec(u"SELECT schema_version FROM meta"_s) && query.next())
        return query.value(0).toInt();
    return 0;
}

QSqlError JobStore::execInTransaction(QSqlQuery &query)
{
    // Each change is its own transaction: a crash loses at most the change being written.
    bool ok = m_db.transaction();
    ok = ok && query.exec();
    QSqlError error = ok ? QSqlError() : (query.lastError().isValid() ? query.lastError() : m_db.lastError());
    query.finish();
    if (ok && !m_db.commit()) {
        ok = false;
        error = m_db.lastError();
    }
    if (!ok)
        m_db.rollback();
    return error;
}

void JobStore::bindJob(QSqlQuery &query, const RemixJob &job, const QString &serviceBase)
{
    query.addBindValue(job.localId);
    query.addBindValue(job.sourceVideoId);
    query.addBindValue(job.prompt);
    query.addBindValue(job.resultVideoId);
    query.addBindValue(JobStates::storageKey(job.state));
    query.addBindValue(job.progress);
    query.addBindValue(job.rawStatus);
    query.addBindValue(errorToJson(job.error));
    query.addBindValue(job.retrying ? 1 : 0);
    query.addBindValue(job.pollingStopped ? 1 : 0);
    query.addBindValue(msOrNull(job.submittedAt));
    query.addBindValue(msOrNull(job.updatedAt));
    query.addBindValue(msOrNull(job.completedAt));
    query.addBindValue(serviceBase.isEmpty() ? job.apiBase.toString() : serviceBase);
    query.addBindValue(job.profileId);
    query.addBindValue(msOrNull(job.expiresAt));
    query.addBindValue(job.downloadUrl.toString());
    query.addBindValue(downloadStateKey(job.downloadState));
    query.addBindValue(job.downloadProgress);
    query.addBindValue(job.filePath);
    query.addBindValue(job.downloadFailure.toStorage());
    query.addBindValue(job.thumbnailPath);
    query.addBindValue(msOrNull(job.pollingStartedAt));
    query.addBindValue(JobKinds::storageKey(job.kind));
    query.addBindValue(job.model);
    query.addBindValue(job.seconds);
    query.addBindValue(job.size);
    query.addBindValue(job.reference);
}

bool JobStore::save(const RemixJob &job, const QString &serviceBase)
{
    if (!isOpen() || !m_saveQuery || job.localId.isEmpty())
        return false;
    // This record is newer than one waiting for saveSoon()'s transaction.
    if (m_unsaved.remove(job.localId))
        m_unsavedOrder.removeOne(job.localId);
    QSqlQuery &query = *m_saveQuery;
    bindJob(query, job, serviceBase);
    const QSqlError error = execInTransaction(query);
    const bool ok = !error.isValid();
    if (!ok)
        reportSaveFailure(job.localId, error);
    return ok;
}

void JobStore::reportSaveFailure(const QString &localId, const QSqlError &error)
{
    m_errorMessage = tr("Could not save the job to the history (%1). It stays in the list until the app closes. "
                        "Check the free disk space.")
                         .arg(error.databaseText());
    qCWarning(lcStore) << "save failed for" << localId << error.text();
    emit writeFailed(m_errorMessage);
}

void JobStore::saveSoon(const RemixJob &job)
{
    if (!isOpen() || !m_saveQuery || job.localId.isEmpty())
        return;
    const auto it = m_unsaved.find(job.localId);
    if (it != m_unsaved.end()) {
        *it = job;
        return;
    }
    m_unsaved.insert(job.localId, job);
    m_unsavedOrder.append(job.localId);
    if (m_unsavedOrder.size() == 1)
        QMetaObject::invokeMethod(this, &JobStore::flushPendingSaves, Qt::QueuedConnection);
}

bool JobStore::flushPendingSaves()
{
    if (m_unsavedOrder.isEmpty())
        return true;
    const QStringList order = std::exchange(m_unsavedOrder, {});
    const QHash<QString, RemixJob> jobs = std::exchange(m_unsaved, {});
    if (!isOpen() || !m_saveQuery)
        return false;
    // All of them in one transaction: one commit, however many jobs changed in this event-loop turn.
    QSqlQuery &query = *m_saveQuery;
    bool ok = m_db.transaction();
    QSqlError error = ok ? QSqlError() : m_db.lastError();
    QString failedId;
    for (const QString &localId : order) {
        if (!ok)
            break;
        bindJob(query, jobs.value(localId), QString());
        ok = query.exec();
        if (!ok) {
            error = query.lastError().isValid() ? query.lastError() : m_db.lastError();
            failedId = localId;
        }
        query.finish();
    }
    if (ok && !m_db.commit()) {
        ok = false;
        error = m_db.lastError();
    }
    if (!ok) {
        m_db.rollback();
        reportSaveFailure(failedId.isEmpty() ? order.value(0) : failedId, error);
    }
    return ok;
}

bool JobStore::remove(const QString &localId)
{
    if (!isOpen() || !m_removeQuery)
        return false;
    if (m_unsaved.remove(localId))
        m_unsavedOrder.removeOne(localId);
    QSqlQuery &query = *m_removeQuery;
    query.addBindValue(localId);
    const QSqlError error = execInTransaction(query);
    const bool ok = !error.isValid();
    if (!ok) {
        m_errorMessage = tr("Could not remove the job from the history (%1).").arg(error.databaseText());
        qCWarning(lcStore) << "remove failed for" << localId << error.text();
        emit writeFailed(m_errorMessage);
    }
    return ok;
}

QVector<StoredJob> JobStore::loadAll()
{
    QVector<StoredJob> jobs;
    if (!isOpen())
        return jobs;
    const QSqlError error =
        readJobs(m_db, std::numeric_limits<qint64>::max(), 4096, [&jobs](QVector<StoredJob> &&batch) {
            jobs.append(std::move(batch));
            return true;
        });
    if (error.isValid()) {
        m_errorMessage = tr("Could not read the job history completely (%1).").arg(error.databaseText());
        qCWarning(lcStore) << "load failed:" << error.text();
    }
    return jobs;
}

bool JobStore::loadAsync(int batchSize)
{
    if (!isOpen() || m_loader)
        return false;
    qint64 maxSeq = 0;
    {
        QSqlQuery query(m_db);
        if (query.exec(u"SELECT COALESCE(MAX(seq), 0) FROM jobs"_s) && query.next())
            maxSeq = query.value(0).toLongLong();
    }
    batchSize = qMax(1, batchSize);
    m_cancelLoad = std::make_shared<std::atomic_bool>(false);
    m_loadOk = true;
    m_loadedCount = 0;
    const int generation = ++m_loadGeneration;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancelLoad;
    const QString path = m_path;
    const std::function<void()> batchQueued = m_batchQueuedHook;

    // The worker has its own connection (a connection belongs to the thread that made it). WAL lets
    // it read a consistent snapshot while the GUI thread goes on writing.
    m_loader = QThread::create([this, path, maxSeq, batchSize, cancel, generation, batchQueued] {
        const QString name = nextConnectionName("loader"_L1);
        QSqlError error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
            if (!db.open()) {
                error = db.lastError();
            } else {
                error = readJobs(db, maxSeq, batchSize, [&](QVector<StoredJob> &&batch) {
                    if (cancel->load())
                        return false;
                    QMetaObject::invokeMethod(
                        this, [this, generation, jobs = std::move(batch)] { deliverBatch(generation, jobs); },
                        Qt::QueuedConnection);
                    if (batchQueued)
                        batchQueued();
                    return true;
                });
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        const QString errorText = error.isValid() ? error.databaseText() : QString();
        QMetaObject::invokeMethod(
            this, [this, generation, errorText] { finishLoad(generation, errorText); }, Qt::QueuedConnection);
    });
    m_loader->setObjectName(u"JobStore loader"_s);
    m_loader->start(QThread::LowPriority);
    return true;
}

void JobStore::deliverBatch(int generation, const QVector<StoredJob> &batch)
{
    if (generation != m_loadGeneration)
        return; // a load stopped by close()
    m_loadedCount += int(batch.size());
    emit jobsLoaded(batch);
}

void JobStore::finishLoad(int generation, const QString &errorText)
{
    if (generation != m_loadGeneration)
        return;
    if (m_loader) {
        m_loader->wait();
        delete m_loader;
        m_loader = nullptr;
    }
    m_loadOk = errorText.isEmpty();
    if (!m_loadOk) {
        m_errorMessage = tr("Could not read the job history completely (%1).").arg(errorText);
        qCWarning(lcStore) << "load failed:" << errorText;
    }
    qCDebug(lcStore) << "loaded" << m_loadedCount << "jobs";
    emit loadFinished(m_loadOk, m_loadedCount);
}

void JobStore::stopLoader()
{
    if (!m_loader)
        return;
    m_cancelLoad->store(true);
    m_loader->wait();
    delete m_loader;
    m_loader = nullptr;
    ++m_loadGeneration; // batches still queued are dropped
}
