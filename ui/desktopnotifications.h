#pragma once

#include <QObject>

// Desktop messages through the freedesktop notification service (org.freedesktop.Notifications over
// the session bus) — the path for desktops without a system tray, stock GNOME among them. The bus is
// checked without blocking first (BusCheck); until it answered, and where there is no bus or no
// service, isAvailable() is false and notify() does nothing. A click on the message ("default" action)
// emits activated().
class DesktopNotifications final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifications)

public:
    static constexpr int DefaultBusCheckTimeoutMs = 3000;

    // busCheckTimeoutMs: how long a bus that does not answer is waited for (tests use less).
    explicit DesktopNotifications(QObject *parent = nullptr, int busCheckTimeoutMs = DefaultBusCheckTimeoutMs);
    ~DesktopNotifications() override;

    bool isAvailable() const { return m_available; }
    // Replaces the previous message of this app (one at a time, like the tray's).
    void notify(const QString &title, const QString &body, bool warning);

signals:
    void availabilityChanged(bool available);
    // The checks are over (bus and service); isAvailable() is final from here.
    void checkFinished(bool available);
    void activated();

private slots:
    void onActionInvoked(uint id, const QString &action);

private:
    void connectToService();
    void finishCheck(bool available);

    bool m_available = false;
    uint m_lastId = 0;
};
