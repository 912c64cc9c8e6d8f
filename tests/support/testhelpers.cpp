#include "testhelpers.h"

#include "appcore.h"
#include "downloads/downloadmanager.h"
#include "jobs/jobcontroller.h"
#include "languagemanager.h"
#include "services/profilestore.h"
#include "settings.h"

#include "history/jobstore.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStringList>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace {
QMutex logMutex;
QStringList logLines;
int debugLineCount = 0;
QtMessageHandler previousHandler = nullptr;
QLoggingCategory::CategoryFilter previousFilter = nullptr;
bool collecting = false;

void collectingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&logMutex);
        logLines << QString::fromLatin1(context.category ? context.category : "") + u' ' + message;
        if (type == QtDebugMsg)
            ++debugLineCount;
    }
    // Keep the test output readable: debug lines are collected, not printed.
    if (type != QtDebugMsg && previousHandler)
        previousHandler(type, context, message);
}
} // namespace

// Debug on for every category of ours. A filter, not setFilterRules(): rules from the environment
// (QT_LOGGING_RULES, which ctest sets to keep the output short) win over setFilterRules(), and would
// silently leave the debug lines, the ones that show URLs and headers, out of the scan.
void enableAllDebug(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrncmp(category->categoryName(), "remix.", 6) == 0)
        category->setEnabled(QtDebugMsg, true);
}

void TestHelpers::installLogCollector()
{
    if (collecting)
        return;
    collecting = true;
    previousHandler = qInstallMessageHandler(collectingHandler);
    previousFilter = QLoggingCategory::installFilter(enableAllDebug);
}

void TestHelpers::uninstallLogCollector()
{
    if (!collecting)
        return;
    collecting = false;
    qInstallMessageHandler(previousHandler);
    QLoggingCategory::installFilter(previousFilter);
    previousFilter = nullptr;
}

void TestHelpers::clearCollectedLog()
{
    const QMutexLocker lock(&logMutex);
    logLines.clear();
    debugLineCount = 0;
}

int TestHelpers::collectedDebugLineCount()
{
    const QMutexLocker lock(&logMutex);
    return debugLineCount;
}

QStringList TestHelpers::collectedLog()
{
    const QMutexLocker lock(&logMutex);
    return logLines;
}

void TestHelpers::openHistoryAndWait(AppCore &core, const QString &path)
{
    QSignalSpy loaded(&core, &AppCore::historyLoaded);
    if (core.openHistory(path) != int(JobStore::OpenResult::Ok))
        qWarning() << "history:" << core.historyErrorMessage();
    else if (!loaded.wait(5000))
        qWarning() << "history did not load";
}

std::unique_ptr<AppCore> TestHelpers::makeTestCore(const QTemporaryDir &dir, QSettings *store, const QUrl &serviceRoot)
{
    // An empty environment: OPENAI_* of whoever runs the tests must not leak in.
    auto *settings = new Settings(store, QProcessEnvironment());
    // Files go to the temporary folder; tests that want downloads turn them on.
    settings->setDownloadFolder(dir.filePath(u"videos"_s));
    settings->setAutoDownload(false);
    auto core = std::make_unique<AppCore>(settings);
    core->profileStore()->useSingleService(serviceRoot.toString() + u"/v1"_s, u"test-key"_s);
    core->downloadManager()->setThumbnailFolder(dir.filePath(u"thumbnails"_s));
    core->languageManager()->setLanguage(LanguageManager::English);
    PollSettings polling = core->jobController()->pollSettings();
    // Every job at 30 ms, whatever its profile says, and no per-service ceiling worth the name.
    polling.intervalOverrideMs = 30;
    polling.maxPollsPerSecondPerService = 1000;
    polling.backoffBaseMs = 30;
    core->jobController()->setPollSettings(polling);
    return core;
}
