#pragma once

#include <QObject>

class AppCore;
class DesktopNotifications;
class QAction;
class QSystemTrayIcon;
class QWidget;

// Tells the user that jobs finished while they look elsewhere: one summary per burst of finished jobs
// (NotificationCoalescer) in the status bar and as a desktop message — through the tray where the
// desktop has one, else through the freedesktop notification service (DesktopNotifications) — whose
// click brings the window forward on the first of those jobs. The toggle is offered only where a
// message can be shown. A finished job also flashes the
// window's taskbar entry. Owns the View menu's "Notify When Jobs Finish" toggle.
class NotificationTray final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationTray)

public:
    // window: the main window; its title and icon are the tray's, and it is brought up on a click.
    NotificationTray(AppCore *core, QWidget *window);
    ~NotificationTray() override;

    // The checkable "Notify When Jobs Finish" action, stored in the settings. Hidden where no desktop
    // message can be shown (see canShowDesktopMessages()).
    QAction *notifyAction() const { return m_notifyAction; }
    // Whether this desktop can show a message at all: it has a tray (a notification area), or a session
    // bus on which a freedesktop notification server (org.freedesktop.Notifications) can answer. Without
    // either, offering "Notify When Jobs Finish" would promise what cannot happen; the status bar still
    // says when jobs finish.
    static bool canShowDesktopMessages();
    // Sets the texts in the current language (after the window's title).
    void retranslate();

signals:
    // The summary, for the status bar.
    void statusMessage(const QString &text, int timeoutMs);
    // The user clicked the desktop message: the window is up, this job should be shown.
    void jobActivated(const QString &localId);

private:
    void createTrayIcon();
    void showFinishedSummary(const QStringList &localIds, int completed, int failed);

    AppCore *m_core;
    QWidget *m_window;
    QAction *m_notifyAction;
    QSystemTrayIcon *m_trayIcon = nullptr;
    DesktopNotifications *m_desktop = nullptr; // where there is no tray
    QString m_notifiedJobId;                   // the first job of the last desktop message, selected when it is clicked
};
