#pragma once

#include <QSet>
#include <QStyledItemDelegate>

// Draws a job's cached thumbnail at the left of its cell (the Result column), scaled to the row
// height, with the cell's text beside it. Scaled pixmaps live in QPixmapCache, so paint() reads an
// image file at most once per thumbnail and size. Once thumbnailsShown is on, every row reserves the
// thumbnail's height and width: rows stay uniform (the view relies on it for long lists) and ids line up.
class ThumbnailDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailDelegate)

public:
    // pathRole: where the model keeps the image file's path.
    explicit ThumbnailDelegate(int pathRole, QObject *parent = nullptr);
    ~ThumbnailDelegate() override;

    void setThumbnailsShown(bool shown);
    bool thumbnailsShown() const { return m_shown; }
    // The box a thumbnail is fitted into (16:9 at the row height), in device-independent pixels.
    QSize thumbnailBox(const QFontMetrics &metrics) const;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The scaled thumbnail from the cache, read from disk on the first use; a null pixmap when the file
    // cannot be read (remembered, so a missing file is not retried on every repaint).
    QPixmap thumbnail(const QString &path, const QSize &box, qreal devicePixelRatio) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_pathRole;
    bool m_shown = false;
    mutable QSet<QString> m_unreadable;
};
