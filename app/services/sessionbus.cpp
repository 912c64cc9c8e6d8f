#include "services/sessionbus.h"

#include <QFileInfo>
#include <QHash>
#include <QLocalSocket>
#include <QStringList>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace {
// Unescapes a D-Bus address value ("%2f" -> "/").
QString unescapeDBusValue(const QString &value)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(value.toUtf8()));
}
} // namespace

BusAddress BusAddress::fromEnvironment()
{
    BusAddress address;
    const QString value = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    const QString runtimeBus = qEnvironmentVariable("XDG_RUNTIME_DIR") + "/bus"_L1;
    if (value.isEmpty()) {
        // libdbus falls back to $XDG_RUNTIME_DIR/bus (and X11 autolaunch, which a keychain never needs).
        if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR") && QFileInfo::exists(runtimeBus)) {
            address.transport = Transport::UnixPath;
            address.path = runtimeBus;
            address.text = "unix:path="_L1 + runtimeBus;
        }
        return address;
    }
    address.text = value;
    // Several addresses may be listed; libdbus uses the first that works. Check the first one.
    const QString first = value.section(u';', 0, 0);
    const QString transport = first.section(u':', 0, 0);
    QHash<QString, QString> keys;
    const QStringList pairs = first.section(u':', 1).split(u',', Qt::SkipEmptyParts);
    for (const QString &pair : pairs)
        keys.insert(pair.section(u'=', 0, 0), unescapeDBusValue(pair.section(u'=', 1)));

    if (transport == "unix"_L1) {
        if (keys.contains(u"path"_s)) {
            address.transport = Transport::UnixPath;
            address.path = keys.value(u"path"_s);
        } else if (keys.contains(u"abstract"_s)) {
            address.transport = Transport::UnixAbstract;
            address.path = keys.value(u"abstract"_s);
        } else if (keys.value(u"runtime"_s) == "yes"_L1) {
            address.transport = Transport::UnixPath;
            address.path = runtimeBus;
        } else {
            address.transport = Transport::Unchecked;
        }
    } else if (transport == "tcp"_L1) {
        address.transport = Transport::Tcp;
        address.host = keys.value(u"host"_s, u"localhost"_s);
        address.port = keys.value(u"port"_s).toUShort();
    } else {
        address.transport = Transport::Unchecked;
    }
    return address;
}

BusCheck::BusCheck(const BusAddress &address, QObject *parent, Done done)
    : QObject(parent)
    , m_address(address)
    , m_done(std::move(done))
{}

void BusCheck::start()
{
    switch (m_address.transport) {
    case BusAddress::Transport::None:
        finishLater(false, u"no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)"_s);
        return;
    case BusAddress::Transport::Unchecked:
        finishLater(true, QString());
        return;
    case BusAddress::Transport::UnixPath:
    case BusAddress::Transport::UnixAbstract: {
        auto *socket = new QLocalSocket(this);
        if (m_address.transport == BusAddress::Transport::UnixAbstract)
            socket->setSocketOptions(QLocalSocket::AbstractNamespaceOption);
        watch(socket);
        socket->connectToServer(m_address.path);
        return;
    }
    case BusAddress::Transport::Tcp: {
        auto *socket = new QTcpSocket(this);
        watch(socket);
        socket->connectToHost(m_address.host, m_address.port);
        return;
    }
    }
}

template<typename Socket> void BusCheck::watch(Socket *socket)
{
    m_device = socket;
    connect(socket, &Socket::connected, this, [socket] { socket->write(QByteArray("\0AUTH\r\n", 7)); });
    connect(socket, &Socket::readyRead, this, [this, socket] {
        m_buffer += socket->readAll();
        if (m_buffer.contains("\r\n"))
            finish(true, QString());
    });
    connect(socket, &Socket::errorOccurred, this, [this, socket] {
        finish(false, "D-Bus session bus at "_L1 + m_address.text + " not reachable: "_L1 + socket->errorString());
    });
}

void BusCheck::finishLater(bool alive, const QString &detail)
{
    QMetaObject::invokeMethod(
        this, [this, alive, detail] { finish(alive, detail); }, Qt::QueuedConnection);
}

void BusCheck::finish(bool alive, const QString &detail)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_device) {
        m_device->disconnect(this);
        m_device->close();
    }
    Done done = std::move(m_done);
    deleteLater();
    done(alive, detail);
}
