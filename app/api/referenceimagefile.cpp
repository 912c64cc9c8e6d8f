#include "api/referenceimagefile.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray mimeTypeOf(const QByteArray &format)
{
    if (format == "jpeg" || format == "jpg")
        return "image/jpeg";
    if (format == "webp")
        return "image/webp";
    return "image/png";
}

// Reads size and format from a device positioned at the start of the image.
ReferenceImageCheck inspectDevice(QIODevice *device, const QString &fileName, qint64 bytes)
{
    ReferenceImageCheck check;
    check.fileName = fileName;
    check.fileBytes = bytes;
    if (bytes > ReferenceImageFile::MaxFileBytes) {
        check.problem = ReferenceImageCheck::Problem::TooLarge;
        return check;
    }
    QImageReader reader(device);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format().toLower();
    if (format.isEmpty() || !reader.canRead()) {
        check.problem = ReferenceImageCheck::Problem::NotAnImage;
        return check;
    }
    check.format = format == "jpg" ? QByteArrayLiteral("jpeg") : format;
    check.imageSize = reader.size();
    if (!check.imageSize.isValid() || check.imageSize.isEmpty()) {
        check.problem = ReferenceImageCheck::Problem::NotAnImage; // a header and nothing behind it
        return check;
    }
    if (check.format != "jpeg" && check.format != "png" && check.format != "webp")
        check.problem = ReferenceImageCheck::Problem::UnsupportedFormat;
    return check;
}

QImage fitted(const QImage &image, const QSize &target, ReferenceImageFile::Fit fit)
{
    if (fit == ReferenceImageFile::Fit::Crop) {
        const QImage scaled = image.scaled(target, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        return scaled.copy((scaled.width() - target.width()) / 2, (scaled.height() - target.height()) / 2,
                           target.width(), target.height());
    }
    QImage canvas(target, QImage::Format_RGB32);
    canvas.fill(Qt::black);
    const QImage scaled = image.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter painter(&canvas);
    painter.drawImage((target.width() - scaled.width()) / 2, (target.height() - scaled.height()) / 2, scaled);
    return canvas;
}

ReferenceImageFile::Prepared
prepareFrom(const QByteArray &bytes, const ReferenceImageCheck &check, const QString &size, ReferenceImageFile::Fit fit)
{
    ReferenceImageFile::Prepared prepared;
    prepared.check = check;
    if (!check.isOk())
        return prepared;
    prepared.image.fileName = check.fileName;
    // Decoded in full even when sent as it is: a file broken after its header is no first frame.
    QImage image;
    if (!image.loadFromData(bytes)) {
        prepared.check.problem = ReferenceImageCheck::Problem::NotAnImage;
        return prepared;
    }
    if (!check.mismatches(size)) {
        prepared.image.bytes = bytes;
        prepared.image.mimeType = mimeTypeOf(check.format);
        return prepared;
    }
    int width = 0;
    int height = 0;
    VideoPresets::parseSize(size, &width, &height);
    const QImage frame = fitted(image, QSize(width, height), fit);
    QBuffer buffer(&prepared.image.bytes);
    buffer.open(QIODevice::WriteOnly);
    frame.save(&buffer, "PNG");
    prepared.image.mimeType = "image/png";
    if (prepared.image.bytes.size() > 4 * 1024 * 1024) {
        // A photo compresses badly as PNG; JPEG keeps it small enough to upload.
        prepared.image.bytes.clear();
        buffer.seek(0);
        frame.save(&buffer, "JPEG", 92);
        prepared.image.mimeType = "image/jpeg";
    }
    const QString base = QFileInfo(check.fileName).completeBaseName();
    prepared.image.fileName =
        QString((base.isEmpty() ? u"reference"_s : base) + u'-' + QString::number(width) + u'x'
                + QString::number(height) + (prepared.image.mimeType == "image/png" ? u".png"_s : u".jpg"_s));
    prepared.check.imageSize = frame.size();
    return prepared;
}
} // namespace

QString ReferenceImageCheck::message() const
{
    switch (problem) {
    case Problem::None:
        return QString();
    case Problem::NotFound:
        return tr("The image “%1” cannot be found.", "reference image problem").arg(fileName);
    case Problem::TooLarge:
        return tr("The image “%1” is too large (%2 MB). Use an image under %3 MB.",
                  "reference image problem; %2 and %3 are sizes in megabytes")
            .arg(fileName)
            .arg(double(fileBytes) / (1024 * 1024), 0, 'f', 1)
            .arg(ReferenceImageFile::MaxFileBytes / (1024 * 1024));
    case Problem::NotAnImage:
        return tr("“%1” is not an image the app can read. Use a JPEG, PNG or WebP picture.", "reference image problem")
            .arg(fileName);
    case Problem::UnsupportedFormat:
        return tr("“%1” is a %2 image; the service takes JPEG, PNG or WebP only.",
                  "reference image problem; %2 is a format name such as GIF")
            .arg(fileName, QString::fromLatin1(format.toUpper()));
    }
    return QString();
}

bool ReferenceImageCheck::mismatches(const QString &size) const
{
    int width = 0;
    int height = 0;
    if (!VideoPresets::parseSize(size, &width, &height) || !imageSize.isValid())
        return false;
    return imageSize != QSize(width, height);
}

namespace ReferenceImageFile {

ReferenceImageCheck inspect(const QString &path)
{
    const QFileInfo info(path);
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        ReferenceImageCheck check;
        check.fileName = info.fileName();
        check.problem = ReferenceImageCheck::Problem::NotFound;
        return check;
    }
    return inspectDevice(&file, info.fileName(), info.size());
}

ReferenceImageCheck inspectBytes(const QByteArray &bytes, const QString &fileName)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return inspectDevice(&buffer, fileName, bytes.size());
}

Prepared prepare(const QString &path, const QString &size, Fit fit)
{
    const ReferenceImageCheck check = inspect(path);
    if (!check.isOk())
        return Prepared{check, ReferenceImage()};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReferenceImageCheck missing = check;
        missing.problem = ReferenceImageCheck::Problem::NotFound;
        return Prepared{missing, ReferenceImage()};
    }
    Prepared prepared = prepareFrom(file.readAll(), check, size, fit);
    if (prepared.check.isOk())
        prepared.image.sourcePath = QFileInfo(path).absoluteFilePath(); // for a retry after a restart
    return prepared;
}

Prepared prepareBytes(const QByteArray &bytes, const QString &fileName, const QString &size, Fit fit)
{
    return prepareFrom(bytes, inspectBytes(bytes, fileName), size, fit);
}

} // namespace ReferenceImageFile
