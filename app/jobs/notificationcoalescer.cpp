#include "jobs/notificationcoalescer.h"

NotificationCoalescer::NotificationCoalescer(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultWindowMs);
    connect(&m_timer, &QTimer::timeout, this, &NotificationCoalescer::flush);
}

NotificationCoalescer::~NotificationCoalescer() = default;

void NotificationCoalescer::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        m_timer.stop();
        m_ids.clear();
        m_completed = m_failed = 0;
    }
}

void NotificationCoalescer::jobCompleted(const QString &localId)
{
    add(localId, true);
}

void NotificationCoalescer::jobFailed(const QString &localId)
{
    add(localId, false);
}

void NotificationCoalescer::add(const QString &localId, bool completed)
{
    if (!m_enabled || m_ids.contains(localId))
        return;
    m_ids.append(localId);
    (completed ? m_completed : m_failed)++;
    // The window starts with the first event and is not extended: a steady trickle of finishing jobs
    // still gives a message every few seconds rather than none until the trickle stops.
    if (!m_timer.isActive())
        m_timer.start();
}

void NotificationCoalescer::flush()
{
    m_timer.stop();
    if (m_ids.isEmpty())
        return;
    const QStringList ids = std::exchange(m_ids, {});
    const int completed = std::exchange(m_completed, 0);
    const int failed = std::exchange(m_failed, 0);
    emit summaryReady(ids, completed, failed);
}
