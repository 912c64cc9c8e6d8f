#include "jobs/jobmodel.h"

#include "jobs/costestimator.h"
#include "jobs/joblist.h"
#include "services/pricelist.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {
// Which columns a field feeds, so updateJob() can tell the view exactly which cells changed.
constexpr quint32 bit(int column)
{
    return 1u << column;
}

quint32 changedColumns(const RemixJob &before, const RemixJob &after, bool costs)
{
    quint32 mask = 0;
    if (before.sourceVideoId != after.sourceVideoId || before.kind != after.kind)
        mask |= bit(JobModel::SourceColumn);
    if (before.prompt != after.prompt)
        mask |= bit(JobModel::PromptColumn);
    // The status cell shows the state word, the raw status for unknown ones, and the error or retry note.
    if (before.state != after.state || before.rawStatus != after.rawStatus || before.retrying != after.retrying
        || before.pollingStopped != after.pollingStopped || before.error.kind != after.error.kind
        || before.error.httpStatus != after.error.httpStatus || before.error.message != after.error.message
        || before.error.messageZh != after.error.messageZh || before.error.code != after.error.code)
        mask |= bit(JobModel::StatusColumn);
    // The status cell also tells where the download stands.
    if (before.downloadState != after.downloadState || before.downloadFailure != after.downloadFailure
        || before.expiresAt != after.expiresAt)
        mask |= bit(JobModel::StatusColumn);
    // The bar's colour follows the state, and after completion it shows the download.
    if (before.progress != after.progress || before.state != after.state || before.downloadState != after.downloadState
        || before.downloadProgress != after.downloadProgress)
        mask |= bit(JobModel::ProgressColumn);
    // A failed job shows no result id, so failing (or being retried) changes the result cell too.
    const bool failedBefore = JobStates::category(before.state) == StateCategory::Failed;
    const bool failedAfter = JobStates::category(after.state) == StateCategory::Failed;
    if (before.resultVideoId != after.resultVideoId || before.thumbnailPath != after.thumbnailPath
        || before.filePath != after.filePath || failedBefore != failedAfter)
        mask |= bit(JobModel::ResultColumn);
    if (before.submittedAt != after.submittedAt || before.completedAt != after.completedAt)
        mask |= bit(JobModel::TimeColumn);
    // A cost follows the state (a failed job costs nothing) and the model and length a remix learns.
    if (costs && (before.state != after.state || before.model != after.model || before.seconds != after.seconds))
        mask |= bit(JobModel::CostColumn);
    return mask;
}

ApiOperation operationFor(const RemixJob &job)
{
    return job.resultVideoId.isEmpty() ? ApiOperation::Remix : ApiOperation::Poll;
}

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}
} // namespace

JobModel::JobModel(JobList *list, QObject *parent)
    : QAbstractTableModel(parent)
    , m_list(list)
{
    connect(m_list, &JobList::jobAdded, this, &JobModel::onJobAdded);
    connect(m_list, &JobList::olderJobsAppended, this, &JobModel::onOlderJobsAppended);
    connect(m_list, &JobList::jobChanged, this, &JobModel::onJobChanged);
    connect(m_list, &JobList::jobRemoved, this, &JobModel::onJobRemoved);
    // Jobs already in the list (a model made later than the list).
    const QVector<RemixJob> existing = m_list->jobs();
    for (auto it = existing.crbegin(); it != existing.crend(); ++it)
        m_ids.append(it->localId);
    reindex();
    m_coalesceTimer.setSingleShot(true);
    m_coalesceTimer.setInterval(100);
    connect(&m_coalesceTimer, &QTimer::timeout, this, &JobModel::flushPendingChanges);
}

JobModel::~JobModel() = default;

int JobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int JobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int JobModel::indexOfRow(int row) const
{
    return int(m_ids.size()) - 1 - row;
}

int JobModel::rowOfIndex(int storageIndex) const
{
    return int(m_ids.size()) - 1 - storageIndex;
}

const RemixJob *JobModel::jobAt(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    return m_list->find(m_ids.at(indexOfRow(row)));
}

int JobModel::rowOf(const QString &localId) const
{
    const auto it = m_indexById.constFind(localId);
    return it == m_indexById.cend() ? -1 : rowOfIndex(it.value() - m_firstSeq);
}

QModelIndex JobModel::indexOf(const QString &localId, int column) const
{
    const int row = rowOf(localId);
    return row < 0 ? QModelIndex() : index(row, column);
}

std::optional<RemixJob> JobModel::job(const QString &localId) const
{
    return m_list->job(localId);
}

QVector<RemixJob> JobModel::jobs() const
{
    return m_list->jobs();
}

QString JobModel::statusText(const RemixJob &job) const
{
    QString text =
        job.state == JobState::Unknown && !job.rawStatus.isEmpty()
            ? tr("Status “%1”", "job status: a word the service sent that the app does not know").arg(job.rawStatus)
            : JobStates::displayName(job.state);
    if (job.pollingStopped && job.error.isError())
        return tr("%1 · stopped checking: %2", "job status: %1 is the last known status; polling gave up for the "
                                               "reason %2 (a few words, e.g. 'API key rejected')")
            .arg(text, job.error.shortReason(operationFor(job)));
    if (job.pollingStopped)
        return tr("%1 · stopped checking", "job status: %1 is the last known status; polling gave up").arg(text);
    if (job.retrying)
        return tr("%1 · retrying", "job status: %1 is the last known status; the service is not answering").arg(text);
    // Short, so the column shows it whole ("Failed · blocked by moderation"); the full sentence with what to
    // do is in the tooltip and the details.
    if (job.error.isError() && JobStates::category(job.state) == StateCategory::Failed)
        return tr("%1 · %2", "job status: the state, then the reason in a few words (e.g. 'blocked by moderation')")
            .arg(text, job.error.shortReason(operationFor(job)));
    if (job.state == JobState::Completed) {
        switch (job.downloadState) {
        case DownloadState::Pending:
            return tr("%1 · waiting to download", "job status: %1 is 'Completed'").arg(text);
        case DownloadState::Downloading:
            return tr("%1 · downloading", "job status: %1 is 'Completed'").arg(text);
        case DownloadState::Done:
            return tr("%1 · saved", "job status: %1 is 'Completed'; the video file is on disk").arg(text);
        case DownloadState::Failed:
            return tr("%1 · download failed", "job status: %1 is 'Completed'").arg(text);
        case DownloadState::Expired:
            return tr("%1 · download link expired", "job status: %1 is 'Completed'").arg(text);
        case DownloadState::None:
            break;
        }
    }
    return text;
}

QString JobModel::displayText(const RemixJob &job, int column) const
{
    switch (column) {
    case SourceColumn:
        switch (job.kind) {
        case JobKind::Remix:
            break;
        case JobKind::Create:
            return tr("New video", "source column of a job that makes a new video (no source)");
        case JobKind::Extend:
            return tr("%1 · extended", "source column of a job that continues the video %1").arg(job.sourceVideoId);
        }
        return job.sourceVideoId;
    case PromptColumn:
        // One line in the table; the full prompt is in the tooltip.
        return job.prompt.simplified();
    case StatusColumn:
        return statusText(job);
    case ProgressColumn:
        // A job that ended without a video has no progress to show: a bar stuck at "0 %" looks like a hang.
        if (JobStates::category(job.state) == StateCategory::Failed)
            return JobStates::displayName(job.state);
        if (job.state == JobState::Completed && job.downloadState == DownloadState::Downloading)
            return tr("Downloading %1 %", "progress bar text while the video file downloads").arg(job.downloadProgress);
        return tr("%1 %", "progress percentage").arg(job.progress);
    case ResultColumn:
        // A failed job's id names no video anyone can watch or remix (ResultIdRole still has it).
        return JobStates::category(job.state) == StateCategory::Failed ? QString() : job.resultVideoId;
    case TimeColumn:
        return formatTime(job.submittedAt);
    case CostColumn:
        if (m_costs) {
            const CostEstimator::Estimate cost = m_costs->forJob(job);
            if (cost.isKnown())
                return Cost::format(*cost.amount, cost.currency);
        }
        return QString();
    default:
        return QString();
    }
}

QString JobModel::accessibleText(const RemixJob &job, int column) const
{
    switch (column) {
    case StatusColumn:
        // The status in words, with the reason and what to do, as the tooltip says it.
        if (job.error.isError())
            return tr("%1. %2", "spoken job status: the short status, then the full reason")
                .arg(statusText(job), job.error.userMessage(operationFor(job)));
        return statusText(job);
    case ProgressColumn:
        if (JobStates::category(job.state) == StateCategory::Failed)
            return JobStates::displayName(job.state);
        if (job.state == JobState::Completed && job.downloadState == DownloadState::Downloading)
            return tr("Downloading, %1 percent", "spoken progress while the video file downloads")
                .arg(job.downloadProgress);
        return tr("%1 percent", "spoken progress of a job, e.g. '45 percent'").arg(job.progress);
    case ResultColumn:
        if (job.resultVideoId.isEmpty() || JobStates::category(job.state) == StateCategory::Failed)
            return tr("No result yet", "spoken result column when the service has not named the new video");
        return job.resultVideoId;
    case TimeColumn:
        return QLocale().toString(job.submittedAt.toLocalTime(), QLocale::LongFormat);
    default:
        return displayText(job, column);
    }
}

QVariant JobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const RemixJob *stored = jobAt(index.row());
    if (!stored)
        return QVariant();
    const RemixJob &job = *stored;

    switch (role) {
    case Qt::DisplayRole:
        return displayText(job, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case CostColumn:
            if (m_costs && m_costs->forJob(job).isKnown())
                return tr("Estimated from the price set for this service in Settings.", "tooltip of a job's cost");
            return tr("Cost unknown: no price is set for this model in the service's settings, or the video's "
                      "length is not known yet.",
                      "tooltip of a job's cost cell when it is empty");
        case PromptColumn:
            return job.prompt;
        case StatusColumn:
            if (job.error.isError())
                return QString(job.error.userMessage(operationFor(job)) + u"\n\n"_s + job.error.technicalDetail());
            return statusText(job);
        case TimeColumn:
            return QLocale().toString(job.submittedAt.toLocalTime(), QLocale::LongFormat);
        case SourceColumn:
            if (job.kind == JobKind::Create) {
                QStringList asked;
                if (!job.model.isEmpty())
                    asked << tr("Model: %1", "tooltip of a new video's job").arg(job.model);
                if (!job.seconds.isEmpty())
                    asked << tr("Length: %1 s", "tooltip of a new video's job; %1 is seconds").arg(job.seconds);
                if (!job.size.isEmpty())
                    asked << tr("Size: %1", "tooltip of a new video's job; %1 is WIDTHxHEIGHT").arg(job.size);
                if (!job.reference.isEmpty())
                    asked << tr("Starts from: %1", "tooltip of a new video's job; %1 is an image file name or URL")
                                 .arg(job.reference);
                return asked.isEmpty() ? displayText(job, index.column()) : asked.join(u'\n');
            }
            return displayText(job, index.column());
        default:
            return displayText(job, index.column());
        }
    case Qt::AccessibleTextRole:
        return accessibleText(job, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn)
            return QVariant::fromValue<int>(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case JobIdRole:
        return job.localId;
    case StateRole:
        return int(job.state);
    case StateCategoryRole:
        return int(JobStates::category(job.state));
    case ProgressRole:
        return job.progress;
    case SourceIdRole:
        return job.sourceVideoId;
    case ResultIdRole:
        return job.resultVideoId;
    case PromptRole:
        return job.prompt;
    case ErrorMessageRole:
        return job.error.isError() ? job.error.userMessage(operationFor(job)) : QString();
    case ErrorDetailRole:
        return job.error.isError() ? job.error.technicalDetail() : QString();
    case RawStatusRole:
        return job.rawStatus;
    case SubmittedAtRole:
        return job.submittedAt;
    case RetryingRole:
        return job.retrying;
    case ApiBaseRole:
        return job.apiBase;
    case ExpiresAtRole:
        return job.expiresAt;
    case DownloadStateRole:
        return int(job.downloadState);
    case DownloadProgressRole:
        return job.downloadProgress;
    case FilePathRole:
        return job.downloadState == DownloadState::Done ? job.filePath : QString();
    case ThumbnailPathRole:
        return job.thumbnailPath;
    case ParentJobIdRole:
        return m_list->jobIdForResult(job.sourceVideoId);
    case PollingStoppedRole:
        return job.pollingStopped;
    case KindRole:
        return int(job.kind);
    case CostRole:
    case CostCurrencyRole: {
        const CostEstimator::Estimate cost = m_costs ? m_costs->forJob(job) : CostEstimator::Estimate();
        if (role == CostCurrencyRole)
            return cost.currency;
        return cost.isKnown() ? QVariant(*cost.amount) : QVariant();
    }
    default:
        return QVariant();
    }
}

QVariant JobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SourceColumn:
        return tr("Source video", "column header: the video that was remixed");
    case PromptColumn:
        return tr("Prompt", "column header: what to change");
    case StatusColumn:
        return tr("Status", "column header: job status");
    case ProgressColumn:
        return tr("Progress", "column header");
    case ResultColumn:
        return tr("Result video", "column header: the new video's id");
    case TimeColumn:
        return tr("Submitted", "column header: when the job was sent");
    case CostColumn:
        return tr("Cost", "column header: the job's estimated cost");
    default:
        return QVariant();
    }
}

void JobModel::reindex()
{
    m_indexById.clear();
    m_indexById.reserve(m_ids.size());
    m_firstSeq = 0;
    for (int i = 0; i < m_ids.size(); ++i)
        m_indexById.insert(m_ids.at(i), i);
}

void JobModel::onJobAdded(const QString &localId)
{
    // The newest job is row 0; kept at the end of m_ids so that no stored index moves.
    beginInsertRows(QModelIndex(), 0, 0);
    m_indexById.insert(localId, m_firstSeq + int(m_ids.size()));
    m_ids.append(localId);
    endInsertRows();
}

void JobModel::onOlderJobsAppended(const QStringList &newestFirst)
{
    const int firstRow = rowCount();
    beginInsertRows(QModelIndex(), firstRow, firstRow + int(newestFirst.size()) - 1);
    // Older jobs go in front of m_ids (QList prepends in place); no stored number moves, so only the
    // appended rows are touched, however long the list already is.
    for (const QString &localId : newestFirst) {
        m_ids.prepend(localId);
        m_indexById.insert(localId, --m_firstSeq);
    }
    endInsertRows();
}

void JobModel::onJobChanged(const QString &localId, const RemixJob &previous)
{
    const RemixJob *current = m_list->find(localId);
    if (!current || !m_indexById.contains(localId))
        return;
    const quint32 mask = changedColumns(previous, *current, m_costs != nullptr);
    if (mask == 0)
        return;
    m_pendingColumns[localId] |= mask;
    if (m_coalesceTimer.interval() <= 0)
        flushPendingChanges();
    else if (!m_coalesceTimer.isActive())
        m_coalesceTimer.start();
}

void JobModel::onJobRemoved(const QString &localId)
{
    const auto it = m_indexById.constFind(localId);
    if (it == m_indexById.cend())
        return;
    const int storageIndex = it.value() - m_firstSeq;
    const int row = rowOfIndex(storageIndex);
    beginRemoveRows(QModelIndex(), row, row);
    m_ids.removeAt(storageIndex);
    m_pendingColumns.remove(localId);
    reindex();
    endRemoveRows();
}

void JobModel::setCoalesceIntervalMs(int ms)
{
    m_coalesceTimer.setInterval(qMax(0, ms));
    if (ms <= 0)
        flushPendingChanges();
}

void JobModel::flushPendingChanges()
{
    m_coalesceTimer.stop();
    const auto pending = std::exchange(m_pendingColumns, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0)
            continue;
        const quint32 mask = it.value();
        // One signal per contiguous run of changed columns in the row: only the cells that changed.
        int column = 0;
        while (column < ColumnCount) {
            if (!(mask & bit(column))) {
                ++column;
                continue;
            }
            int last = column;
            while (last + 1 < ColumnCount && (mask & bit(last + 1)))
                ++last;
            emit dataChanged(index(row, column), index(row, last));
            column = last + 1;
        }
    }
}

void JobModel::setCostEstimator(const CostEstimator *costs)
{
    if (m_costs)
        disconnect(m_costs, nullptr, this, nullptr);
    m_costs = costs;
    const auto refresh = [this] {
        if (!m_ids.isEmpty())
            emit dataChanged(index(0, CostColumn), index(rowCount() - 1, CostColumn));
    };
    if (costs)
        connect(costs, &CostEstimator::pricesChanged, this, refresh);
    refresh();
}

void JobModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_ids.isEmpty())
        return;
    // Status words, progress text ("%" spacing differs) and localized times are translated text.
    emit dataChanged(index(0, StatusColumn), index(rowCount() - 1, CostColumn),
                     {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, ErrorMessageRole, ErrorDetailRole});
}
