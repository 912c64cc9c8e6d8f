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
        // Installed: beside the executable's libraries (bin/../lib/[<arch>/]videoremix/). A program that
        // runs from the build folder (the app built there, the tests) takes the module built there.
        const QString programFolder = QCoreApplication::applicationDirPath();
        QStringList candidates{QDir(programFolder).filePath(QStringLiteral(VIDEOREMIX_MEDIA_MODULE_INSTALLED))};
        const QString buildFolder = QDir(QStringLiteral(VIDEOREMIX_BUILD_DIR)).canonicalPath();
        if (!buildFolder.isEmpty() && (programFolder == buildFolder || programFolder.startsWith(buildFolder + u'/')))
            candidates.prepend(QStringLiteral(VIDEOREMIX_MEDIA_MODULE_BUILT));
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
