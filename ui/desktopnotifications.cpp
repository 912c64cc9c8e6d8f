#include "desktopnotifications.h"

#include "logging.h"
#include "services/sessionbus.h"

#include <QCoreApplication>
#include <QDBusConnection>
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
} // namespace

DesktopNotifications::DesktopNotifications(QObject *parent, int busCheckTimeoutMs)
    : QObject(parent)
{
    // The bus is asked without blocking; a bus that never answers leaves the notifications off.
    auto *guard = new QObject(this);
    QTimer::singleShot(busCheckTimeoutMs, guard, [this, guard] {
        qCInfo(lcUi) << "no desktop notifications: the session bus does not answer";
        guard->deleteLater(); // and the check with it
        finishCheck(false);
    });
    auto *check = new BusCheck(BusAddress::fromEnvironment(), guard, [this, guard](bool alive, const QString &detail) {
        guard->deleteLater();
        if (!alive) {
            qCInfo(lcUi) << "no desktop notifications:" << detail;
            finishCheck(false);
            return;
        }
        connectToService();
    });
    check->start();
}

void DesktopNotifications::finishCheck(bool available)
{
    m_available = available;
    if (available) {
        QDBusConnection::sessionBus().connect(Service, Path, Interface, u"ActionInvoked"_s, this,
                                              SLOT(onActionInvoked(uint, QString)));
        emit availabilityChanged(true);
    }
    emit checkFinished(available);
}

DesktopNotifications::~DesktopNotifications() = default;

void DesktopNotifications::connectToService()
{
    QDBusConnection bus = QDBusConnection::sessionBus(); // safe now: the bus answered
    if (!bus.isConnected()) {
        finishCheck(false);
        return;
    }
    // Is a notification server there, or can the bus start one (D-Bus activation)? Both asked
    // asynchronously: the window never waits for the bus.
    const auto ask = [bus](const QString &method) {
        QDBusMessage message = QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                                              u"org.freedesktop.DBus"_s, method);
        if (method == "NameHasOwner"_L1)
            message << Service;
        return bus.asyncCall(message);
    };
    auto *owner = new QDBusPendingCallWatcher(ask(u"NameHasOwner"_s), this);
    connect(owner, &QDBusPendingCallWatcher::finished, this, [this, owner, ask] {
        owner->deleteLater();
        const QDBusPendingReply<bool> owned = *owner;
        if (!owned.isError() && owned.value()) {
            finishCheck(true);
            return;
        }
        auto *activatable = new QDBusPendingCallWatcher(ask(u"ListActivatableNames"_s), this);
        connect(activatable, &QDBusPendingCallWatcher::finished, this, [this, activatable] {
            activatable->deleteLater();
            const QDBusPendingReply<QStringList> names = *activatable;
            finishCheck(!names.isError() && names.value().contains(Service));
        });
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
