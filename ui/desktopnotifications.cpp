#include "desktopnotifications.h"

#include "logging.h"
#include "services/sessionbus.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QTimer>
#include <QVariantMap>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString Service = u"org.freedesktop.Notifications"_s;
const QString Path = u"/org/freedesktop/Notifications"_s;
const QString Interface = u"org.freedesktop.Notifications"_s;
constexpr int BusCheckTimeoutMs = 3000;
} // namespace

DesktopNotifications::DesktopNotifications(QObject *parent)
    : QObject(parent)
{
    // The bus is asked without blocking; a bus that never answers leaves the notifications off.
    auto *guard = new QObject(this);
    QTimer::singleShot(BusCheckTimeoutMs, guard, [guard] { guard->deleteLater(); });
    auto *check = new BusCheck(BusAddress::fromEnvironment(), guard, [this, guard](bool alive, const QString &detail) {
        guard->deleteLater();
        if (!alive) {
            qCInfo(lcUi) << "no desktop notifications:" << detail;
            return;
        }
        connectToService();
    });
    check->start();
}

DesktopNotifications::~DesktopNotifications() = default;

void DesktopNotifications::connectToService()
{
    QDBusConnection bus = QDBusConnection::sessionBus(); // safe now: the bus answered
    if (!bus.isConnected())
        return;
    QDBusMessage ask = QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                                      u"org.freedesktop.DBus"_s, u"NameHasOwner"_s);
    ask << Service;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(ask), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<bool> reply = *watcher;
        // Many desktops start the service on first use (D-Bus activation): a name that can be
        // activated counts too.
        const bool owned = !reply.isError() && reply.value();
        const bool activatable =
            QDBusConnection::sessionBus().interface()
            && QDBusConnection::sessionBus().interface()->activatableServiceNames().value().contains(Service);
        m_available = owned || activatable;
        if (!m_available)
            return;
        QDBusConnection::sessionBus().connect(Service, Path, Interface, u"ActionInvoked"_s, this,
                                              SLOT(onActionInvoked(uint, QString)));
        emit availabilityChanged(true);
    });
}

void DesktopNotifications::notify(const QString &title, const QString &body, bool warning)
{
    if (!m_available)
        return;
    QDBusMessage message = QDBusMessage::createMethodCall(Service, Path, Interface, u"Notify"_s);
    const QVariantMap hints{{u"desktop-entry"_s, u"io.github.videoremix.videoremix"_s},
                            {u"urgency"_s, QVariant::fromValue<uchar>(warning ? 2 : 1)}};
    message << QCoreApplication::applicationName() << m_lastId << u"io.github.videoremix.videoremix"_s << title << body
            << QStringList{u"default"_s, tr("Show", "desktop notification action: show the job")} << hints
            << int(10000);
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError())
            qCInfo(lcUi) << "desktop notification not shown:" << reply.error().message();
        else
            m_lastId = reply.value();
    });
}

void DesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    if (id == m_lastId && action == "default"_L1)
        emit activated();
}
