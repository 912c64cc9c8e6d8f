#pragma once

#include <QStandardPaths>
#include <QTemporaryDir>

// Small things every test needs.
namespace TestHelpers {
// Call from initTestCase(): QSettings and QStandardPaths go to ~/.qttest, never to the user's files.
inline void enterTestMode()
{
    QStandardPaths::setTestModeEnabled(true);
}
} // namespace TestHelpers
