#pragma once

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <vector>

// The threads the downloads' file work runs on (writes, syncs, renames, .part.json notes). Each .part
// has its own queue on them (see PartFile), so one download's slow sync never holds up another's writes.
namespace DownloadDisk {
QThreadPool *pool();
} // namespace DownloadDisk

// A download's ".part" file, written on the downloads' disk threads: write() waits for the disk (for the
// page cache, the journal, a network drive, tens of milliseconds now and then), and on the GUI thread
// every such wait would be a frozen window. The owner hands over each chunk and goes on; written()
// follows once it is done, and status() says what the file holds then. The file's operations run one
// after the other in the order they were asked for (a note is never written after the rename that made
// it obsolete, a sync or a rename comes after the last byte), one file's queue at a time on a thread.
//
// Used from the GUI thread (the object's thread). The file itself is touched there only while nothing
// is queued: by open(), setFileName() and a close() while idle.
class PartFile final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartFile)

public:
    struct Status
    {
        qint64 size = 0;       // bytes in the file after the last operation done
        bool failed = false;   // a write, truncation or opening failed; nothing is written after it
        bool diskFull = false; // ... because the disk is full
        QString errorString;   // the file system's words
        quint64 operationsDone = 0;
        qint64 bytesHandled = 0; // bytes of append() done (written or, after a failure, dropped)
    };

    explicit PartFile(const QString &fileName, QObject *parent = nullptr);
    ~PartFile() override;

    QString fileName() const { return m_fileName; }
    // Only while nothing is queued (isIdle()): another download's file is in the way.
    void setFileName(const QString &fileName);

    // Opens the file for appending (or truncated), on the calling thread: only while isIdle(). Resets
    // status() to the file as it is. False, with status().errorString, when it cannot be opened.
    bool open(bool truncate);

    // A buffer of `size` bytes for the next append(): one the disk thread is done with, when there is
    // one. A download takes chunk after chunk of the same size, and fresh memory for each costs more
    // than writing it (the allocator hands every freed chunk back to the system, and each page of the
    // next one faults in again: half the streaming rate, measured).
    QByteArray spareBuffer(qsizetype size);

    // Queued for the disk thread, in this order. The buffer of an appended chunk comes back to
    // spareBuffer() once it is written.
    void append(const QByteArray &data);
    void truncate(); // empties the file (opening it again if it was closed)
    void close();    // at once when idle

    // What the file holds as of the last operation done (exact once isIdle()).
    const Status &status() const { return m_status; }
    // Bytes handed to append() that the disk thread has not done yet.
    qint64 pendingBytes() const { return m_bytesQueued - m_status.bytesHandled; }
    bool isIdle() const { return m_status.operationsDone == m_operationsQueued; }
    // Calls then (on this thread) once everything queued so far is done; at once when idle.
    void whenIdle(std::function<void()> then);
    // Blocks until everything queued for this file so far is done (not other files' work). For the
    // ends of a download (failure, cancel) that come while chunks still wait: they must say what is in
    // the file before they return.
    void waitForIdle();

    // Runs function(status) in this file's queue, after everything queued so far (the .part.json note,
    // the final sync and rename of a complete file, which must know whether every write succeeded).
    template<typename T> QFuture<T> thenOnDisk(std::function<T(const Status &)> function)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        enqueueCall([promise, function = std::move(function)](const Status &status) {
            promise->addResult(function(status));
            promise->finish();
        });
        return future;
    }

    // Tests: every write into a .part takes this much longer (a disk that lags behind the network).
    static void setWriteDelayForTests(int ms);

signals:
    // An operation (a chunk written, a truncation) was done on the disk thread; status() has moved on.
    void written();

private:
    struct State;
    // operation returns the buffer it is done with, if any, for spareBuffer().
    void enqueue(std::function<QByteArray(State &)> operation);
    void enqueueCall(std::function<void(const Status &)> call);
    static void drain(const std::shared_ptr<State> &state);
    void operationDone(const Status &status, QByteArray spare);

    QString m_fileName;
    std::shared_ptr<State> m_state; // shared with the operations still queued
    Status m_status;
    quint64 m_operationsQueued = 0;
    qint64 m_bytesQueued = 0;
    std::vector<std::function<void()>> m_whenIdle;
    std::vector<QByteArray> m_spareBuffers;
};
