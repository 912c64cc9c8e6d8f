#pragma once

// For the widget tests only (QPixmap needs a GUI application; the support library does not link QtGui).

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QString>

// Screenshots that are checked, not just written: they run with every test run (grab() works offscreen).
namespace Screenshot {
// Where they go: $VIDEOREMIX_SCREENSHOT_DIR when set (to look at them, e.g. for the README), otherwise
// fallback, a temporary directory of the test, so that nothing lands outside it.
inline QString directory(const QString &fallback)
{
    const QString asked = qEnvironmentVariable("VIDEOREMIX_SCREENSHOT_DIR");
    return asked.isEmpty() ? fallback : asked;
}

// Saves the picture as a PNG at path and reads it back. Returns what is wrong, or "" when it is a
// picture of the expected size (in device pixels) that shows something: a grab of a window that did
// not paint is one flat colour, while text and icons give hundreds.
inline QString save(const QPixmap &pixmap, const QString &path, const QSize &expectedSize)
{
    if (pixmap.isNull())
        return QStringLiteral("nothing was grabbed for ") + path;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !pixmap.save(path, "PNG"))
        return QStringLiteral("could not write ") + path;
    const QImage written(path);
    if (written.isNull())
        return QStringLiteral("could not read back ") + path;
    const QSize expected = expectedSize * pixmap.devicePixelRatio();
    if (written.size() != expected) {
        return QStringLiteral("%1 is %2x%3, expected %4x%5")
            .arg(path)
            .arg(written.width())
            .arg(written.height())
            .arg(expected.width())
            .arg(expected.height());
    }
    QSet<QRgb> colours;
    for (int y = 0; y < written.height() && colours.size() < 64; y += 3) {
        for (int x = 0; x < written.width(); x += 3)
            colours.insert(written.pixel(x, y));
    }
    if (colours.size() < 64)
        return QStringLiteral("%1 looks blank (%2 colours)").arg(path).arg(colours.size());
    return QString();
}
} // namespace Screenshot
