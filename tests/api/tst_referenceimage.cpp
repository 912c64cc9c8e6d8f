#include "api/referenceimagefile.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// The reference image of a new video: checked and fitted before anything is sent.
class TstReferenceImage final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void matchingImageIsSentUnchanged()
    {
        const QString path = write(u"frame.png"_s, image(720, 1280), "PNG");
        const ReferenceImageCheck check = ReferenceImageFile::inspect(path);
        QVERIFY(check.isOk());
        QCOMPARE(check.format, "png");
        QCOMPARE(check.imageSize, QSize(720, 1280));
        QVERIFY(!check.mismatches(u"720x1280"_s));
        QVERIFY(!check.mismatches(QString())); // no size chosen: the service decides
        const ReferenceImageFile::Prepared prepared =
            ReferenceImageFile::prepare(path, u"720x1280"_s, ReferenceImageFile::Fit::Crop);
        QVERIFY(prepared.check.isOk());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(prepared.image.bytes, file.readAll());
        QCOMPARE(prepared.image.mimeType, "image/png");
        QCOMPARE(prepared.image.fileName, u"frame.png"_s);
    }

    void wrongSizeIsSaidAndFitted_data()
    {
        QTest::addColumn<int>("fit");
        QTest::newRow("crop") << int(ReferenceImageFile::Fit::Crop);
        QTest::newRow("pad") << int(ReferenceImageFile::Fit::Pad);
    }

    void wrongSizeIsSaidAndFitted()
    {
        QFETCH(int, fit);
        // A landscape photo for a portrait video.
        const QString path = write(u"照片.jpg"_s, image(1600, 900), "JPEG");
        const ReferenceImageCheck check = ReferenceImageFile::inspect(path);
        QVERIFY(check.isOk());
        QCOMPARE(check.format, "jpeg");
        QVERIFY(check.mismatches(u"720x1280"_s));
        const ReferenceImageFile::Prepared prepared =
            ReferenceImageFile::prepare(path, u"720x1280"_s, ReferenceImageFile::Fit(fit));
        QVERIFY(prepared.check.isOk());
        QImage sent;
        QVERIFY(sent.loadFromData(prepared.image.bytes));
        QCOMPARE(sent.size(), QSize(720, 1280));
        QCOMPARE(prepared.check.imageSize, QSize(720, 1280));
        QVERIFY(prepared.image.fileName.startsWith(u"照片-720x1280"_s));
        QVERIFY(prepared.image.mimeType == "image/png" || prepared.image.mimeType == "image/jpeg");
        // Padding leaves black bars above and below; cropping fills the frame with the photo.
        const QColor corner = sent.pixelColor(5, 5);
        if (ReferenceImageFile::Fit(fit) == ReferenceImageFile::Fit::Pad)
            QCOMPARE(corner, QColor(Qt::black));
        else
            QVERIFY(corner.red() > 100);
    }

    void unsupportedFormatIsRefused()
    {
        const QString path = write(u"scan.bmp"_s, image(64, 64), "BMP");
        const ReferenceImageCheck check = ReferenceImageFile::inspect(path);
        QCOMPARE(check.problem, ReferenceImageCheck::Problem::UnsupportedFormat);
        QVERIFY(check.message().contains(u"BMP"_s));
        QVERIFY(check.message().contains(u"JPEG, PNG or WebP"_s));
    }

    void fiftyMegabyteFileIsNotEvenRead()
    {
        const QString path = m_dir.filePath(u"huge.png"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(50LL * 1024 * 1024)); // sparse: 50 MB on paper
        file.close();
        const ReferenceImageCheck check = ReferenceImageFile::inspect(path);
        QCOMPARE(check.problem, ReferenceImageCheck::Problem::TooLarge);
        QVERIFY(check.message().contains(u"50.0 MB"_s));
        QVERIFY(check.message().contains(u"20 MB"_s));
        QVERIFY(ReferenceImageFile::prepare(path, QString(), ReferenceImageFile::Fit::Crop).image.isEmpty());
    }

    void notAnImageIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text") << QByteArray("这不是图片, just text\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("mp4 header") << QByteArray::fromHex("000000186674797069736f6d0000020069736f6d69736f32");
        QTest::newRow("truncated png") << QByteArray::fromHex("89504e470d0a1a0a0000000d4948");
    }

    void notAnImageIsRefused()
    {
        QFETCH(QByteArray, bytes);
        const QString path = m_dir.filePath(u"picture.png"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        const ReferenceImageCheck check = ReferenceImageFile::inspect(path);
        QCOMPARE(check.problem, ReferenceImageCheck::Problem::NotAnImage);
        QVERIFY(check.message().contains(u"picture.png"_s));
        QVERIFY(ReferenceImageFile::prepare(path, u"720x1280"_s, ReferenceImageFile::Fit::Pad).image.isEmpty());
        // Pasted bytes go the same way.
        QCOMPARE(ReferenceImageFile::inspectBytes(bytes, u"clipboard"_s).problem,
                 ReferenceImageCheck::Problem::NotAnImage);
    }

    void missingFileIsSaid()
    {
        const ReferenceImageCheck check = ReferenceImageFile::inspect(m_dir.filePath(u"gone.png"_s));
        QCOMPARE(check.problem, ReferenceImageCheck::Problem::NotFound);
        QVERIFY(check.message().contains(u"gone.png"_s));
    }

    void webpIsAccepted()
    {
        if (!QImageReader::supportedImageFormats().contains("webp"))
            QSKIP("no WebP plugin (Debian: qt6-image-formats-plugins)");
        const QString path = write(u"frame.webp"_s, image(1280, 720), "WEBP");
        const ReferenceImageCheck check = ReferenceImageFile::inspect(path);
        QVERIFY(check.isOk());
        QCOMPARE(check.format, "webp");
        QCOMPARE(ReferenceImageFile::prepare(path, u"1280x720"_s, ReferenceImageFile::Fit::Crop).image.mimeType,
                 "image/webp");
    }

    void sizesAreParsedTolerantly()
    {
        int width = 0;
        int height = 0;
        QVERIFY(VideoPresets::parseSize(u" 1280 x 720 "_s, &width, &height));
        QCOMPARE(QSize(width, height), QSize(1280, 720));
        QVERIFY(VideoPresets::parseSize(u"1920×1080"_s, &width, &height));
        QVERIFY(!VideoPresets::parseSize(u"small"_s, &width, &height));
        QVERIFY(!VideoPresets::parseSize(u"0x0"_s, &width, &height));
    }

private:
    static QImage image(int width, int height)
    {
        QImage result(width, height, QImage::Format_RGB32);
        result.fill(QColor(220, 40, 40));
        return result;
    }
    QString write(const QString &name, const QImage &image, const char *format)
    {
        const QString path = m_dir.filePath(name);
        if (!image.save(path, format))
            qWarning() << "cannot write" << format;
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstReferenceImage)
#include "tst_referenceimage.moc"
