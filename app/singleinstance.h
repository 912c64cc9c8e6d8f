#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

// One running app per user and history: a second start hands over to the first (which brings its
// window to the front) instead of opening the history database twice.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    // key: what makes two instances "the same" (the history path); hashed into a socket name.
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when another instance answered and was asked to show itself: this one should quit.
    bool notifyRunningInstance(int timeoutMs = 1000);
    // Starts listening so later starts find this instance. False when the name cannot be taken.
    bool listen();
    QString serverName() const { return m_serverName; }

signals:
    // Another start asked this instance to come to the front.
    void activationRequested();

private:
    QString m_serverName;
    QLocalServer *m_server = nullptr;
};
