#include "jobs/batch.h"

#include "api/prompt.h"
#include "api/videoid.h"
#include "jobs/joblist.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace BatchFile {

QVector<QPair<int, QStringList>> rows(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // the BOM Excel writes
    // The delimiter: the first tab or comma outside quotes.
    QChar delimiter = u',';
    bool quoted = false;
    for (const QChar c : std::as_const(text)) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\t' || c == u',')) {
            delimiter = c;
            break;
        } else if (!quoted && c == u'\n')
            break;
    }
    QVector<QPair<int, QStringList>> result;
    QStringList fields;
    QString field;
    quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int rowLine = 1;
    const auto endRow = [&] {
        fields.append(fieldWasQuoted ? field : field.trimmed());
        const bool empty = std::all_of(fields.cbegin(), fields.cend(), [](const QString &f) { return f.isEmpty(); });
        if (!empty)
            result.append({rowLine, fields});
        fields.clear();
        field.clear();
        fieldWasQuoted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.trimmed().isEmpty()) {
            quoted = true;
            fieldWasQuoted = true;
            field.clear();
        } else if (c == delimiter) {
            fields.append(fieldWasQuoted ? field : field.trimmed());
            field.clear();
            fieldWasQuoted = false;
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            endRow();
            ++line;
            rowLine = line;
        } else {
            field += c;
        }
    }
    endRow();
    return result;
}

namespace {
bool isHeader(const QStringList &row, const QString &first)
{
    return !row.isEmpty() && row.constFirst().trimmed().compare(first, Qt::CaseInsensitive) == 0;
}

bool checkPrompt(const QString &prompt, int line, Parsed &parsed)
{
    const PromptCheck check = PromptCheck::check(prompt);
    if (check.isValid())
        return true;
    parsed.problems.append({line, check.message()});
    return false;
}
} // namespace

Parsed parseRemixCsv(const QByteArray &bytes)
{
    Parsed parsed;
    const auto table = rows(bytes);
    for (qsizetype i = 0; i < table.size(); ++i) {
        const auto &[line, row] = table.at(i);
        if (i == 0 && isHeader(row, u"source_id"_s))
            continue;
        if (row.size() < 2) {
            parsed.problems.append({line, QCoreApplication::translate(
                                              "BatchFile", "Expected a video id and a prompt, separated by a comma.",
                                              "batch file problem: a remix row has too few columns")});
            continue;
        }
        const VideoIdInput id = VideoIdInput::parse(row.at(0));
        if (!id.isValid()) {
            parsed.problems.append({line, id.message()});
            continue;
        }
        // A prompt with commas that was not quoted: the rest of the row is the prompt.
        const QString prompt = row.mid(1).join(u", "_s);
        if (!checkPrompt(prompt, line, parsed))
            continue;
        parsed.entries.append({line, JobRequest::remix(id.id, prompt)});
    }
    return parsed;
}

Parsed parseCreateCsv(const QByteArray &bytes, const QString &baseFolder)
{
    Parsed parsed;
    const auto table = rows(bytes);
    for (qsizetype i = 0; i < table.size(); ++i) {
        const auto &[line, row] = table.at(i);
        if (i == 0 && isHeader(row, u"prompt"_s))
            continue;
        CreateVideoSpec spec;
        spec.prompt = row.value(0);
        spec.model = row.value(1).trimmed();
        spec.seconds = row.value(2).trimmed();
        spec.size = row.value(3).trimmed();
        const QString image = row.value(4).trimmed();
        if (!checkPrompt(spec.prompt, line, parsed))
            continue;
        if (!spec.seconds.isEmpty()) {
            bool number = false;
            if (spec.seconds.toInt(&number) <= 0 || !number) {
                parsed.problems.append(
                    {line, QCoreApplication::translate("BatchFile", "The length “%1” is not a number of seconds.",
                                                       "batch file problem; %1 is what the row says")
                               .arg(spec.seconds)});
                continue;
            }
        }
        int width = 0;
        int height = 0;
        if (!spec.size.isEmpty() && !VideoPresets::parseSize(spec.size, &width, &height)) {
            parsed.problems.append(
                {line, QCoreApplication::translate("BatchFile", "The size “%1” is not WIDTHxHEIGHT, e.g. 720x1280.",
                                                   "batch file problem")
                           .arg(spec.size)});
            continue;
        }
        if (!image.isEmpty()) {
            const QUrl url(image, QUrl::StrictMode);
            const bool web = url.isValid() && (url.scheme() == "https"_L1 || url.scheme() == "http"_L1);
            if (web && !url.host().isEmpty()) {
                spec.reference.url = url;
            } else {
                // A file on this computer: placed from the CSV file's folder when relative, checked by its
                // name here (nothing is read while parsing) and read when its job is sent.
                static const QRegularExpression imageName(u"\\.(jpe?g|png|webp)$"_s,
                                                          QRegularExpression::CaseInsensitiveOption);
                const bool relative = QDir::isRelativePath(image);
                if (web || !imageName.match(image).hasMatch() || (relative && baseFolder.isEmpty())) {
                    parsed.problems.append(
                        {line, QCoreApplication::translate("BatchFile",
                                                           "The image “%1” is neither a web address (https://…) "
                                                           "nor a JPEG, PNG or WebP file on this computer.",
                                                           "batch file problem; %1 is what the row says")
                                   .arg(image)});
                    continue;
                }
                spec.reference.sourcePath = QDir::cleanPath(relative ? QDir(baseFolder).filePath(image) : image);
                spec.reference.fileName = QFileInfo(spec.reference.sourcePath).fileName();
            }
        }
        parsed.entries.append({line, JobRequest::newVideo(spec)});
    }
    return parsed;
}

Parsed remixPerLine(const QString &sourceVideoId, const QString &text)
{
    Parsed parsed;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString prompt = lines.at(i).trimmed();
        if (prompt.isEmpty())
            continue;
        if (checkPrompt(prompt, int(i + 1), parsed))
            parsed.entries.append({int(i + 1), JobRequest::remix(sourceVideoId, prompt)});
    }
    return parsed;
}

Parsed createPerLine(const CreateVideoSpec &choices, const QString &text)
{
    Parsed parsed;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        CreateVideoSpec spec = choices;
        spec.prompt = lines.at(i).trimmed();
        if (spec.prompt.isEmpty())
            continue;
        if (checkPrompt(spec.prompt, int(i + 1), parsed))
            parsed.entries.append({int(i + 1), JobRequest::newVideo(spec)});
    }
    return parsed;
}

QVector<BatchEntry> versions(const JobRequest &request, int count)
{
    QVector<BatchEntry> entries;
    for (int i = 0; i < count; ++i)
        entries.append({0, request});
    return entries;
}

} // namespace BatchFile

namespace {
QString statusKey(BatchRunner::ItemStatus status)
{
    switch (status) {
    case BatchRunner::ItemStatus::Waiting:
        return u"waiting"_s;
    case BatchRunner::ItemStatus::Sending:
        return u"sending"_s;
    case BatchRunner::ItemStatus::Sent:
        return u"sent"_s;
    case BatchRunner::ItemStatus::NotConfirmed:
        return u"not_confirmed"_s;
    case BatchRunner::ItemStatus::Refused:
        return u"refused"_s;
    }
    return u"waiting"_s;
}

BatchRunner::ItemStatus statusFromKey(const QString &key)
{
    for (const auto status : {BatchRunner::ItemStatus::Sending, BatchRunner::ItemStatus::Sent,
                              BatchRunner::ItemStatus::NotConfirmed, BatchRunner::ItemStatus::Refused}) {
        if (statusKey(status) == key)
            return status;
    }
    return BatchRunner::ItemStatus::Waiting;
}

QJsonObject requestToJson(const JobRequest &request)
{
    QJsonObject object{{u"kind"_s, JobKinds::storageKey(request.kind)},
                       {u"source"_s, request.sourceVideoId},
                       {u"prompt"_s, request.prompt},
                       {u"seconds"_s, request.kind == JobKind::Create ? request.create.seconds : request.seconds}};
    if (request.kind == JobKind::Create) {
        object.insert(u"model"_s, request.create.model);
        object.insert(u"size"_s, request.create.size);
        object.insert(u"image"_s, request.create.reference.url.toString());
        object.insert(u"imagePath"_s, request.create.reference.sourcePath);
    }
    return object;
}

JobRequest requestFromJson(const QJsonObject &object)
{
    const JobKind kind = JobKinds::fromStorageKey(object.value(u"kind"_s).toString());
    const QString prompt = object.value(u"prompt"_s).toString();
    if (kind == JobKind::Create) {
        CreateVideoSpec spec;
        spec.prompt = prompt;
        spec.model = object.value(u"model"_s).toString();
        spec.seconds = object.value(u"seconds"_s).toString();
        spec.size = object.value(u"size"_s).toString();
        spec.reference.url = QUrl(object.value(u"image"_s).toString());
        spec.reference.sourcePath = object.value(u"imagePath"_s).toString();
        if (!spec.reference.sourcePath.isEmpty())
            spec.reference.fileName = QFileInfo(spec.reference.sourcePath).fileName();
        return JobRequest::newVideo(spec);
    }
    if (kind == JobKind::Extend)
        return JobRequest::extension(object.value(u"source"_s).toString(), prompt,
                                     object.value(u"seconds"_s).toString());
    return JobRequest::remix(object.value(u"source"_s).toString(), prompt);
}
} // namespace

BatchRunner::BatchRunner(JobController *controller, JobList *jobs, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_jobs(jobs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BatchRunner::pump);
    connect(m_jobs, &JobList::jobChanged, this, [this](const QString &localId) { onJobChanged(localId); });
    m_clock.start();
}

BatchRunner::~BatchRunner() = default;

int BatchRunner::countOf(ItemStatus status) const
{
    return int(
        std::count_if(m_items.cbegin(), m_items.cend(), [status](const Item &item) { return item.status == status; }));
}

void BatchRunner::start(const QVector<BatchEntry> &entries, const ServiceEndpoint &service)
{
    m_service = service;
    m_items.clear();
    for (const BatchEntry &entry : entries)
        m_items.append(Item{entry, ItemStatus::Waiting, QString(), 0});
    m_paused = false;
    m_notBeforeMs = 0;
    m_finishedAnnounced = false;
    qCInfo(lcPoll) << "batch of" << m_items.size() << "jobs started";
    save();
    emit progressChanged();
    pump();
}

bool BatchRunner::restore(const ServiceResolver &serviceOf)
{
    QFile file(m_storagePath);
    if (m_storagePath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    m_service = serviceOf(root.value(u"profile"_s).toString());
    if (!m_service.isValid()) // a profile removed since: where it went (without a key)
        m_service.apiBase = QUrl(root.value(u"apiBase"_s).toString());
    m_items.clear();
    const QJsonArray items = root.value(u"items"_s).toArray();
    for (const QJsonValue &value : items) {
        const QJsonObject object = value.toObject();
        Item item;
        item.entry.line = object.value(u"line"_s).toInt();
        item.entry.request = requestFromJson(object.value(u"request"_s).toObject());
        item.status = statusFromKey(object.value(u"status"_s).toString());
        item.localId = object.value(u"job"_s).toString();
        item.throttled = object.value(u"throttled"_s).toInt();
        // Being sent when the app stopped: it may have reached the service. Never again by itself.
        if (item.status == ItemStatus::Sending)
            item.status = ItemStatus::NotConfirmed;
        m_items.append(item);
    }
    m_paused = true;
    m_finishedAnnounced = false;
    save();
    emit progressChanged();
    return countOf(ItemStatus::Waiting) > 0;
}

void BatchRunner::pause()
{
    m_paused = true;
    m_timer.stop();
    save();
    emit progressChanged();
}

void BatchRunner::resume()
{
    m_paused = false;
    save();
    emit progressChanged();
    pump();
}

void BatchRunner::pump()
{
    if (m_paused)
        return;
    const qint64 now = m_clock.elapsed();
    const qint64 due = std::max(m_lastSendMs + m_pacing.minSpacingMs, m_notBeforeMs);
    if (now < due) {
        m_timer.start(int(due - now));
        return;
    }
    if (countOf(ItemStatus::Sending) >= std::max(1, m_pacing.maxInFlight))
        return; // the next answer pumps again
    const auto next = std::find_if(m_items.begin(), m_items.end(),
                                   [](const Item &item) { return item.status == ItemStatus::Waiting; });
    if (next == m_items.end()) {
        finishIfDone();
        return;
    }
    next->status = ItemStatus::Sending;
    // Saved before the POST leaves: a crash from here on counts it as "not confirmed", never unsent.
    save();
    m_lastSendMs = now;
    ServiceEndpoint service = m_service;
    if (m_serviceOf) {
        const ServiceEndpoint now = m_serviceOf(m_service.profileId);
        if (now.isValid())
            service = now; // the key as it is now (read after a restart, or changed since)
    }
    next->localId = m_controller->submit(next->entry.request, service);
    emit progressChanged();
    m_timer.start(m_pacing.minSpacingMs);
}

void BatchRunner::onJobChanged(const QString &localId)
{
    const auto item = std::find_if(m_items.begin(), m_items.end(), [&localId](const Item &candidate) {
        return candidate.status == ItemStatus::Sending && candidate.localId == localId;
    });
    if (item == m_items.end())
        return;
    const RemixJob *job = m_jobs->find(localId);
    if (!job || job->state == JobState::Submitting)
        return;
    if (job->state == JobState::SubmitFailed && job->error.httpStatus == 429) {
        // Refused, nothing made: back in the queue, and the whole batch waits (Retry-After, or backoff).
        ++item->throttled;
        item->status = ItemStatus::Waiting;
        item->localId.clear();
        const int backoff =
            std::min(m_pacing.backoffCapMs, m_pacing.backoffBaseMs << std::min(item->throttled - 1, 10));
        const int wait =
            job->error.retryAfterMs > 0 ? std::min(job->error.retryAfterMs, m_pacing.backoffCapMs) : backoff;
        m_notBeforeMs = std::max(m_notBeforeMs, m_clock.elapsed() + wait);
        qCInfo(lcPoll) << "batch item throttled (429); waiting" << wait << "ms";
        m_jobs->remove(localId); // the refused attempt is no job of the user's
    } else if (job->state == JobState::NotConfirmed) {
        item->status = ItemStatus::NotConfirmed;
    } else if (job->state == JobState::SubmitFailed) {
        item->status = ItemStatus::Refused;
    } else {
        item->status = ItemStatus::Sent;
    }
    save();
    emit progressChanged();
    pump();
}

void BatchRunner::finishIfDone()
{
    if (m_finishedAnnounced || countOf(ItemStatus::Waiting) + countOf(ItemStatus::Sending) > 0)
        return;
    m_finishedAnnounced = true;
    qCInfo(lcPoll) << "batch done:" << countOf(ItemStatus::Sent) << "sent," << countOf(ItemStatus::NotConfirmed)
                   << "not confirmed," << countOf(ItemStatus::Refused) << "refused";
    emit finished();
}

void BatchRunner::save() const
{
    if (m_storagePath.isEmpty())
        return;
    QJsonArray items;
    for (const Item &item : m_items) {
        items.append(QJsonObject{{u"line"_s, item.entry.line},
                                 {u"request"_s, requestToJson(item.entry.request)},
                                 {u"status"_s, statusKey(item.status)},
                                 {u"job"_s, item.localId},
                                 {u"throttled"_s, item.throttled}});
    }
    QSaveFile file(m_storagePath);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcPoll) << "cannot save the batch:" << file.errorString();
        return;
    }
    file.write(QJsonDocument(QJsonObject{{u"version"_s, 1},
                                         {u"paused"_s, m_paused},
                                         {u"profile"_s, m_service.profileId},
                                         {u"apiBase"_s, m_service.apiBase.toString()},
                                         {u"items"_s, items}})
                   .toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcPoll) << "cannot save the batch:" << file.errorString();
}
