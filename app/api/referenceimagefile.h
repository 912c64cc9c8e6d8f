#pragma once

#include "api/createvideo.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

// Checks an image the user picked, dropped, pasted or linked before it becomes a new video's first
// frame (input_reference), and fits it to the chosen size. Nothing is sent for an image that fails:
// the user is told why, in their language.
struct ReferenceImageCheck
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceImageFile)

public:
    enum class Problem
    {
        None,
        NotFound,          // no such file
        TooLarge,          // over MaxFileBytes: not read at all
        NotAnImage,        // a file that is no image (text, video, broken bytes)
        UnsupportedFormat, // an image, but not JPEG, PNG or WebP
    };

    Problem problem = Problem::None;
    QString fileName;
    qint64 fileBytes = 0;
    QSize imageSize;   // valid when the image could be read
    QByteArray format; // "jpeg", "png", "webp"

    bool isOk() const { return problem == Problem::None; }
    // A sentence for the user (empty when fine).
    QString message() const;
    // True when the image is not the chosen size ("1280x720"): it would be refused, or stretched.
    bool mismatches(const QString &size) const;
};

namespace ReferenceImageFile {

// The services take images of a few MB; a larger file is refused before it is read.
constexpr qint64 MaxFileBytes = 20 * 1024 * 1024;

enum class Fit
{
    Crop, // fill the frame, cut what sticks out (centred)
    Pad,  // the whole image, black bars where it does not fill the frame
};

// Reads the file's header only (size and format); the bytes are read by prepare().
ReferenceImageCheck inspect(const QString &path);
ReferenceImageCheck inspectBytes(const QByteArray &bytes, const QString &fileName);

struct Prepared
{
    ReferenceImageCheck check;
    ReferenceImage image; // ready to send when check.isOk()
};

// The image ready to send: as it is when it already has the chosen size (or none was chosen), else
// fitted (crop or pad) and encoded as PNG (or JPEG for a photo over 4 MB as PNG). Blocking: call it off
// the GUI thread for files (QtConcurrent), it decodes the whole image.
Prepared prepare(const QString &path, const QString &size, Fit fit);
Prepared prepareBytes(const QByteArray &bytes, const QString &fileName, const QString &size, Fit fit);

} // namespace ReferenceImageFile
