#include "rawtcpserver.h"

#include <QHostAddress>
#include <QTcpSocket>

#include <memory>

#include <sys/socket.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// True once the request head (and the body Content-Length announces) is in the buffer.
bool requestComplete(const QByteArray &data)
{
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    qsizetype contentLength = 0;
    const QList<QByteArray> lines = data.left(headEnd).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
            contentLength = line.mid(colon + 1).trimmed().toLongLong();
    }
    return data.size() >= headEnd + 4 + contentLength;
}

} // namespace

RawTcpServer::RawTcpServer(Behaviour behaviour, QObject *parent)
    : QObject(parent)
    , m_behaviour(behaviour)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RawTcpServer::onNewConnection);
}

RawTcpServer::~RawTcpServer() = default;

bool RawTcpServer::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl RawTcpServer::rootUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

void RawTcpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            if (!requestComplete(*buffer))
                return;
            // Answer once per connection; anything the client sends after that is ignored.
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            switch (m_behaviour) {
            case Behaviour::CloseImmediately:
                socket->disconnectFromHost();
                break;
            case Behaviour::ResetConnection: {
                // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
                const struct linger lingerOption
                {
                    1, 0
                };
                ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lingerOption,
                             sizeof(lingerOption));
                socket->abort();
                break;
            }
            case Behaviour::HalfResponse:
                socket->write("HTTP/1.1 200 OK\r\n"
                              "Content-Type: application/json\r\n"
                              "Content-Length: 1000\r\n"
                              "\r\n"
                              "{\"id\":\"vi");
                socket->disconnectFromHost();
                break;
            case Behaviour::SendThisThenClose:
                socket->write(m_canned);
                socket->disconnectFromHost();
                break;
            case Behaviour::SendThisThenHang:
                socket->write(m_canned);
                break;
            }
        });
    }
}
