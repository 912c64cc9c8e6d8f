#include "notificationtray.h"

#include "appcore.h"
#include "deferredicon.h"
#ifdef VIDEOREMIX_FREEDESKTOP
#include "desktopnotifications.h"
#endif
#include "firstframe.h"
#include "jobs/jobcontroller.h"
#include "jobs/jobmodel.h"
#include "jobs/notificationcoalescer.h"
#include "jobs/remixjob.h"
#include "settings.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace {
QString shortened(const QString &text, int maxChars)
{
    const QString simple = text.simplified();
    return simple.size() <= maxChars ? simple : simple.left(maxChars - 1) + u'…';
}
} // namespace

NotificationTray::NotificationTray(AppCore *core, QWidget *window)
    : QObject(window)
    , m_core(core)
    , m_window(window)
    , m_notifyAction(new QAction(this))
{
    setObjectName(u"notificationTray"_s);
    Settings *settings = m_core->settings();
    m_notifyAction->setObjectName(u"actionNotify"_s);
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(settings->notificationsEnabled());
    connect(m_notifyAction, &QAction::toggled, this, [this](bool on) {
        m_core->settings()->setNotificationsEnabled(on);
        m_core->notifications()->setEnabled(on);
        if (m_trayIcon)
            m_trayIcon->setVisible(on);
    });
    connect(settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::NotificationsEnabled)
            m_notifyAction->setChecked(m_core->settings()->notificationsEnabled());
    });

    // A finished job flashes the taskbar entry if the user is working in another window.
    connect(m_core->jobController(), &JobController::jobFinished, this, [this] { QApplication::alert(m_window); });
    connect(m_core->notifications(), &NotificationCoalescer::summaryReady, this,
            &NotificationTray::showFinishedSummary);
    // Whether there is a tray is asked of the X server and the session bus (StatusNotifierWatcher),
    // blocking calls the first frame need not wait for: no message can be due before it.
    FirstFrame::whenShown(this, [this] {
        createTrayIcon();
        m_notifyAction->setVisible(canShowDesktopMessages());
    });
}

bool NotificationTray::canShowDesktopMessages()
{
    if (QSystemTrayIcon::isSystemTrayAvailable())
        return true;
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // No session bus, no notification server. (Whether one runs on the bus is asked only when a message
    // is sent: asking here could block the start on a bus that does not answer.)
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFileInfo(runtime + u"/bus"_s).exists();
#else
    return false;
#endif
}

NotificationTray::~NotificationTray() = default;

void NotificationTray::createTrayIcon()
{
    // Desktop messages need a tray (a notification area); offscreen, in CI and on some desktops there
    // is none, and the status bar carries the message alone.
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
#ifdef VIDEOREMIX_FREEDESKTOP
        // Stock GNOME has no tray: the notification service shows the message instead.
        m_notifyAction->setVisible(false);
        m_desktop = new DesktopNotifications(this);
        connect(m_desktop, &DesktopNotifications::availabilityChanged, m_notifyAction, &QAction::setVisible);
        connect(m_desktop, &DesktopNotifications::activated, this, [this] {
            if (m_window->isMinimized())
                m_window->showNormal();
            m_window->show();
            m_window->raise();
            m_window->activateWindow();
            if (!m_notifiedJobId.isEmpty())
                emit jobActivated(m_notifiedJobId);
        });
#else
        m_notifyAction->setVisible(false); // nothing could show the message
#endif
        return;
    }
    m_trayIcon = new QSystemTrayIcon(this);
    m_trayIcon->setObjectName(u"trayIcon"_s);
    // The app's icon is set after the window's first frame (main.cpp); the tray takes it then.
    m_trayIcon->setIcon(DeferredIcon::standard(QStyle::SP_MediaPlay));
    FirstFrame::whenShown(m_trayIcon, [this] {
        if (!m_window->windowIcon().isNull())
            m_trayIcon->setIcon(m_window->windowIcon());
    });
    const auto bringUp = [this] {
        if (m_window->isMinimized())
            m_window->showNormal();
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
    };
    connect(m_trayIcon, &QSystemTrayIcon::activated, this, bringUp);
    connect(m_trayIcon, &QSystemTrayIcon::messageClicked, this, [this, bringUp] {
        bringUp();
        if (!m_notifiedJobId.isEmpty())
            emit jobActivated(m_notifiedJobId);
    });
    m_trayIcon->setToolTip(m_window->windowTitle()); // made after the first retranslate()
    m_trayIcon->setVisible(m_core->settings()->notificationsEnabled());
}

void NotificationTray::retranslate()
{
    m_notifyAction->setText(tr("&Notify When Jobs Finish", "checkable menu item: desktop message"));
    if (m_trayIcon)
        m_trayIcon->setToolTip(m_window->windowTitle());
}

void NotificationTray::showFinishedSummary(const QStringList &localIds, int completed, int failed)
{
    if (localIds.isEmpty())
        return;
    m_notifiedJobId = localIds.constFirst();
    QString text;
    if (completed + failed <= 1) {
        const QString prompt =
            shortened(m_core->jobModel()->indexOf(m_notifiedJobId).data(JobModel::PromptRole).toString(), 60);
        const auto kind = JobKind(m_core->jobModel()->indexOf(m_notifiedJobId).data(JobModel::KindRole).toInt());
        switch (kind) {
        case JobKind::Create:
            text = completed == 1
                       ? tr("New video completed: %1", "desktop message; %1 is the start of the prompt").arg(prompt)
                       : tr("New video failed: %1", "desktop message; %1 is the start of the prompt").arg(prompt);
            break;
        case JobKind::Extend:
            text = completed == 1
                       ? tr("Extension completed: %1", "desktop message; %1 is the start of the prompt").arg(prompt)
                       : tr("Extension failed: %1", "desktop message; %1 is the start of the prompt").arg(prompt);
            break;
        case JobKind::Remix:
            text = completed == 1
                       ? tr("Remix completed: %1", "desktop message; %1 is the start of the prompt").arg(prompt)
                       : tr("Remix failed: %1", "desktop message; %1 is the start of the prompt").arg(prompt);
            break;
        }
    } else if (failed == 0) {
        text = tr("%n remixes completed", "desktop message, several jobs (n >= 2)", completed);
    } else if (completed == 0) {
        text = tr("%n remixes failed", "desktop message, several jobs (n >= 2)", failed);
    } else {
        // n is the total (at least 2), so the English source needs no plural forms.
        text = tr("%n remixes finished: %1 completed, %2 failed",
                  "desktop message; n: all jobs (>= 2), %1 and %2: how many of them", completed + failed)
                   .arg(completed)
                   .arg(failed);
    }
    emit statusMessage(text, 15000);
#ifdef VIDEOREMIX_FREEDESKTOP
    if (m_desktop && m_core->settings()->notificationsEnabled())
        m_desktop->notify(m_window->windowTitle(), text, failed > 0);
#endif
    if (m_trayIcon && m_trayIcon->isVisible()) {
        m_trayIcon->showMessage(m_window->windowTitle(), text,
                                failed > 0 ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 10000);
    }
}
