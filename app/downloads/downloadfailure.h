#pragma once

#include "api/apierror.h"

#include <QCoreApplication>
#include <QString>

// Why a download ended without a file. message() says it in the UI language.
enum class DownloadError
{
    None,
    Cancelled,       // abort() was called; the .part file stays for a later resume
    Timeout,         // the server stopped sending (our inactivity timer), retries used up
    Network,         // connection refused, reset, DNS, TLS... retries used up; see DownloadJob::apiError()
    Http,            // the server refused (4xx/5xx other than an expired link); see DownloadJob::apiError()
    Expired,         // the download link has expired (403/410 from storage, "expired" in the answer, expires_at past)
    InvalidResponse, // 2xx but no video: an HTML page, an empty body, JSON without a link
    DiskFull,        // no space left while writing; the .part file stays
    Unwritable,      // the folder cannot be created or written, or the finished file cannot be renamed
};

// What is kept of a failed download: raw values only, so the sentence is written in the UI language
// of the moment it is shown (after a language switch, after a restart), never stored translated.
struct DownloadFailure
{
    // The strings are DownloadJob's: one translation context for everything a download says.
    Q_DECLARE_TR_FUNCTIONS(DownloadJob)

public:
    DownloadError kind = DownloadError::None;
    QString folder;     // where the file was to go (for disk full / unwritable)
    QString writeError; // the file system's own words
    ApiError apiError;  // the server's answer, for HTTP and network failures

    bool isFailure() const { return kind != DownloadError::None; }
    bool operator==(const DownloadFailure &other) const;
    bool operator!=(const DownloadFailure &other) const { return !(*this == other); }

    // The sentence for the user, in the current UI language.
    QString message() const;
    // A generic sentence for an error kind.
    static QString message(DownloadError kind);

    // For the history database (JSON text); an unreadable or old plain-text value gives a generic failure.
    QString toStorage() const;
    static DownloadFailure fromStorage(const QString &text);
};
