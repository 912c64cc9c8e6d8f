#include "firstframe.h"

#include <QApplication>
#include <QList>
#include <QPointer>
#include <QWidget>

namespace {
struct Waiting
{
    QPointer<QObject> context;
    std::function<void()> work;
};

struct State
{
    bool held = false;
    QList<Waiting> waiting;
};

State &state()
{
    static State instance;
    return instance;
}
} // namespace

namespace FirstFrame {
void hold()
{
    state().held = true;
}

void release()
{
    State &s = state();
    if (!s.held)
        return;
    s.held = false;
    const QList<Waiting> waiting = std::exchange(s.waiting, {});
    for (const Waiting &item : waiting) {
        if (item.context)
            item.work();
    }
    // Deferred icons draw nothing until now; a repaint of each window draws them.
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (window->isVisible())
            window->update();
    }
}

bool isHeld()
{
    return state().held;
}

void whenShown(QObject *context, std::function<void()> work)
{
    State &s = state();
    if (!s.held) {
        work();
        return;
    }
    s.waiting.append({context, std::move(work)});
}
} // namespace FirstFrame
