#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

// Gathers "job finished" events so that several jobs finishing within a short time make one desktop
// message ("3 remixes completed, 1 failed") instead of a burst of them.
class NotificationCoalescer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationCoalescer)

public:
    static constexpr int DefaultWindowMs = 4000;

    explicit NotificationCoalescer(QObject *parent = nullptr);
    ~NotificationCoalescer() override;

    // How long to wait for more events after the first one; tests use a few milliseconds.
    void setWindowMs(int ms) { m_timer.setInterval(ms); }
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    void jobCompleted(const QString &localId);
    void jobFailed(const QString &localId);

    // Emits what was gathered now (e.g. when the app quits).
    void flush();

signals:
    // localIds: every job in this message, the first finished first (clicking the message shows it).
    void summaryReady(const QStringList &localIds, int completed, int failed);

private:
    void add(const QString &localId, bool completed);

    QTimer m_timer;
    bool m_enabled = true;
    QStringList m_ids;
    int m_completed = 0;
    int m_failed = 0;
};
