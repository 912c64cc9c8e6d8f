#include "downloads/downloadfailure.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

bool DownloadFailure::operator==(const DownloadFailure &other) const
{
    return kind == other.kind && folder == other.folder && writeError == other.writeError && apiError == other.apiError;
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

namespace {
struct FailureWord
{
    DownloadError kind;
    QLatin1StringView word;
};

// Stable words for DownloadError in stored rows (never change one, only add). Before history schema
// version 4 the enum's number was stored; its order then was the order here.
constexpr FailureWord failureWords[] = {
    {DownloadError::None, "none"_L1},
    {DownloadError::Cancelled, "cancelled"_L1},
    {DownloadError::Timeout, "timeout"_L1},
    {DownloadError::Network, "network"_L1},
    {DownloadError::Http, "http"_L1},
    {DownloadError::Expired, "expired"_L1},
    {DownloadError::InvalidResponse, "invalid_response"_L1},
    {DownloadError::DiskFull, "disk_full"_L1},
    {DownloadError::Unwritable, "unwritable"_L1},
};

QString wordOf(DownloadError kind)
{
    for (const FailureWord &entry : failureWords) {
        if (entry.kind == kind)
            return QString(entry.word);
    }
    return u"network"_s;
}

// None for anything unreadable.
DownloadError kindOf(const QJsonValue &stored)
{
    for (const FailureWord &entry : failureWords) {
        if (stored.isDouble() ? stored.toInt(-1) == int(entry.kind) : stored.toString() == entry.word)
            return entry.kind;
    }
    return DownloadError::None;
}
} // namespace

QString DownloadFailure::toStorage() const
{
    if (!isFailure())
        return QString();
    QJsonObject object{{u"kind"_s, wordOf(kind)}, {u"folder"_s, folder}, {u"writeError"_s, writeError}};
    if (apiError.isError())
        object.insert(u"api"_s, apiError.toStoredJson());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

DownloadFailure DownloadFailure::fromStorage(const QString &text)
{
    DownloadFailure failure;
    if (text.isEmpty())
        return failure;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    const DownloadError kind = kindOf(object.value(u"kind"_s));
    if (kind == DownloadError::None) {
        failure.kind = DownloadError::Network; // written by an older version, or damaged: say it generically
        return failure;
    }
    failure.kind = kind;
    failure.folder = object.value(u"folder"_s).toString();
    failure.writeError = object.value(u"writeError"_s).toString();
    failure.apiError = ApiError::fromStoredJson(object.value(u"api"_s).toObject());
    return failure;
}
