#pragma once

#include "jobs/jobcontroller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVector>

class JobList;

// One job of a batch file or list, with where it came from.
struct BatchEntry
{
    int line = 0; // 1-based line in the file (0 for generated entries)
    JobRequest request;
};

// A line that could not be read, by line number, in the UI language.
struct BatchProblem
{
    int line = 0;
    QString message;
};

// Reading batches: CSV or TSV files (UTF-8 with or without BOM, quoted fields with commas, quotes and
// line breaks, Chinese text, empty lines), one prompt per line, or N versions of one prompt. Nothing is
// sent here: the caller shows the count (and the problems) and asks first.
// Problems are worded through QCoreApplication::translate("BatchFile", …).
namespace BatchFile {

struct Parsed
{
    QVector<BatchEntry> entries;
    QVector<BatchProblem> problems;
};

// Remixes: "source_id,prompt" per row (a header row with those names is skipped).
Parsed parseRemixCsv(const QByteArray &bytes);
// New videos: "prompt,model,seconds,size,image" per row; only the prompt is required; image is an
// https:// address or a JPEG/PNG/WebP file on this computer (relative to baseFolder, the CSV file's
// folder), read when its job is sent.
Parsed parseCreateCsv(const QByteArray &bytes, const QString &baseFolder = QString());
// One remix of the same source per non-empty line.
Parsed remixPerLine(const QString &sourceVideoId, const QString &text);
// One new video per non-empty line, with the same choices.
Parsed createPerLine(const CreateVideoSpec &choices, const QString &text);
// The same request count times.
QVector<BatchEntry> versions(const JobRequest &request, int count);
// The rows of a CSV/TSV text (the delimiter is the first of tab or comma found outside quotes), each
// with the line it started on. Exposed for the fuzz harness and tests.
QVector<QPair<int, QStringList>> rows(const QByteArray &bytes);
} // namespace BatchFile

// Sends a batch at a pace the service accepts, and never anything twice:
// - at most maxInFlight POSTs of the batch are under way at once, at least minSpacingMs apart;
// - a 429 (the service refused: nothing was made) puts the job back in the queue, its row leaves the
//   list, and the pace slows (Retry-After is honoured); every other outcome is final for the item: a
//   POST that may have reached the service (timeout, reset) is "not confirmed" and never re-sent;
// - pause() stops sending (what is under way finishes); resume() goes on;
// - with a storage path, the batch is saved after every change; restore() reads it back after a
//   restart: what was being sent when the app stopped counts as not confirmed, the rest is sent.
class BatchRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchRunner)

public:
    enum class ItemStatus
    {
        Waiting,
        Sending,
        Sent,         // the service made the job
        NotConfirmed, // may have been made: never sent again
        Refused,      // refused for good (a 4xx other than 429): the job row says why
    };
    struct Item
    {
        BatchEntry entry;
        ItemStatus status = ItemStatus::Waiting;
        QString localId;   // the job of the last attempt
        int throttled = 0; // 429s so far
    };
    struct Pacing
    {
        int maxInFlight = 2;
        int minSpacingMs = 500;
        int backoffBaseMs = 2000; // after a 429 without Retry-After; doubles per 429 of the item
        int backoffCapMs = 60000;
    };

    BatchRunner(JobController *controller, JobList *jobs, QObject *parent = nullptr);
    ~BatchRunner() override;

    void setPacing(const Pacing &pacing) { m_pacing = pacing; }
    // The endpoint of a profile now (its current key), asked before every POST; without one, the
    // endpoint the batch was started with is used as it was.
    using ServiceResolver = std::function<ServiceEndpoint(const QString &profileId)>;
    void setServiceResolver(const ServiceResolver &resolver) { m_serviceOf = resolver; }
    // Where the batch is kept (JSON); empty: not kept.
    void setStoragePath(const QString &path) { m_storagePath = path; }

    // Starts a new batch (replacing a finished one) through this service.
    void start(const QVector<BatchEntry> &entries, const ServiceEndpoint &service);
    // Reads a saved batch; true when one was there with work left. It stays paused until resume().
    // serviceOf gives the endpoint of the profile the batch was started with (its current key).
    bool restore(const ServiceResolver &serviceOf);
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    bool isRunning() const { return !m_paused && countOf(ItemStatus::Waiting) + countOf(ItemStatus::Sending) > 0; }

    const QVector<Item> &items() const { return m_items; }
    int countOf(ItemStatus status) const;

signals:
    void progressChanged();
    void finished();

private:
    void pump();
    void onJobChanged(const QString &localId);
    void save() const;
    void finishIfDone();

    JobController *m_controller;
    JobList *m_jobs;
    Pacing m_pacing;
    QString m_storagePath;
    ServiceEndpoint m_service;
    ServiceResolver m_serviceOf;
    QVector<Item> m_items;
    bool m_paused = false;
    bool m_finishedAnnounced = false; // finished() once per batch
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastSendMs = -1000000;
    qint64 m_notBeforeMs = 0; // after a 429: nothing is sent before this
};
