#pragma once

// Small things the benchmarks share: printing "name: value" lines, the process's memory, a meter of
// the GUI thread's longest stall, and realistic jobs. Header only; benchmarks are not tests.

#include "jobs/remixjob.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdio>
#include <ctime>

namespace BenchSupport {

inline double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

inline void print(const QString &name, double value, int decimals = 1)
{
    std::printf("%s: %.*f\n", qPrintable(name), decimals, value);
    std::fflush(stdout);
}

// A line of /proc/self/status in kB ("VmRSS", "VmHWM"); 0 where there is none.
inline qint64 statusKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    // readAll(): atEnd() is true at once on /proc files (they report size 0).
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).simplified().split(' ').value(0).toLongLong();
    }
    return 0;
}
inline qint64 rssKb()
{
    return statusKb("VmRSS");
}
inline qint64 peakRssKb()
{
    return statusKb("VmHWM");
}

// The longest time the GUI thread's event loop was kept from a 1 ms precise timer: the worst delay
// an input event or a repaint would have seen. Starts at construction; reset() starts over.
class StallMeter final : public QObject
{
public:
    explicit StallMeter(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longestMs = qMax(m_longestMs, msSince(m_gap) - 1.0);
            const double cpuMs = threadCpuMs();
            m_longestBusyMs = qMax(m_longestBusyMs, cpuMs - m_cpuAtGapStartMs - 1.0);
            m_cpuAtGapStartMs = cpuMs;
            m_gap.restart();
        });
        reset();
        m_timer.start();
    }
    void reset()
    {
        m_longestMs = 0;
        m_longestBusyMs = 0;
        m_cpuAtGapStartMs = threadCpuMs();
        m_gap.start();
    }
    void stop() { m_timer.stop(); }
    // Includes the gap still open now.
    double longestMs() const { return qMax(m_longestMs, msSince(m_gap) - 1.0); }
    // Of the gaps, the most CPU time the GUI thread spent in one. A long gap with little CPU time is
    // the thread waiting for a core (two cores, more threads busy), not work done on it.
    double longestBusyMs() const { return m_longestBusyMs; }

private:
    static double threadCpuMs()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    }

    QTimer m_timer;
    QElapsedTimer m_gap;
    double m_longestMs = 0;
    double m_longestBusyMs = 0;
    double m_cpuAtGapStartMs = 0;
};

// A realistic finished job: a Chinese prompt of typical length, ids, times.
inline RemixJob finishedJob(int n, const QDateTime &start)
{
    using namespace Qt::Literals::StringLiterals;
    RemixJob job;
    job.localId = u"bench-%1"_s.arg(n, 6, 10, QChar(u'0'));
    job.sourceVideoId = u"video_%1"_s.arg(n * 7919, 8, 16, QChar(u'0'));
    job.resultVideoId = u"video_result_%1"_s.arg(n);
    job.prompt = u"让这个视频背景变成紫色，第 %1 个版本 — make the sky purple"_s.arg(n);
    job.state = JobState::Completed;
    job.progress = 100;
    job.submittedAt = start.addSecs(qint64(n) * 60);
    job.completedAt = job.submittedAt.addSecs(90);
    job.updatedAt = job.completedAt;
    job.apiBase = QUrl(u"https://relay.example/v1"_s);
    job.downloadState = DownloadState::Done;
    job.filePath = u"/tmp/none/video %1.mp4"_s.arg(n);
    return job;
}

} // namespace BenchSupport
