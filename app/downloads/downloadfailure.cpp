#include "downloads/downloadfailure.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

bool DownloadFailure::operator==(const DownloadFailure &other) const
{
    return kind == other.kind && folder == other.folder && writeError == other.writeError
           && apiError.kind == other.apiError.kind && apiError.httpStatus == other.apiError.httpStatus
           && apiError.message == other.apiError.message && apiError.messageZh == other.apiError.messageZh;
}

QString DownloadFailure::message(DownloadError error)
{
    switch (error) {
    case DownloadError::None:
        return QString();
    case DownloadError::Cancelled:
        return tr("The download was cancelled.");
    case DownloadError::Timeout:
        return tr("The server stopped sending the video. Try the download again later.");
    case DownloadError::Network:
        return tr("The download failed because of a network problem. Try again later.");
    case DownloadError::Http:
        return tr("The server refused the download.");
    case DownloadError::Expired:
        return tr("The download link has expired. The service keeps finished videos only for a limited time; "
                  "remix the video again to get a new one.");
    case DownloadError::InvalidResponse:
        return tr("The server did not send a video file.");
    case DownloadError::DiskFull:
        return tr("The disk is full. Free some space and download again; the part already received is kept.");
    case DownloadError::Unwritable:
        return tr("The video cannot be saved in this folder. Choose another download folder.");
    }
    return QString();
}

QString DownloadFailure::message() const
{
    switch (kind) {
    case DownloadError::None:
        return QString();
    case DownloadError::Http:
    case DownloadError::Network:
    case DownloadError::Timeout:
        if (apiError.isError())
            return apiError.userMessage(ApiOperation::Download);
        return message(kind);
    case DownloadError::DiskFull:
        return tr("The disk is full: “%1” could not be written. Free some space and download again; "
                  "the part already received is kept.")
            .arg(QDir::toNativeSeparators(folder));
    case DownloadError::Unwritable:
        if (writeError.isEmpty()) {
            return tr("The video cannot be saved in “%1”. Choose another download folder.")
                .arg(QDir::toNativeSeparators(folder));
        }
        return tr("The video cannot be saved in “%1” (%2). Choose another download folder.")
            .arg(QDir::toNativeSeparators(folder), writeError);
    case DownloadError::Cancelled:
    case DownloadError::Expired:
    case DownloadError::InvalidResponse:
        return message(kind);
    }
    return QString();
}

QString DownloadFailure::toStorage() const
{
    if (!isFailure())
        return QString();
    QJsonObject object{{u"kind"_s, int(kind)}, {u"folder"_s, folder}, {u"writeError"_s, writeError}};
    if (apiError.isError()) {
        object.insert(u"api"_s, QJsonObject{{u"kind"_s, int(apiError.kind)},
                                            {u"httpStatus"_s, apiError.httpStatus},
                                            {u"code"_s, apiError.code},
                                            {u"message"_s, apiError.message},
                                            {u"messageZh"_s, apiError.messageZh},
                                            {u"transportDetail"_s, apiError.transportDetail}});
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

DownloadFailure DownloadFailure::fromStorage(const QString &text)
{
    DownloadFailure failure;
    if (text.isEmpty())
        return failure;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    const int kind = object.value(u"kind"_s).toInt(-1);
    if (kind <= int(DownloadError::None) || kind > int(DownloadError::Unwritable)) {
        failure.kind = DownloadError::Network; // written by an older version, or damaged: say it generically
        return failure;
    }
    failure.kind = DownloadError(kind);
    failure.folder = object.value(u"folder"_s).toString();
    failure.writeError = object.value(u"writeError"_s).toString();
    const QJsonObject api = object.value(u"api"_s).toObject();
    if (!api.isEmpty()) {
        failure.apiError.kind = ApiError::Kind(api.value(u"kind"_s).toInt());
        failure.apiError.httpStatus = api.value(u"httpStatus"_s).toInt();
        failure.apiError.code = api.value(u"code"_s).toString();
        failure.apiError.message = api.value(u"message"_s).toString();
        failure.apiError.messageZh = api.value(u"messageZh"_s).toString();
        failure.apiError.transportDetail = api.value(u"transportDetail"_s).toString();
    }
    return failure;
}
