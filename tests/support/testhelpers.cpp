#include "testhelpers.h"

#include "appcore.h"
#include "downloadmanager.h"
#include "jobcontroller.h"
#include "languagemanager.h"
#include "settings.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

std::unique_ptr<AppCore> TestHelpers::makeTestCore(const QTemporaryDir &dir, QSettings *store, const QUrl &serviceRoot)
{
    // An empty environment: OPENAI_* of whoever runs the tests must not leak in.
    auto *settings = new Settings(store, QProcessEnvironment());
    settings->setBaseUrl(serviceRoot.toString() + u"/v1"_s);
    settings->setApiKey(u"test-key"_s);
    // Files go to the temporary folder; tests that want downloads turn them on.
    settings->setDownloadFolder(dir.filePath(u"videos"_s));
    settings->setAutoDownload(false);
    auto core = std::make_unique<AppCore>(settings);
    core->downloadManager()->setThumbnailFolder(dir.filePath(u"thumbnails"_s));
    core->languageManager()->setLanguage(LanguageManager::English);
    PollSettings polling = core->jobController()->pollSettings();
    polling.intervalMs = 30;
    polling.backoffBaseMs = 30;
    core->jobController()->setPollSettings(polling);
    return core;
}
