#include "deferredicon.h"

#include "firstframe.h"

#include <QApplication>
#include <QIconEngine>
#include <QPixmap>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
// Shared by the copies of one icon, so that the lookup runs once.
struct Lookup
{
    std::function<QIcon()> make;
    std::optional<QIcon> icon;
};

class DeferredIconEngine final : public QIconEngine
{
public:
    explicit DeferredIconEngine(std::shared_ptr<Lookup> lookup)
        : m_lookup(std::move(lookup))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        if (const QIcon *icon = resolved())
            icon->paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        if (const QIcon *icon = resolved())
            return icon->pixmap(size, mode, state);
        return blank(size);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        if (const QIcon *icon = resolved())
            return icon->pixmap(size, scale, mode, state);
        return blank(size);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        if (const QIcon *icon = resolved())
            return icon->actualSize(size, mode, state);
        return size; // the room the icon will take
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        if (const QIcon *icon = resolved())
            return icon->availableSizes(mode, state);
        return {};
    }
    QString iconName() override
    {
        const QIcon *icon = resolved();
        return icon ? icon->name() : QString();
    }
    bool isNull() override
    {
        const QIcon *icon = resolved();
        return icon && icon->isNull(); // not null while waiting: layouts keep room for it
    }
    QString key() const override { return u"DeferredIconEngine"_s; }
    QIconEngine *clone() const override { return new DeferredIconEngine(m_lookup); }

private:
    const QIcon *resolved()
    {
        if (!m_lookup->icon) {
            if (FirstFrame::isHeld())
                return nullptr;
            m_lookup->icon = m_lookup->make();
            m_lookup->make = nullptr;
        }
        return &*m_lookup->icon;
    }
    static QPixmap blank(const QSize &size)
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        return pixmap;
    }

    std::shared_ptr<Lookup> m_lookup;
};
} // namespace

namespace DeferredIcon {
QIcon make(std::function<QIcon()> lookup)
{
    if (!FirstFrame::isHeld())
        return lookup();
    return QIcon(new DeferredIconEngine(std::make_shared<Lookup>(Lookup{std::move(lookup), std::nullopt})));
}

QIcon themed(const QString &themeName, QStyle::StandardPixmap fallback)
{
    return make(
        [themeName, fallback] { return QIcon::fromTheme(themeName, QApplication::style()->standardIcon(fallback)); });
}

QIcon themed(const QString &themeName)
{
    return make([themeName] { return QIcon::fromTheme(themeName); });
}

QIcon standard(QStyle::StandardPixmap pixmap)
{
    return make([pixmap] { return QApplication::style()->standardIcon(pixmap); });
}
} // namespace DeferredIcon
