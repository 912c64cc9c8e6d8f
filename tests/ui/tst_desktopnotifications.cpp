#include "desktopnotifications.h"

#include <QDBusConnection>
#include <QDir>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// A stand-in for the desktop's notification service on a private session bus.
class FakeNotificationService final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QStringList summaries;
    QStringList bodies;

public slots:
    uint Notify(const QString &appName,
                uint replacesId,
                const QString &icon,
                const QString &summary,
                const QString &body,
                const QStringList &actions,
                const QVariantMap &hints,
                int timeout)
    {
        Q_UNUSED(appName)
        Q_UNUSED(replacesId)
        Q_UNUSED(icon)
        Q_UNUSED(actions)
        Q_UNUSED(hints)
        Q_UNUSED(timeout)
        summaries << summary;
        bodies << body;
        return uint(summaries.size());
    }
};

// Desktops without a tray (stock GNOME) get "jobs finished" through org.freedesktop.Notifications.
class TstDesktopNotifications final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A private session bus for this test only (the machine may have none).
        m_bus.setProgram(u"dbus-daemon"_s);
        m_bus.setArguments({u"--session"_s, u"--nofork"_s, u"--print-address"_s});
        m_bus.start();
        if (!m_bus.waitForStarted(5000))
            QSKIP("dbus-daemon is not installed");
        QTRY_VERIFY(m_bus.canReadLine());
        const QByteArray address = m_bus.readLine().trimmed();
        QVERIFY(!address.isEmpty());
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    }
    void cleanupTestCase()
    {
        m_bus.kill();
        m_bus.waitForFinished();
    }

    void withoutTheServiceNothingIsOffered()
    {
        DesktopNotifications notifications;
        QSignalSpy checked(&notifications, &DesktopNotifications::checkFinished);
        QVERIFY(checked.wait(5000));
        QCOMPARE(checked.first().first().toBool(), false);
        QVERIFY(!notifications.isAvailable());
        notifications.notify(u"Video Remix"_s, u"nothing"_s, false); // no crash, no call
    }

    void messagesReachTheService()
    {
        FakeNotificationService service;
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY(bus.registerService(u"org.freedesktop.Notifications"_s));
        QVERIFY(bus.registerObject(u"/org/freedesktop/Notifications"_s, &service, QDBusConnection::ExportAllSlots));
        DesktopNotifications notifications;
        QSignalSpy checked(&notifications, &DesktopNotifications::checkFinished);
        QVERIFY(checked.wait(5000));
        QCOMPARE(checked.first().first().toBool(), true);
        QVERIFY(notifications.isAvailable());
        notifications.notify(u"Video Remix"_s, u"3 remixes completed"_s, false);
        QTRY_COMPARE(service.bodies.size(), 1);
        QCOMPARE(service.summaries.first(), u"Video Remix"_s);
        QCOMPARE(service.bodies.first(), u"3 remixes completed"_s);
        bus.unregisterObject(u"/org/freedesktop/Notifications"_s);
        bus.unregisterService(u"org.freedesktop.Notifications"_s);
    }

    void aSilentBusDoesNotBlock()
    {
        // A socket that accepts and never answers: the check gives up in the background.
        QLocalServer silent;
        const QString name =
            QDir::temp().filePath(u"videoremix-silent-bus-%1"_s.arg(QCoreApplication::applicationPid()));
        QLocalServer::removeServer(name);
        QVERIFY(silent.listen(name));
        const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + name.toUtf8());
        QElapsedTimer clock;
        clock.start();
        DesktopNotifications notifications(nullptr, 300);
        QVERIFY(clock.elapsed() < 100); // the constructor returns at once
        QSignalSpy checked(&notifications, &DesktopNotifications::checkFinished);
        QVERIFY(checked.wait(5000)); // given up after its timeout, in the background
        QCOMPARE(checked.first().first().toBool(), false);
        QVERIFY(!notifications.isAvailable());
        qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
    }

private:
    QProcess m_bus;
};

QTEST_MAIN(TstDesktopNotifications)
#include "tst_desktopnotifications.moc"
