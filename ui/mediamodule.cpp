#include "mediamodule.h"

#include "mediafactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMediaModule, "remix.media", QtInfoMsg)

using namespace Qt::Literals::StringLiterals;

namespace MediaModule {
Media::Factory *factory()
{
#if VIDEOREMIX_MEDIA_MODULE
    static Media::Factory *const loaded = []() -> Media::Factory * {
        // Installed: beside the executable's libraries (bin/../lib/<arch>/videoremix/). Built: where the
        // build put it, for running from the build folder and for the tests.
        const QStringList candidates{
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(VIDEOREMIX_MEDIA_MODULE_INSTALLED)),
            QStringLiteral(VIDEOREMIX_MEDIA_MODULE_BUILT)};
        QStringList problems;
        for (const QString &path : candidates) {
            if (!QFile::exists(path))
                continue;
            QLibrary library(path);
            // Never unloaded: its players live as long as the app.
            library.setLoadHints(QLibrary::PreventUnloadHint);
            using FactoryFunction = Media::Factory *(*)();
            if (auto function = reinterpret_cast<FactoryFunction>(library.resolve("videoremix_media_factory"))) {
                qCDebug(lcMediaModule) << "loaded" << path;
                return function();
            }
            problems << library.errorString();
        }
        qCWarning(lcMediaModule) << "no video playback inside the app: the media module was not found" << candidates
                                 << problems;
        return nullptr;
    }();
    return loaded;
#else
    return videoremix_media_factory();
#endif
}
} // namespace MediaModule
