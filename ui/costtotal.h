#pragma once

#include <QLabel>

class CostEstimator;
class JobList;
class QTimer;

// The status bar's cost summary: the estimated cost of the jobs sent today and this month (local time,
// by when they were sent), per currency, from the profiles' prices. Hidden while no job has a known
// cost; the tooltip says how many jobs could not be counted (no price, or length not known yet).
// Recounted shortly after the list or the prices change, never on every poll.
class CostTotal final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostTotal)

public:
    CostTotal(CostEstimator *costs, JobList *jobs, QWidget *parent = nullptr);
    ~CostTotal() override;

    // Counts now (tests; the widget itself waits a moment after each change).
    void recount();

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRecount();

    CostEstimator *m_costs;
    JobList *m_jobs;
    QTimer *m_delay;
    QTimer *m_midnight; // a new day or month starts the totals again
};
