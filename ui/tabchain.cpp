#include "tabchain.h"

#include <QLineEdit>
#include <QWidget>

#include <algorithm>

void TabChain::chainDown(QWidget *after, const QList<QWidget *> &panes)
{
    QWidget *last = after;
    for (QWidget *pane : panes) {
        QList<QWidget *> widgets = pane->findChildren<QWidget *>();
        widgets.prepend(pane);
        std::stable_partition(widgets.begin(), widgets.end(),
                              [](const QWidget *widget) { return !qobject_cast<const QLineEdit *>(widget); });
        for (QWidget *widget : std::as_const(widgets)) {
            if (!(widget->focusPolicy() & Qt::TabFocus) || widget->focusProxy())
                continue;
            QWidget::setTabOrder(last, widget);
            last = widget;
        }
    }
}
