#include "downloads/downloadjob.h"

#include "api/apiurl.h"
#include "api/secretmask.h"
#include "downloads/downloadnaming.h"
#include "downloads/partfile.h"
#include "logging.h"
#include "services/serviceprofile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>

#include <QFuture>
#include <QFutureWatcher>
#include <QThread>

#include <atomic>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int MaxLinks = 3;                        // JSON links and cross-origin redirects followed per job
constexpr qsizetype MaxBufferedBody = 1024 * 1024; // error pages and JSON links; never a video
constexpr int MaxRetryAfterMs = 60000;
constexpr qint64 ProgressIntervalMs = 100;
// What Qt may hold of a body that this thread has not taken yet. Unbounded (Qt's default), a disk slower
// than the network (or a busy GUI thread) makes the whole file pile up in memory; bounded, Qt stops
// reading the socket until the bytes are taken. Just under a power of two: Qt's HTTP thread reads each
// piece into a new QByteArray whose block (with its header) is rounded up to the next power of two, so
// a limit of exactly 1 MiB made it allocate 2 MiB for every read (seen with a probe on malloc). At this
// size the blocks are 512 KiB: half the memory of 1 MiB pieces, and less of the allocator's work.
constexpr qint64 ReadBufferBytes = 512 * 1024 - 64;
// What may wait for the disk thread. Beyond it the bytes are left with Qt (see ReadBufferBytes), and
// taken when the disk has caught up: a slow disk slows the download down instead of filling memory.
constexpr qint64 MaxPendingWriteBytes = 4 * 1024 * 1024;

bool isTextualType(const QByteArray &contentType)
{
    const QByteArray type = contentType.toLower();
    return type.contains("json") || type.startsWith("text/") || type.contains("xml");
}

// "bytes 100-999/1000" -> start 100, total 1000 (-1 for "*"); "bytes */1000" -> start -1, total 1000.
void parseContentRange(const QByteArray &header, qint64 *start, qint64 *total)
{
    *start = -1;
    *total = -1;
    QByteArray value = header.trimmed();
    if (!value.toLower().startsWith("bytes"))
        return;
    value = value.mid(5).trimmed();
    const qsizetype slash = value.indexOf('/');
    if (slash < 0)
        return;
    bool ok = false;
    const qint64 parsedTotal = value.mid(slash + 1).trimmed().toLongLong(&ok);
    if (ok)
        *total = parsedTotal;
    const QByteArray range = value.left(slash).trimmed();
    const qsizetype dash = range.indexOf('-');
    if (dash > 0) {
        const qint64 parsedStart = range.left(dash).toLongLong(&ok);
        if (ok)
            *start = parsedStart;
    }
}

QString linkIn(const QJsonObject &object, const QStringList &keys)
{
    for (const QString &key : keys) {
        const QString value = object.value(key).toString().trimmed();
        if (!value.isEmpty())
            return value;
    }
    return QString();
}

// The link in a JSON answer: url / video_url / download_url at the top, in data (object or the first
// element of an array), or in metadata. A thumbnail prefers thumbnail_url.
QString linkInJson(const QJsonObject &object, const QString &variant)
{
    QStringList keys{u"url"_s, u"video_url"_s, u"download_url"_s, u"file_url"_s};
    if (variant == u"thumbnail"_s)
        keys.prepend(u"thumbnail_url"_s);
    QString link = linkIn(object, keys);
    if (!link.isEmpty())
        return link;
    const QJsonValue data = object.value(u"data"_s);
    if (data.isObject())
        link = linkIn(data.toObject(), keys);
    else if (data.isArray() && !data.toArray().isEmpty())
        link = linkIn(data.toArray().first().toObject(), keys);
    if (link.isEmpty())
        link = linkIn(object.value(u"metadata"_s).toObject(), keys);
    return link;
}

// What the first bytes of an image say it is; empty when unsure.
QString imageSuffix(const QByteArray &head)
{
    if (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return u"webp"_s;
    if (head.startsWith("\xff\xd8\xff"))
        return u"jpg"_s;
    if (head.startsWith("\x89PNG"))
        return u"png"_s;
    return QString();
}

std::atomic<int> s_syncDelayForTestsMs{0};

} // namespace

// On the disk thread, after the last write: makes the finished .part durable, then gives it its name.
DownloadJob::SaveResult DownloadJob::saveOnDisk(const PartFile::Status &written,
                                                const QString &partPath,
                                                const QString &targetPath,
                                                const QString &variant)
{
    SaveResult result;
    if (written.failed) {
        // A write failed after the last byte arrived: the file is not complete.
        result.writeError = written.errorString;
        result.writeErrorKind = written.diskFull ? DownloadError::DiskFull : DownloadError::Unwritable;
        return result;
    }
    {
        // On the disk before the name says "complete": a crash right after the rename must not leave
        // a short file under the final name.
        QFile part(partPath);
        if (!part.open(QIODevice::WriteOnly | QIODevice::Append)) {
            result.writeError = part.errorString();
            return result;
        }
        if (const int delay = s_syncDelayForTestsMs)
            QThread::msleep(delay);
#if defined(Q_OS_UNIX)
        ::fsync(part.handle());
#elif defined(Q_OS_WIN)
        ::_commit(part.handle());
#endif
    }

    QFileInfo target(targetPath);
    QString fileName = target.fileName();
    if (variant == u"thumbnail"_s) {
        // The service says WebP, relays send JPEG or PNG too: name the file after what it is.
        QFile head(partPath);
        const QString suffix = head.open(QIODevice::ReadOnly) ? imageSuffix(head.read(16)) : QString();
        if (!suffix.isEmpty() && target.suffix().compare(suffix, Qt::CaseInsensitive) != 0
            && !(suffix == u"jpg"_s && target.suffix().compare(u"jpeg"_s, Qt::CaseInsensitive) == 0)) {
            fileName = (target.suffix().isEmpty() ? fileName : target.completeBaseName()) + u'.' + suffix;
        }
    }

    // QFile::rename() never replaces an existing file; if another file took the name in between,
    // pick the next free one.
    QFile part(partPath);
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QString path = DownloadNaming::uniquePath(target.absolutePath(), fileName);
        if (part.rename(path)) {
            QFile::remove(partialInfoPath(targetPath));
            result.filePath = path;
            return result;
        }
        if (!QFileInfo::exists(path)) {
            result.writeError = part.errorString();
            break;
        }
    }
    return result;
}

DownloadJob::DownloadJob(const NetworkContext &context,
                         const ServiceEndpoint &service,
                         const QString &videoId,
                         const QString &variant,
                         const QUrl &directUrl,
                         const QString &targetPath,
                         QObject *parent)
    : NetworkJob(context, service, parent)
    , m_videoId(videoId)
    , m_variant(variant.isEmpty() ? u"video"_s : variant)
    , m_directUrl(directUrl)
    , m_targetPath(targetPath)
    , m_part(partialPath(targetPath))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &DownloadJob::sendNext);
    connect(&m_part, &PartFile::written, this, &DownloadJob::onPartWritten);
}

// Destroyed mid-way (the owner went away): NetworkJob drops the connection quietly; the .part stays.
DownloadJob::~DownloadJob() = default;

void DownloadJob::setRetryPolicy(int maxRetries, int firstDelayMs)
{
    m_maxRetries = qMax(0, maxRetries);
    m_firstRetryDelayMs = qMax(0, firstDelayMs);
}

QString DownloadJob::partialPath(const QString &targetPath)
{
    return targetPath + u".part"_s;
}

QString DownloadJob::partialInfoPath(const QString &targetPath)
{
    return targetPath + u".part.json"_s;
}

void DownloadJob::removePartial(const QString &targetPath)
{
    QFile::remove(partialPath(targetPath));
    QFile::remove(partialInfoPath(targetPath));
}

void DownloadJob::setSyncDelayForTests(int ms)
{
    s_syncDelayForTestsMs = ms;
}

bool DownloadJob::hasExpired(const QDateTime &expiresAt, const QDateTime &now)
{
    return expiresAt.isValid() && expiresAt <= now;
}

void DownloadJob::begin()
{
    m_url = m_directUrl.isValid() && !m_directUrl.isEmpty()
                ? m_directUrl
                : ApiUrl::contentUrl(service().apiBase, m_videoId, m_variant);
    if (!m_url.isValid() || m_url.isEmpty()) {
        fail(DownloadError::Network,
             ApiError::fromNetworkError(QNetworkReply::ProtocolUnknownError, tr("No service address"), false));
        return;
    }
    // Fail before any byte travels when the folder cannot take the file.
    const QString folder = QFileInfo(m_targetPath).absolutePath();
    if (!QDir().mkpath(folder)) {
        m_writeError = tr("The folder cannot be created.");
        fail(DownloadError::Unwritable);
        return;
    }
    if (QFileInfo::exists(m_part.fileName())) {
        const PartialInfo info = readPartialInfo(m_targetPath);
        if (info.service == ServiceProfile::originOf(service().apiBase) && info.videoId == m_videoId
            && info.variant == m_variant) {
            m_validator = info.validator;
            m_expectedTotal = info.total;
        } else {
            // Another download's partial file (another job, another service, or one whose owner is
            // unknown): resuming it would splice two videos together. Leave it alone; write elsewhere.
            m_targetPath = DownloadNaming::pathForNewDownload(folder, QFileInfo(m_targetPath).fileName(), {});
            m_part.setFileName(partialPath(m_targetPath));
            qCInfo(lcDownload) << "a partial file of another download is in the way; saving" << m_videoId
                               << "under another name";
        }
    }
    if (!m_part.open(false)) {
        m_writeError = m_part.status().errorString;
        fail(DownloadError::Unwritable);
        return;
    }
    m_written = m_part.status().size;
    if (m_written > 0)
        qCInfo(lcDownload) << "resuming" << m_videoId << m_variant << "from byte" << m_written;
    sendNext();
}

void DownloadJob::handleAbortWithoutReply()
{
    if (m_saving) {
        // Cancelled while the complete file is being synced and renamed: that takes a moment at most,
        // and the file is there afterwards; report what became of it rather than a cancel.
        m_saving = false;
        m_save.waitForFinished();
        applySaveResult(m_save.result());
        return;
    }
    // Aborted while waiting to retry.
    m_retryTimer.stop();
    recordFailure(DownloadError::Cancelled,
                  ApiError::fromNetworkError(QNetworkReply::OperationCanceledError, {}, false));
}

void DownloadJob::emitFinished()
{
    m_retryTimer.stop();
    m_part.close();
    emit finished(this);
}

void DownloadJob::sendNext()
{
    if (isFinished() || currentReply())
        return;
    if (!m_part.isIdle()) {
        // The next request starts where the file ends: wait until the disk thread has written it all.
        m_part.whenIdle([this] { sendNext(); });
        return;
    }
    if (m_part.status().failed) {
        takeWriteFailure();
        fail(m_localError);
        return;
    }
    m_written = m_part.status().size;
    m_mode = BodyMode::Undecided;
    m_buffer.clear();
    m_httpStatus = 0;
    m_rangeMismatch = false;
    m_localError = DownloadError::None;
    m_offset = m_written;

    RequestOptions options;
    options.accept = QByteArrayLiteral("*/*");
    // Byte ranges must count the bytes as stored; Qt would otherwise ask for gzip and unpack it.
    options.headers << qMakePair(QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("identity"));
    if (m_offset > 0) {
        options.headers << qMakePair(QByteArrayLiteral("Range"), "bytes=" + QByteArray::number(m_offset) + '-');
        // The rest only if the file is still the one the part was begun from; else the whole file (200).
        if (!m_validator.isEmpty())
            options.headers << qMakePair(QByteArrayLiteral("If-Range"), m_validator);
    }
    qCDebug(lcDownload).nospace() << "-> GET " << masked(loggableUrl(m_url))
                                  << (m_offset > 0 ? " from byte " + QByteArray::number(m_offset) : QByteArray());
    if (QNetworkReply *reply = sendRequest(Method::Get, m_url, options))
        reply->setReadBufferSize(ReadBufferBytes);
}

void DownloadJob::decideBodyMode(QNetworkReply *reply)
{
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QVariant lengthHeader = reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 length = lengthHeader.isValid() ? lengthHeader.toLongLong() : -1;

    if (m_httpStatus == 206) {
        qint64 start = -1;
        qint64 total = -1;
        parseContentRange(reply->rawHeader("Content-Range"), &start, &total);
        if (start != m_offset) {
            // Not the bytes we asked for: appending them would corrupt the file.
            qCWarning(lcDownload) << "206 from byte" << start << "but the file has" << m_offset << "; restarting";
            m_rangeMismatch = true;
            m_mode = BodyMode::Buffer;
            return;
        }
        if (m_expectedTotal >= 0 && total >= 0 && total != m_expectedTotal) {
            // The file behind the link changed size since the part was begun: its bytes do not fit.
            qCWarning(lcDownload) << "the file is now" << total << "bytes, the part was begun for" << m_expectedTotal
                                  << "; restarting";
            m_rangeMismatch = true;
            m_mode = BodyMode::Buffer;
            return;
        }
        m_total = total >= 0 ? total : (length >= 0 ? m_offset + length : -1);
        m_mode = BodyMode::File;
        rememberPartialOwner(reply);
        return;
    }
    if (m_httpStatus < 200 || m_httpStatus > 299) {
        m_mode = BodyMode::Buffer; // an error page, a redirect we did not follow, 416
        return;
    }

    // A 2xx: bytes, or a page that stands in for them (JSON with a link, an HTML login page).
    const QByteArray head = reply->peek(64).trimmed();
    if (isTextualType(contentType) || head.startsWith('{') || head.startsWith('<')) {
        m_mode = BodyMode::Buffer;
        return;
    }
    m_mode = BodyMode::File;
    if (m_offset > 0) {
        // 200 to a Range request: the server sends the whole file again.
        qCInfo(lcDownload) << "the server ignored the range; restarting from zero";
        m_part.truncate();
        m_written = 0;
        m_offset = 0;
    }
    m_total = length;
    rememberPartialOwner(reply);
}

DownloadJob::PartialInfo DownloadJob::readPartialInfo(const QString &targetPath)
{
    PartialInfo info;
    QFile file(partialInfoPath(targetPath));
    if (!file.open(QIODevice::ReadOnly))
        return info;
    const QJsonObject object = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    info.service = object.value(u"service"_s).toString();
    info.videoId = object.value(u"videoId"_s).toString();
    info.variant = object.value(u"variant"_s).toString();
    info.validator = object.value(u"validator"_s).toString().toLatin1();
    info.total = object.value(u"total"_s).toInteger(-1);
    return info;
}

bool DownloadJob::writePartialInfo(const QString &targetPath, const PartialInfo &info)
{
    QSaveFile file(partialInfoPath(targetPath));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QJsonObject object{{u"service"_s, info.service},
                             {u"videoId"_s, info.videoId},
                             {u"variant"_s, info.variant},
                             {u"validator"_s, QString::fromLatin1(info.validator)},
                             {u"total"_s, info.total}};
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    return file.commit();
}

void DownloadJob::rememberPartialOwner(QNetworkReply *reply)
{
    // A strong ETag lets a resume ask "only if it is still the same file" (If-Range); a weak one may
    // not be used there, Last-Modified may.
    const QByteArray etag = reply->rawHeader("ETag").trimmed();
    const QByteArray lastModified = reply->rawHeader("Last-Modified").trimmed();
    m_validator = !etag.isEmpty() && !etag.startsWith("W/") ? etag : lastModified;
    m_expectedTotal = m_total;
    PartialInfo info;
    info.service = ServiceProfile::originOf(service().apiBase);
    info.videoId = m_videoId;
    info.variant = m_variant;
    info.validator = m_validator;
    info.total = m_total;
    // Written in the .part's queue: before the rename that makes it obsolete, and before a failure
    // (which waits for the queue) tidies up.
    m_part.thenOnDisk<bool>([targetPath = m_targetPath, info](const PartFile::Status &) {
        const bool written = writePartialInfo(targetPath, info);
        if (!written)
            qCWarning(lcDownload) << "cannot note whose partial file" << partialPath(targetPath) << "is";
        return written;
    });
}

void DownloadJob::onPartWritten()
{
    if (isFinished())
        return;
    const PartFile::Status &written = m_part.status();
    if (written.failed) {
        if (m_localError == DownloadError::None) {
            takeWriteFailure();
            // handleReply() (called from within the abort) fails the job with it. Between two requests,
            // sendNext() does; after the last byte, the save does.
            abortCurrentReply();
        }
        return;
    }
    if (!m_progressClock.isValid() || m_progressClock.elapsed() >= ProgressIntervalMs
        || (m_total >= 0 && written.size >= m_total)) {
        m_progressClock.start();
        emit progress(written.size, m_total);
    }
    QNetworkReply *reply = currentReply();
    if (!reply)
        return;
    // The disk moves on: the transfer is alive even while the network waits for it.
    restartTimer();
    // The disk caught up: take the bytes Qt held back meanwhile (no readyRead comes for them).
    if (m_mode == BodyMode::File && reply->bytesAvailable() > 0 && m_part.pendingBytes() < MaxPendingWriteBytes)
        handleReadyRead(reply);
}

void DownloadJob::takeWriteFailure()
{
    const PartFile::Status &written = m_part.status();
    m_writeError = written.errorString;
    m_localError = written.diskFull ? DownloadError::DiskFull : DownloadError::Unwritable;
}

void DownloadJob::consume(const QByteArray &data)
{
    switch (m_mode) {
    case BodyMode::File:
        if (m_localError == DownloadError::None && !data.isEmpty()) {
            m_part.append(data);
            m_written += data.size();
        }
        break;
    case BodyMode::Buffer:
        if (!m_rangeMismatch && m_buffer.size() < MaxBufferedBody)
            m_buffer.append(data.left(MaxBufferedBody - m_buffer.size()));
        break;
    case BodyMode::Undecided:
        break;
    }
}

void DownloadJob::handleReadyRead(QNetworkReply *reply)
{
    if (m_mode == BodyMode::Undecided)
        decideBodyMode(reply);
    if (m_rangeMismatch || m_localError != DownloadError::None) {
        // Stop the transfer; handleReply() (called from within the abort) decides what comes next.
        abortCurrentReply();
        return;
    }
    if (m_mode != BodyMode::File) {
        consume(reply->readAll());
        return;
    }
    // Into buffers the disk thread is done with (see PartFile::spareBuffer()). While the disk is
    // behind, the bytes stay with Qt, whose bounded buffer then stops reading the socket;
    // onPartWritten() takes them when the disk has caught up.
    while (m_localError == DownloadError::None && reply->bytesAvailable() > 0
           && m_part.pendingBytes() < MaxPendingWriteBytes) {
        QByteArray chunk = m_part.spareBuffer(ReadBufferBytes);
        const qint64 read = reply->read(chunk.data(), chunk.size());
        if (read <= 0)
            break;
        chunk.resize(read);
        consume(chunk);
    }
}

void DownloadJob::handleReply(QNetworkReply *reply)
{
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString errorString = masked(reply->errorString());
    const bool interrupted = wasAborted() || timedOut() || m_rangeMismatch || m_localError != DownloadError::None;
    if (m_mode == BodyMode::Undecided && !interrupted)
        decideBodyMode(reply);
    else if (m_httpStatus == 0)
        m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Whatever arrived is good data even when the transfer was cut (it is kept for the resume).
    if (!m_rangeMismatch && reply->isOpen())
        consume(reply->readAll());
    const int status = m_httpStatus;

    qCDebug(lcDownload).nospace() << "<- " << masked(loggableUrl(reply->url())) << " status " << status << " error "
                                  << networkError << ", " << m_written << " bytes received";

    if (wasAborted()) {
        fail(DownloadError::Cancelled, ApiError::fromNetworkError(QNetworkReply::OperationCanceledError, {}, false));
        return;
    }
    if (m_localError != DownloadError::None) {
        fail(m_localError);
        return;
    }
    if (m_rangeMismatch) {
        restartFromZero();
        return;
    }
    if (timedOut()) {
        retryOrFail(errorOf(reply, QByteArray()));
        return;
    }
    if (status >= 300 && status <= 399) {
        // A redirect Qt did not follow (it reports InsecureRedirectError): to another origin while the
        // key was attached. Follow it ourselves, without the key.
        QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        if (location.isEmpty())
            location = QUrl::fromEncoded(reply->rawHeader("Location").trimmed());
        if (location.isValid() && !location.isEmpty()) {
            const QUrl target = reply->url().resolved(location);
            if (reply->url().scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0
                && target.scheme().compare(u"https"_s, Qt::CaseInsensitive) != 0) {
                // The same rule as NoLessSafeRedirectPolicy: never from https down to plain http.
                fail(DownloadError::Network,
                     ApiError::fromNetworkError(QNetworkReply::InsecureRedirectError, errorString, false));
                return;
            }
            followLink(target);
            return;
        }
    }
    if (status == 0) {
        retryOrFail(errorOf(reply, QByteArray()));
        return;
    }
    if (status == 416) {
        qint64 start = -1;
        qint64 total = -1;
        parseContentRange(reply->rawHeader("Content-Range"), &start, &total);
        if (m_written > 0 && total == m_written) {
            // The previous attempt had already received everything; only the rename was missing.
            m_total = total;
            completeFile();
            return;
        }
        restartFromZero();
        return;
    }
    if (status < 200 || status > 299) {
        const ApiError error = errorOf(reply, m_buffer);
        if (looksExpired(status, m_buffer)) {
            fail(DownloadError::Expired, error);
            return;
        }
        retryOrFail(error);
        return;
    }
    if (networkError != QNetworkReply::NoError) {
        // A 2xx whose body broke off (connection closed, reset): resume from what is on disk.
        retryOrFail(ApiError::fromNetworkError(networkError, errorString, false));
        return;
    }
    if (m_mode == BodyMode::Buffer) {
        const QJsonDocument document = QJsonDocument::fromJson(m_buffer);
        const QString link = document.isObject() ? linkInJson(document.object(), m_variant) : QString();
        if (!link.isEmpty()) {
            followLink(reply->url().resolved(QUrl(link)));
            return;
        }
        fail(looksExpired(status, m_buffer) ? DownloadError::Expired : DownloadError::InvalidResponse,
             ApiError::invalidResponse(status, masked(m_buffer)));
        return;
    }
    if (m_mode != BodyMode::File || m_written == 0) {
        fail(DownloadError::InvalidResponse, ApiError::invalidResponse(status, QByteArray()));
        return;
    }
    if (m_total >= 0 && m_written > m_total) {
        // More than announced: the file on disk cannot be trusted.
        qCWarning(lcDownload) << "received" << m_written << "bytes of" << m_total << "; restarting";
        restartFromZero();
        return;
    }
    if (m_total >= 0 && m_written < m_total && status == 206 && networkError == QNetworkReply::NoError
        && m_written > m_offset) {
        // A server that hands out the file in slices: ask for the next one.
        sendNext();
        return;
    }
    // Qt sometimes ends a reply whose connection closed early without an error: count the bytes.
    if (m_total >= 0 && m_written != m_total) {
        retryOrFail(ApiError::fromNetworkError(QNetworkReply::RemoteHostClosedError,
                                               tr("The file arrived incomplete (%1 of %2 bytes).")
                                                   .arg(QString::number(m_written), QString::number(m_total)),
                                               false));
        return;
    }
    completeFile();
}

bool DownloadJob::looksExpired(int httpStatus, const QByteArray &body) const
{
    if (httpStatus == 401 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500)
        return false;
    if (httpStatus == 410)
        return true;
    const bool sentKey = sendsKeyTo(m_url);
    if (!sentKey && httpStatus == 403)
        return true; // a signed storage link that is no longer valid
    // S3 "Request has expired" / "ExpiredToken", Azure "Signature not valid in the specified time
    // frame", relays' "video expired" / "已过期". On the API host an expired *key* is not an expired link.
    const QString text = QString::fromUtf8(body.left(8192)).toLower();
    const bool saysExpired = text.contains(u"expire"_s) || text.contains(u"过期"_s) || text.contains(u"失效"_s)
                             || text.contains(u"time frame"_s);
    if (saysExpired && (!sentKey || !(text.contains(u"key"_s) || text.contains(u"令牌"_s) || text.contains(u"密钥"_s))))
        return true;
    return httpStatus >= 400 && hasExpired(m_expiresAt);
}

void DownloadJob::restartFromZero()
{
    if (m_restartedFromZero) {
        // A second range mishap: stop instead of looping.
        fail(DownloadError::InvalidResponse, ApiError::invalidResponse(m_httpStatus, masked(m_buffer)));
        return;
    }
    m_restartedFromZero = true;
    m_part.truncate();
    m_written = 0;
    m_total = -1;
    sendNext();
}

void DownloadJob::followLink(const QUrl &link)
{
    const QString scheme = link.scheme().toLower();
    if (++m_links > MaxLinks || !link.isValid() || (scheme != u"http"_s && scheme != u"https"_s)) {
        qCWarning(lcDownload).noquote() << "not following link" << masked(loggableUrl(link));
        fail(DownloadError::InvalidResponse, ApiError::invalidResponse(m_httpStatus, masked(m_buffer)));
        return;
    }
    m_url = link;
    qCInfo(lcDownload) << "following the link to" << link.host() << (sendsKeyTo(link) ? "(API host)" : "(no key)");
    sendNext();
}

void DownloadJob::retryOrFail(const ApiError &error)
{
    if (m_written > m_bestWritten) {
        // The file got further than ever before: only failures in a row without progress count, so
        // a long file on a flaky line gets there in the end (and a server that always breaks off at
        // the same point does not keep us busy for ever).
        m_bestWritten = m_written;
        m_retries = 0;
    }
    if (error.isTransient() && m_retries < m_maxRetries) {
        ++m_retries;
        int delay = m_firstRetryDelayMs;
        for (int i = 1; i < m_retries && delay < MaxRetryDelayMs; ++i)
            delay *= 2;
        delay = qMin(delay, MaxRetryDelayMs);
        if (error.retryAfterMs > 0)
            delay = qMax(delay, qMin(error.retryAfterMs, MaxRetryAfterMs));
        qCInfo(lcDownload) << "retry" << m_retries << "of" << m_maxRetries << "in" << delay << "ms from byte"
                           << m_written;
        m_retryTimer.start(delay);
        return;
    }
    DownloadError kind = DownloadError::Network;
    if (error.kind == ApiError::Kind::Timeout)
        kind = DownloadError::Timeout;
    else if (error.kind == ApiError::Kind::Http)
        kind = DownloadError::Http;
    fail(kind, error);
}

void DownloadJob::completeFile()
{
    // After the last write, on the disk thread: the sync, the look at a thumbnail's first bytes and
    // the rename; finished() follows when they are done.
    m_part.close();
    m_saving = true;
    auto *watcher = new QFutureWatcher<SaveResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (isFinished())
            return; // abort() waited for it and reported it already
        m_saving = false;
        applySaveResult(watcher->result());
        finishJob();
    });
    m_save = m_part.thenOnDisk<SaveResult>([partPath = m_part.fileName(), targetPath = m_targetPath,
                                            variant = m_variant](const PartFile::Status &written) {
        return saveOnDisk(written, partPath, targetPath, variant);
    });
    watcher->setFuture(m_save);
}

void DownloadJob::applySaveResult(const SaveResult &result)
{
    if (result.filePath.isEmpty()) {
        m_writeError = result.writeError;
        recordFailure(result.writeErrorKind, ApiError());
        return;
    }
    m_filePath = result.filePath;
    qCInfo(lcDownload) << "saved" << m_videoId << m_variant << m_written << "bytes";
    emit progress(m_written, m_written);
    m_error = DownloadError::None;
}

void DownloadJob::fail(DownloadError error, const ApiError &apiError)
{
    recordFailure(error, apiError);
    finishJob();
}

void DownloadJob::recordFailure(DownloadError error, const ApiError &apiError)
{
    // What is in the file decides what is kept. Usually nothing waits for the disk here (an error
    // answer, a link that expired: nothing was written); when the download breaks off or is
    // cancelled mid-way, this waits for the chunks still queued for this file (at most
    // MaxPendingWriteBytes and one read, and the .part.json note), not for other files' work.
    m_part.close();
    m_part.waitForIdle();
    m_written = m_part.status().size;
    if (m_part.status().failed && error != DownloadError::Cancelled && error != DownloadError::DiskFull
        && error != DownloadError::Unwritable) {
        // The disk failed too, and only told us now: that is what the user can do something about.
        takeWriteFailure();
        error = m_localError;
    }
    m_error = error;
    m_apiError = apiError;
    SecretMask::mask(m_apiError, service().apiKey);
    // The .part stays for a later resume, unless there is nothing in it.
    const QFileInfo part(m_part.fileName());
    if (part.exists() && part.size() == 0) {
        QFile::remove(m_part.fileName());
        QFile::remove(partialInfoPath(m_targetPath));
    }
    qCWarning(lcDownload) << "download of" << m_videoId << m_variant << "failed: error" << int(error) << "http status"
                          << apiError.httpStatus << m_writeError;
}

QString DownloadJob::message(DownloadError error)
{
    return DownloadFailure::message(error);
}

DownloadFailure DownloadJob::failure() const
{
    DownloadFailure failure;
    failure.kind = m_error;
    failure.folder = QFileInfo(m_targetPath).absolutePath();
    failure.writeError = m_writeError;
    failure.apiError = m_apiError;
    return failure;
}

QString DownloadJob::errorString() const
{
    return failure().message();
}
