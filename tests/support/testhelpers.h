#pragma once

#include <QStandardPaths>
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
// the service at serviceRoot + "/v1" with the key "test-key", English, 30 ms polling, and downloads
// off but aimed at dir (videos and thumbnails), so nothing reaches the user's folders.
std::unique_ptr<AppCore> makeTestCore(const QTemporaryDir &dir, QSettings *store, const QUrl &serviceRoot);
} // namespace TestHelpers
