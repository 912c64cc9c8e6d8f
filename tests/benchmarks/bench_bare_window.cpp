// The floor for start-up: a bare QMainWindow of the same size, built with the same flags and libraries
// as the app, which prints the CLOCK_MONOTONIC time of its first expose and quits (the same probe as
// app/main.cpp with VIDEOREMIX_BENCH_FIRST_FRAME). Run by startup_driver.py, alternately with the app.

#include <QApplication>
#include <QMainWindow>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <ctime>

namespace {
class FirstFrameProbe final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *window = qobject_cast<QWindow *>(watched);
        if (event->type() == QEvent::Expose && window && window->isExposed() && !m_done) {
            m_done = true;
            timespec now{};
            clock_gettime(CLOCK_MONOTONIC, &now);
            std::printf("first_expose_monotonic_ns: %lld\n", qint64(now.tv_sec) * 1000000000LL + now.tv_nsec);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return false;
    }

private:
    bool m_done = false;
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Bare"));
    window.resize(960, 640);
    window.show();
    window.windowHandle()->installEventFilter(new FirstFrameProbe(&window));
    return app.exec();
}
