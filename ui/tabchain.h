#pragma once

#include <QList>

class QWidget;

namespace TabChain {
// Makes Tab go from `after` through the panes top to bottom as they are drawn, whatever order their
// widgets were made in. Within a pane its widgets keep their creation order, except that line edits
// come after the rest (a filter bar's buttons are left of its search field). Widgets without Tab focus,
// or with a focus proxy, are skipped.
void chainDown(QWidget *after, const QList<QWidget *> &panes);
} // namespace TabChain
