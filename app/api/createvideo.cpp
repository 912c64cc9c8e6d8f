#include "api/createvideo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {
void appendField(QByteArray &body, const QByteArray &boundary, const QByteArray &name, const QByteArray &value)
{
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n";
    body += value + "\r\n";
}

// A file name in a header: quotes and line breaks would end the header early.
QByteArray headerSafe(const QString &fileName)
{
    QString safe = fileName;
    safe.remove(QRegularExpression(u"[\"\\r\\n\\\\]"_s));
    return safe.isEmpty() ? QByteArrayLiteral("reference") : safe.toUtf8();
}

QJsonObject imageUrlObject(const ReferenceImage &reference)
{
    if (!reference.url.isEmpty())
        return QJsonObject{{u"image_url"_s, reference.url.toString(QUrl::FullyEncoded)}};
    const QString dataUrl = QString(u"data:"_s + QString::fromLatin1(reference.mimeType) + u";base64,"_s
                                    + QString::fromLatin1(reference.bytes.toBase64()));
    return QJsonObject{{u"image_url"_s, dataUrl}};
}
} // namespace

QByteArray CreateVideoSpec::multipartContentType(const QByteArray &boundary)
{
    return "multipart/form-data; boundary=" + boundary;
}

QByteArray CreateVideoSpec::multipartBody(const QByteArray &boundary) const
{
    QByteArray body;
    appendField(body, boundary, "prompt", prompt.toUtf8());
    if (!model.trimmed().isEmpty())
        appendField(body, boundary, "model", model.trimmed().toUtf8());
    if (!seconds.trimmed().isEmpty())
        appendField(body, boundary, "seconds", seconds.trimmed().toUtf8());
    if (!size.trimmed().isEmpty())
        appendField(body, boundary, "size", size.trimmed().toUtf8());
    if (!reference.bytes.isEmpty()) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"input_reference\"; filename=\"" + headerSafe(reference.fileName)
                + "\"\r\n";
        body += "Content-Type: " + reference.mimeType + "\r\n\r\n";
        body += reference.bytes + "\r\n";
    } else if (!reference.url.isEmpty()) {
        appendField(body, boundary, "input_reference",
                    QJsonDocument(imageUrlObject(reference)).toJson(QJsonDocument::Compact));
    }
    body += "--" + boundary + "--\r\n";
    return body;
}

QByteArray CreateVideoSpec::jsonBody() const
{
    QJsonObject object{{u"prompt"_s, prompt}};
    if (!model.trimmed().isEmpty())
        object.insert(u"model"_s, model.trimmed());
    if (!seconds.trimmed().isEmpty())
        object.insert(u"seconds"_s, seconds.trimmed());
    if (!size.trimmed().isEmpty())
        object.insert(u"size"_s, size.trimmed());
    if (!reference.isEmpty())
        object.insert(u"input_reference"_s, imageUrlObject(reference));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace VideoPresets {

QStringList models()
{
    return {u"sora-2"_s, u"sora-2-pro"_s, u"sora-2-2025-10-06"_s, u"sora-2-pro-2025-10-06"_s, u"sora-2-2025-12-08"_s};
}

QStringList seconds()
{
    return {u"4"_s, u"8"_s, u"12"_s};
}

QStringList sizes()
{
    return {u"720x1280"_s, u"1280x720"_s, u"1024x1792"_s, u"1792x1024"_s};
}

bool parseSize(const QString &size, int *width, int *height)
{
    static const QRegularExpression pattern(u"^\\s*(\\d{2,5})\\s*[xX×]\\s*(\\d{2,5})\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(size);
    if (!match.hasMatch())
        return false;
    *width = match.captured(1).toInt();
    *height = match.captured(2).toInt();
    return *width > 0 && *height > 0;
}

} // namespace VideoPresets
