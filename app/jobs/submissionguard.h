#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <functional>

// Remembers the remixes sent in the last few seconds, so that the same remix sent again at once (the
// same source, prompt and service profile) can be told from a new one. Every remix is paid: the window
// asks before a quick repeat instead of sending it. The rule only; asking is the window's business.
class SubmissionGuard final
{
public:
    struct Submission
    {
        QString sourceVideoId;
        QString prompt;
        QString profileId;

        bool operator==(const Submission &other) const
        {
            return sourceVideoId == other.sourceVideoId && prompt == other.prompt && profileId == other.profileId;
        }
    };

    // Milliseconds of a monotonic clock; tests inject their own.
    using Clock = std::function<qint64()>;

    // Long enough for a double press or a second thought while the first answer is still coming, short
    // enough that a variant sent a little later on purpose is not questioned.
    static constexpr int DefaultWindowMs = 10000;

    explicit SubmissionGuard(int windowMs = DefaultWindowMs);

    int windowMs() const { return m_windowMs; }
    // 0 turns the guard off: nothing is a quick repeat.
    void setWindowMs(int ms);
    // Replaces the steady clock (an empty function restores it).
    void setClock(Clock clock);

    // True when the same submission was recorded less than windowMs() ago.
    bool isQuickRepeat(const Submission &submission) const;
    // Remembers that the submission was sent now, as the job jobId.
    void record(const Submission &submission, const QString &jobId);
    // Forgets the job's submission: the service refused it, so nothing was charged and sending it
    // again is no repeat.
    void forget(const QString &jobId);
    // How many submissions are remembered (those older than the window are dropped as new ones come).
    int size() const { return int(m_recent.size()); }

private:
    struct Entry
    {
        Submission submission;
        QString jobId;
        qint64 sentAtMs = 0;
    };

    qint64 now() const;
    bool isRecent(const Entry &entry, qint64 nowMs) const { return nowMs - entry.sentAtMs < m_windowMs; }

    int m_windowMs;
    Clock m_clock;
    QElapsedTimer m_steady;
    QList<Entry> m_recent;
};
