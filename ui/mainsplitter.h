#pragma once

#include <QSplitter>

class JobDetailsPanel;
class JobListView;
class QWidget;

// The main window's three panes, top to bottom: the composer (forms), the job list pane and the
// selected job's details. The user can drag the borders; on every resize the list keeps room for
// about six rows as long as the details (and their player), then the form's extra height, can give it.
// The first layout without a saved state gives the form its natural height, not QSplitter's share.
class MainSplitter final : public QSplitter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainSplitter)

public:
    // form is the composer's current form, whose minimum sets how far the top pane may shrink.
    MainSplitter(QWidget *composer,
                 QWidget *form,
                 QWidget *listPane,
                 JobListView *list,
                 JobDetailsPanel *details,
                 QWidget *parent = nullptr);
    ~MainSplitter() override;

    // A saved layout (from saveState()); false, and the first layout is made afresh, if it does not fit.
    bool restoreLayout(const QByteArray &state);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void balance();

    QWidget *m_form;
    JobListView *m_list;
    JobDetailsPanel *m_details;
    bool m_balanced = false; // the first layout was made (or a saved one restored)
};
