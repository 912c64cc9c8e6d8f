#include "thumbnaildelegate.h"

#include <QIcon>
#include <QImageReader>
#include <QPixmapCache>

using namespace Qt::Literals::StringLiterals;

ThumbnailDelegate::ThumbnailDelegate(int pathRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_pathRole(pathRole)
{}

ThumbnailDelegate::~ThumbnailDelegate() = default;

void ThumbnailDelegate::setThumbnailsShown(bool shown)
{
    m_shown = shown;
}

QSize ThumbnailDelegate::thumbnailBox(const QFontMetrics &metrics) const
{
    // Two lines of text high (about 34 px at the usual font sizes): big enough to recognise a video, small
    // enough that the list shows several rows in a small window.
    const int height = qMax(32, metrics.height() * 2);
    return {height * 16 / 9, height};
}

QPixmap ThumbnailDelegate::thumbnail(const QString &path, const QSize &box, qreal devicePixelRatio) const
{
    if (path.isEmpty() || m_unreadable.contains(path))
        return {};
    const QSize devicePixels = (QSizeF(box) * devicePixelRatio).toSize();
    const QString key = u"videoremix-thumb:%1x%2:"_s.arg(devicePixels.width()).arg(devicePixels.height()) + path;
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;

    // Decoding at the target size: a reader can skip most of a large JPEG's work this way.
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid())
        reader.setScaledSize(full.scaled(devicePixels, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull()) {
        m_unreadable.insert(path);
        return {};
    }
    if (image.width() > devicePixels.width() || image.height() > devicePixels.height())
        image = image.scaled(devicePixels, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

void ThumbnailDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!m_shown)
        return;
    // The thumbnail is the cell's decoration, so the style lays out picture and text, elides the text
    // and draws focus and selection as for any icon. Rows without a thumbnail keep the empty box, so
    // the ids of all rows start at the same x.
    const QSize box = thumbnailBox(option->fontMetrics);
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = box;
    option->decorationAlignment = Qt::AlignCenter;
    option->textElideMode = Qt::ElideMiddle;
    const qreal ratio = option->widget ? option->widget->devicePixelRatioF() : 1.0;
    const QPixmap pixmap = thumbnail(index.data(m_pathRole).toString(), box, ratio);
    QIcon icon;
    if (!pixmap.isNull()) {
        // The same picture when selected: the style would otherwise tint it with the highlight colour.
        icon.addPixmap(pixmap, QIcon::Normal);
        icon.addPixmap(pixmap, QIcon::Selected);
        icon.addPixmap(pixmap, QIcon::Active);
    }
    option->icon = icon;
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (m_shown)
        size.setHeight(qMax(size.height(), thumbnailBox(option.fontMetrics).height() + 4));
    return size;
}
