#pragma once

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <vector>

// The downloads' disk thread: one thread for all their file work (writes, syncs, renames, .part.json
// notes), which runs it in the order it was asked for. So a note is never written after the rename
// that made it obsolete, and a sync or a rename comes after the last byte written.
namespace DownloadDisk {
QThreadPool *thread();

template<typename T, typename Function> QFuture<T> run(Function function)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    thread()->start([promise, function = std::move(function)]() mutable {
        promise->addResult(function());
        promise->finish();
    });
    return future;
}
} // namespace DownloadDisk

// A download's ".part" file, written on the disk thread: write() waits for the disk (for the page cache,
// the journal, a network drive, tens of milliseconds now and then), and on the GUI thread every such
// wait would be a frozen window. The owner hands over each chunk and goes on; written() follows once
// the disk thread has done it, and status() says what the file holds then.
//
// Used from the GUI thread (the object's thread); the file itself is only touched on the disk thread,
// except by open(), which the owner calls before anything is queued.
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
    void close();

    // What the file holds as of the last operation done (exact once isIdle()).
    const Status &status() const { return m_status; }
    // Bytes handed to append() that the disk thread has not done yet.
    qint64 pendingBytes() const { return m_bytesQueued - m_status.bytesHandled; }
    bool isIdle() const { return m_status.operationsDone == m_operationsQueued; }
    // Calls then (on this thread) once everything queued so far is done; at once when idle.
    void whenIdle(std::function<void()> then);
    // Blocks until everything queued so far is done. For the ends of a download (failure, cancel),
    // which must say what is in the file before they return; at most pendingBytes() to write.
    void waitForIdle();

    // Runs function(status) on the disk thread after everything queued so far (the final sync and
    // rename of a complete file, which must know whether every write succeeded).
    template<typename T> QFuture<T> thenOnDisk(std::function<T(const Status &)> function)
    {
        return DownloadDisk::run<T>(
            [state = m_state, function = std::move(function)] { return function(statusOnDisk(*state)); });
    }

    // Tests: every write into a .part takes this much longer (a disk that lags behind the network).
    static void setWriteDelayForTests(int ms);

signals:
    // An operation (a chunk written, a truncation) was done on the disk thread; status() has moved on.
    void written();

private:
    struct State;
    static const Status &statusOnDisk(const State &state);
    // operation returns the buffer it is done with, if any, for spareBuffer().
    void enqueue(std::function<QByteArray(State &)> operation);
    void operationDone(const Status &status, QByteArray spare);

    QString m_fileName;
    std::shared_ptr<State> m_state; // shared with the operations still queued on the disk thread
    Status m_status;
    quint64 m_operationsQueued = 0;
    qint64 m_bytesQueued = 0;
    std::vector<std::function<void()>> m_whenIdle;
    std::vector<QByteArray> m_spareBuffers;
};
