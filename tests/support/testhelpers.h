#pragma once

#include <QStandardPaths>
#include <QStringList>
#include <QUrl>

#include <memory>

class AppCore;
class QSettings;
class QTemporaryDir;

// Small things every test needs.
namespace TestHelpers {
// Call from initTestCase(): QSettings and QStandardPaths go to ~/.qttest, never to the user's files.
inline void enterTestMode()
{
    QStandardPaths::setTestModeEnabled(true);
}

// An AppCore as the app builds it, for tests: settings in store (no OPENAI_* from the environment),
// the service at serviceRoot + "/v1" with the key "test-key", English, 30 ms polling for every job, and downloads
// off but aimed at dir (videos and thumbnails), so nothing reaches the user's folders.
std::unique_ptr<AppCore> makeTestCore(const QTemporaryDir &dir, QSettings *store, const QUrl &serviceRoot);

// Opens the core's history at path and waits until it is listed; warns (the caller's checks then fail)
// when it cannot be opened or loaded.
void openHistoryAndWait(AppCore &core, const QString &path);

// Every log message of the process, debug included (whatever QT_LOGGING_RULES says), for tests that
// search the logs for a secret. Only warnings and worse are passed on to the test output.
void installLogCollector();
void uninstallLogCollector();
void clearCollectedLog();
QStringList collectedLog();
// How many of the collected lines are debug lines: a scan for secrets checks it is not zero.
int collectedDebugLineCount();
} // namespace TestHelpers
