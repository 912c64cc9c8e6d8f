#include "downloads/partfile.h"

#include "logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <QWaitCondition>

#include <deque>

#include <atomic>
#include <cerrno>

#if defined(Q_OS_LINUX)
#include <fcntl.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {

// Every this many bytes written, the file is handed to the disk (see startWriteBack()).
constexpr qint64 WriteBackBytes = 16 * 1024 * 1024;
// Enough for what may wait for the disk (DownloadJob's MaxPendingWriteBytes, 4 MiB) in its chunks of
// just under 512 KiB, and the one being filled: fewer, and chunks coming back would be freed while the
// next read takes a fresh one.
constexpr size_t MaxSpareBuffers = 10;

std::atomic<int> s_writeDelayForTestsMs{0};

} // namespace

QThreadPool *DownloadDisk::pool()
{
    static QThreadPool *pool = [] {
        auto *threads = new QThreadPool(QCoreApplication::instance());
        threads->setObjectName(u"download disk"_s);
        // One per file at a time (see PartFile::drain()); more files than this wait their turn.
        threads->setMaxThreadCount(4);
        return threads;
    }();
    return pool;
}

struct PartFile::State
{
    // Touched by the operation that runs (one at a time, see drain()), or while the queue is empty.
    QFile file;
    Status status;
    qint64 writtenBack = 0; // bytes up to which the file was handed to the disk

    QMutex queueMutex; // guards queue, draining and status.operationsDone
    QWaitCondition operationDone;
    std::deque<std::function<QByteArray(State &)>> queue;
    bool draining = false; // a drain() runs for this file

    QMutex ownerMutex;
    PartFile *owner = nullptr; // null once the PartFile is gone: nobody to tell any more

    void fail(bool full)
    {
        status.failed = true;
        status.diskFull = full;
        status.errorString = file.errorString();
        qCWarning(lcDownload) << "cannot write" << file.fileName() << ":" << status.errorString;
    }

    // Starts writing the last chunk out to the disk now rather than when the kernel gets round to it,
    // so that the final sync has little left to do. Without waiting for it: the kernel's own dirty-page
    // limits keep the page cache from filling up, and a wait here would hold up the next chunk. A hint:
    // errors don't matter.
    void startWriteBack()
    {
        if (status.size - writtenBack < WriteBackBytes)
            return;
#if defined(Q_OS_LINUX)
        ::sync_file_range(file.handle(), writtenBack, status.size - writtenBack, SYNC_FILE_RANGE_WRITE);
#endif
        writtenBack = status.size;
    }
};

PartFile::PartFile(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_fileName(fileName)
    , m_state(std::make_shared<State>())
{
    m_state->file.setFileName(fileName);
    m_state->owner = this;
}

// What is still queued runs on; the file closes after the last of it.
PartFile::~PartFile()
{
    const QMutexLocker locker(&m_state->ownerMutex);
    m_state->owner = nullptr;
}

void PartFile::setFileName(const QString &fileName)
{
    Q_ASSERT(isIdle());
    m_fileName = fileName;
    m_state->file.setFileName(fileName);
}

bool PartFile::open(bool truncate)
{
    Q_ASSERT(isIdle());
    State &state = *m_state;
    if (state.file.isOpen())
        state.file.close();
    // Unbuffered: a full disk is reported by the write that hits it, not by a later flush.
    const QIODevice::OpenMode mode =
        QIODevice::WriteOnly | QIODevice::Unbuffered | (truncate ? QIODevice::Truncate : QIODevice::Append);
    state.status.failed = false;
    state.status.diskFull = false;
    state.status.errorString.clear();
    if (state.file.open(mode)) {
        state.status.size = state.file.size();
    } else {
        state.status.failed = true;
        state.status.errorString = state.file.errorString();
        state.status.size = 0;
        qCWarning(lcDownload) << "cannot open" << m_fileName << ":" << state.status.errorString;
    }
    state.writtenBack = state.status.size;
    m_status = state.status;
    return !m_status.failed;
}

QByteArray PartFile::spareBuffer(qsizetype size)
{
    while (!m_spareBuffers.empty()) {
        QByteArray buffer = std::move(m_spareBuffers.back());
        m_spareBuffers.pop_back();
        // Only a buffer nobody else holds any more (the disk thread's copies are gone by now) can be
        // written into without a copy.
        if (buffer.isDetached()) {
            buffer.resize(size); // no allocation when it held a chunk this big before
            return buffer;
        }
    }
    return QByteArray(size, Qt::Uninitialized);
}

void PartFile::append(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    m_bytesQueued += data.size();
    enqueue([data](State &state) mutable {
        state.status.bytesHandled += data.size();
        if (state.status.failed)
            return std::move(data);
        if (const int delay = s_writeDelayForTestsMs)
            QThread::msleep(delay);
        errno = 0;
        const qint64 written = state.file.write(data);
        if (written > 0)
            state.status.size += written;
        if (written != data.size()) {
            state.fail(state.file.error() == QFileDevice::ResourceError || errno == ENOSPC);
            return std::move(data);
        }
        state.startWriteBack();
        return std::move(data);
    });
}

void PartFile::truncate()
{
    enqueue([](State &state) {
        if (state.status.failed)
            return QByteArray();
        errno = 0;
        const bool done = state.file.isOpen()
                              ? state.file.resize(0)
                              : state.file.open(QIODevice::WriteOnly | QIODevice::Unbuffered | QIODevice::Truncate);
        if (!done) {
            state.fail(state.file.error() == QFileDevice::ResourceError || errno == ENOSPC);
            return QByteArray();
        }
        state.status.size = 0;
        state.writtenBack = 0;
        return QByteArray();
    });
}

void PartFile::close()
{
    if (isIdle()) {
        m_state->file.close(); // nothing else touches it now
        return;
    }
    enqueue([](State &state) {
        state.file.close();
        return QByteArray();
    });
}

void PartFile::enqueue(std::function<QByteArray(State &)> operation)
{
    ++m_operationsQueued;
    const QMutexLocker locker(&m_state->queueMutex);
    m_state->queue.push_back(std::move(operation));
    if (!m_state->draining) {
        m_state->draining = true;
        DownloadDisk::pool()->start([state = m_state] { drain(state); });
    }
}

void PartFile::enqueueCall(std::function<void(const Status &)> call)
{
    enqueue([call = std::move(call)](State &state) {
        call(state.status);
        return QByteArray();
    });
}

// On a disk thread: this file's operations, in order, until its queue is empty.
void PartFile::drain(const std::shared_ptr<State> &state)
{
    for (;;) {
        std::function<QByteArray(State &)> operation;
        {
            const QMutexLocker locker(&state->queueMutex);
            if (state->queue.empty()) {
                state->draining = false;
                return;
            }
            operation = std::move(state->queue.front());
            state->queue.pop_front();
        }
        QByteArray spare = operation(*state);
        operation = nullptr; // its copy of a chunk goes before the chunk goes back for reuse
        Status status;
        {
            const QMutexLocker locker(&state->queueMutex);
            ++state->status.operationsDone;
            status = state->status;
            state->operationDone.wakeAll();
        }
        const QMutexLocker locker(&state->ownerMutex);
        if (PartFile *owner = state->owner) {
            QMetaObject::invokeMethod(
                owner,
                [owner, status, spare = std::move(spare)]() mutable { owner->operationDone(status, std::move(spare)); },
                Qt::QueuedConnection);
        }
    }
}

void PartFile::operationDone(const Status &status, QByteArray spare)
{
    if (!spare.isNull() && m_spareBuffers.size() < MaxSpareBuffers)
        m_spareBuffers.push_back(std::move(spare));
    if (status.operationsDone <= m_status.operationsDone)
        return; // waitForIdle() has seen it already
    m_status = status;
    const QPointer<PartFile> self(this);
    emit written();
    if (!self || !isIdle() || m_whenIdle.empty())
        return;
    const std::vector<std::function<void()>> callbacks = std::exchange(m_whenIdle, {});
    for (const std::function<void()> &then : callbacks)
        then();
}

void PartFile::whenIdle(std::function<void()> then)
{
    if (isIdle())
        then();
    else
        m_whenIdle.push_back(std::move(then));
}

void PartFile::waitForIdle()
{
    if (isIdle())
        return;
    {
        State &state = *m_state;
        QMutexLocker locker(&state.queueMutex);
        while (state.status.operationsDone < m_operationsQueued)
            state.operationDone.wait(&state.queueMutex);
        m_status = state.status;
    }
    // Those waiting for idle hear of it from the event loop, as they would have without the wait.
    if (!m_whenIdle.empty()) {
        QMetaObject::invokeMethod(
            this,
            [this, callbacks = std::exchange(m_whenIdle, {})] {
                for (const std::function<void()> &then : callbacks)
                    then();
            },
            Qt::QueuedConnection);
    }
}

void PartFile::setWriteDelayForTests(int ms)
{
    s_writeDelayForTestsMs = ms;
}
