#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

class QIODevice;

// Is the D-Bus session bus there and answering? Asked without blocking: QDBusConnection::sessionBus()
// blocks the calling thread for 20-40 s on a bus that accepts connections but never answers (seen on
// machines without a desktop session). The keychain (SecretStore) and the desktop notifications ask
// here first and use QtDBus / QtKeychain only on a live bus.

// Where the session bus is, as libdbus would find it. Only the transports a desktop uses are checked
// (unix path/abstract/runtime, tcp); for anything else the transport is Unchecked and trusted.
struct BusAddress
{
    enum class Transport
    {
        None,     // no session bus at all
        UnixPath, // a socket file
        UnixAbstract,
        Tcp,
        Unchecked, // a transport we do not probe (launchd:, autolaunch:, unixexec:, ...)
    };
    Transport transport = Transport::None;
    QString path; // socket path or abstract name
    QString host;
    quint16 port = 0;
    QString text; // for the detail (the address itself holds no secret)

    static BusAddress fromEnvironment();
};

// Connects to the session bus and starts the D-Bus authentication ("\0AUTH\r\n"); any daemon answers
// at once with a line ("REJECTED EXTERNAL ..."). Fully asynchronous. Calls done once, then deletes
// itself; the caller keeps its own timeout (a silent bus never answers).
class BusCheck final : public QObject
{
    Q_DISABLE_COPY_MOVE(BusCheck)

public:
    using Done = std::function<void(bool alive, const QString &detail)>;

    BusCheck(const BusAddress &address, QObject *parent, Done done);
    void start();

private:
    template<typename Socket> void watch(Socket *socket);
    void finishLater(bool alive, const QString &detail);
    void finish(bool alive, const QString &detail);

    BusAddress m_address;
    Done m_done;
    QIODevice *m_device = nullptr;
    QByteArray m_buffer;
    bool m_finished = false;
};
