#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM, SIGINT and SIGHUP (a logout, `kill`, Ctrl+C in a terminal) into an ordinary
// QCoreApplication::quit(), so that main() returns and its destructors run: the demo's temporary
// folder is removed and the settings are written, as when the window is closed. A signal handler may
// do almost nothing, so it only writes a byte into a socket pair; the event loop reads it (Qt's
// documented pattern, "Calling Qt Functions From Unix Signal Handlers"). One instance per process;
// without Unix signals (Windows) it does nothing.
class QuitOnSignal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuitOnSignal)

public:
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;

private:
    QSocketNotifier *m_notifier = nullptr;
};
