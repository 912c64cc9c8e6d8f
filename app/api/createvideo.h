#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

// The image a new video starts from (input_reference): either its bytes (a file the user picked,
// dropped or pasted, already checked and fitted by ReferenceImageFile) or a URL the service fetches
// itself (https:// or a data: URL).
struct ReferenceImage
{
    QByteArray bytes;
    QByteArray mimeType; // image/jpeg, image/png, image/webp
    QString fileName;    // as shown and as sent in the multipart part
    QUrl url;            // instead of bytes
    // The local file the bytes were read from ("" for a pasted image or a URL). Kept with the job, so
    // that a retry after a restart can read the image again (JobController reads it off the GUI thread).
    QString sourcePath;

    bool isEmpty() const { return bytes.isEmpty() && url.isEmpty() && sourcePath.isEmpty(); }
    // Bytes still to be read from sourcePath before the image can be sent.
    bool needsReading() const { return bytes.isEmpty() && url.isEmpty() && !sourcePath.isEmpty(); }
    // What the job list keeps of it: the local file's path, the file name or the URL, never the bytes.
    QString description() const
    {
        if (!sourcePath.isEmpty())
            return sourcePath;
        return bytes.isEmpty() ? url.toDisplayString() : fileName;
    }
};

// POST {base}/videos: what a new video is made from. Every field but the prompt is optional; seconds and
// size are free strings (relays accept values outside OpenAI's lists), sent as strings ("8", not 8:
// some services refuse a number with 400).
struct CreateVideoSpec
{
    QString prompt;
    QString model;   // "" lets the service choose
    QString seconds; // "" lets the service choose
    QString size;    // "WIDTHxHEIGHT", "" lets the service choose
    ReferenceImage reference;

    // How the body is sent. Multipart is what the official SDK sends; JSON is the fallback for a
    // service that refuses multipart (an image file then travels as a data: URL).
    enum class BodyForm
    {
        Multipart,
        Json,
    };

    // The multipart/form-data body with the given boundary (fields prompt, model, seconds, size; the image
    // as the file part input_reference, or input_reference={"image_url": …} for a URL). Built here rather
    // than with QHttpMultiPart: the body must go through NetworkJob's one-shot device so that Qt can never
    // send a paid POST twice.
    QByteArray multipartBody(const QByteArray &boundary) const;
    static QByteArray multipartContentType(const QByteArray &boundary);
    // {"prompt", "model", "seconds", "size", "input_reference": {"image_url": …}}
    QByteArray jsonBody() const;
};

// The choices the form offers; the user may type any other value.
namespace VideoPresets {
QStringList models();  // sora-2, sora-2-pro and their dated snapshots
QStringList seconds(); // 4, 8, 12 (16 and 20 are typed where a service takes them)
QStringList sizes();   // 720x1280, 1280x720, 1024x1792, 1792x1024
// "1280x720" -> 1280 x 720; false for anything else.
bool parseSize(const QString &size, int *width, int *height);
} // namespace VideoPresets
