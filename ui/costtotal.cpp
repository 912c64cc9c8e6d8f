#include "costtotal.h"

#include "jobs/costestimator.h"
#include "jobs/joblist.h"
#include "services/pricelist.h"

#include <QDateTime>
#include <QEvent>
#include <QMap>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {
QString amounts(const QMap<QString, double> &byCurrency)
{
    QStringList parts;
    for (auto it = byCurrency.cbegin(); it != byCurrency.cend(); ++it)
        parts << Cost::format(it.value(), it.key());
    return parts.join(u" + "_s);
}
} // namespace

CostTotal::CostTotal(CostEstimator *costs, JobList *jobs, QWidget *parent)
    : QLabel(parent)
    , m_costs(costs)
    , m_jobs(jobs)
    , m_delay(new QTimer(this))
    , m_midnight(new QTimer(this))
{
    setObjectName(u"costTotalLabel"_s);
    setTextFormat(Qt::PlainText);
    setContentsMargins(0, 0, 2 * fontMetrics().averageCharWidth(), 0); // apart from what follows it
    m_delay->setSingleShot(true);
    m_delay->setInterval(300);
    connect(m_delay, &QTimer::timeout, this, &CostTotal::recount);
    m_midnight->setSingleShot(true);
    connect(m_midnight, &QTimer::timeout, this, &CostTotal::recount);
    connect(jobs, &JobList::jobAdded, this, &CostTotal::scheduleRecount);
    connect(jobs, &JobList::jobRemoved, this, &CostTotal::scheduleRecount);
    connect(jobs, &JobList::olderJobsAppended, this, &CostTotal::scheduleRecount);
    // Only what changes a cost: the state (a failed job costs nothing) and the length a remix learns.
    connect(jobs, &JobList::jobChanged, this, [this](const QString &localId, const RemixJob &previous) {
        const RemixJob *job = m_jobs->find(localId);
        if (job && (job->state != previous.state || job->seconds != previous.seconds || job->model != previous.model))
            scheduleRecount();
    });
    connect(costs, &CostEstimator::pricesChanged, this, &CostTotal::scheduleRecount);
    recount();
}

CostTotal::~CostTotal() = default;

void CostTotal::scheduleRecount()
{
    if (!m_delay->isActive())
        m_delay->start();
}

void CostTotal::recount()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDate today = now.date();
    // Count once more just after midnight.
    m_midnight->start(
        int(qBound<qint64>(1000, now.msecsTo(QDateTime(today.addDays(1), QTime(0, 0, 1))), 24LL * 3600 * 1000)));
    QMap<QString, double> day;
    QMap<QString, double> month;
    int uncounted = 0;
    bool anyKnown = false;
    // This month and today as instants: a job's time is compared as it is stored (UTC), not converted
    // to local time one job at a time (~6 µs each, a 60 ms stall over a 10,000-job history).
    // startOfDay(): where clocks jump at midnight, 00:00 does not exist and the day starts later.
    const QDate firstOfMonth(today.year(), today.month(), 1);
    const QDateTime monthStart = firstOfMonth.startOfDay().toUTC();
    const QDateTime monthEnd = firstOfMonth.addMonths(1).startOfDay().toUTC();
    const QDateTime dayStart = today.startOfDay().toUTC();
    const QDateTime dayEnd = today.addDays(1).startOfDay().toUTC();
    m_jobs->forEachJob([&](const RemixJob &job) {
        const QDateTime sent = job.submittedAt;
        if (!sent.isValid() || sent < monthStart || sent >= monthEnd)
            return;
        const CostEstimator::Estimate estimate = m_costs->forJob(job);
        if (!estimate.isKnown()) {
            ++uncounted;
            return;
        }
        anyKnown = true;
        month[estimate.currency] += *estimate.amount;
        if (sent >= dayStart && sent < dayEnd)
            day[estimate.currency] += *estimate.amount;
    });
    if (!anyKnown) {
        clear();
        setToolTip(QString());
        hide();
        return;
    }
    if (day.isEmpty())
        day = {{month.firstKey(), 0.0}};
    setText(tr("Today %1 · this month %2", "status bar: estimated cost of the jobs sent; %1 and %2 are amounts")
                .arg(amounts(day), amounts(month)));
    QString tip = tr("Estimated from the prices set for each service in Settings.",
                     "tooltip of the cost total in the status bar");
    if (uncounted > 0) {
        tip += u'\n'
               + tr("%n job(s) this month are not counted: no price for their model, or their length is not known.",
                    "tooltip of the cost total", uncounted);
    }
    setToolTip(tip);
    show();
}

void CostTotal::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        recount();
    QLabel::changeEvent(event);
}
