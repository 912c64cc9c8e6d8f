// The floor for start-up: a bare QMainWindow of the same size, built with the same flags and libraries
// as the app, which prints the CLOCK_MONOTONIC time of its first expose and quits (the same probe as
// app/main.cpp with VIDEOREMIX_BENCH_FIRST_FRAME). Run by startup_driver.py, alternately with the app.
// With --with-text, a reference rather than a floor: the same window with the least any real window
// shows (two menus, a label, a line edit), for what the first text on screen costs in Qt itself (the
// font database, a font engine, text shaping).

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QTimer>
#include <QVBoxLayout>
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
    if (app.arguments().contains(QStringLiteral("--with-text"))) {
        window.menuBar()->addMenu(QStringLiteral("&File"));
        window.menuBar()->addMenu(QStringLiteral("&Help"));
        auto *central = new QWidget;
        auto *layout = new QVBoxLayout(central);
        layout->addWidget(new QLabel(QStringLiteral("Video ID:")));
        layout->addWidget(new QLineEdit);
        layout->addStretch();
        window.setCentralWidget(central);
    }
    window.show();
    window.windowHandle()->installEventFilter(new FirstFrameProbe(&window));
    return app.exec();
}
