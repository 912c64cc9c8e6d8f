#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

// A misbehaving server for transport failures QHttpServer cannot play: it accepts a connection,
// reads the request, then does one of the things below.
class RawTcpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawTcpServer)

public:
    enum class Behaviour
    {
        CloseImmediately,  // close the socket without a byte: "connection closed"
        ResetConnection,   // abort with SO_LINGER 0: a TCP reset
        HalfResponse,      // send headers with Content-Length 1000 and 10 bytes, then close
        SendThisThenClose, // send cannedResponse verbatim, then close
        SendThisThenHang,  // send cannedResponse verbatim, then keep the connection open, silent
    };

    explicit RawTcpServer(Behaviour behaviour, QObject *parent = nullptr);
    ~RawTcpServer() override;

    bool start(); // 127.0.0.1, free port
    QUrl rootUrl() const;
    int connectionCount() const { return m_connections; }
    void setCannedResponse(const QByteArray &response) { m_canned = response; }

private:
    void onNewConnection();

    QTcpServer m_server;
    Behaviour m_behaviour;
    QByteArray m_canned;
    int m_connections = 0;
};
