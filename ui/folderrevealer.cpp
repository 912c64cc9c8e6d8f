#include "folderrevealer.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

FolderRevealer::FolderRevealer(QObject *parent)
    : QObject(parent)
{}

FolderRevealer::~FolderRevealer() = default;

QString FolderRevealer::failureMessage(const QString &filePath)
{
    return tr("No file manager could be opened for “%1”.", "status bar; %1 is a folder")
        .arg(QDir::toNativeSeparators(QFileInfo(filePath).absolutePath()));
}

void FolderRevealer::reveal(const QString &filePath)
{
#if defined(Q_OS_WIN)
    // Explorer selects the file; it takes "/select," and the path as separate arguments.
    if (QProcess::startDetached(u"explorer.exe"_s, {u"/select,"_s, QDir::toNativeSeparators(filePath)})) {
        report(filePath, true, true);
        return;
    }
#elif defined(Q_OS_MACOS)
    if (QProcess::startDetached(u"open"_s, {u"-R"_s, filePath})) {
        report(filePath, true, true);
        return;
    }
#else
    const QString dbusSend = QStandardPaths::findExecutable(u"dbus-send"_s);
    if (!dbusSend.isEmpty() && !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        auto *process = new QProcess(this);
        connect(process, &QProcess::finished, this, [this, process, filePath](int exitCode) {
            process->deleteLater();
            if (exitCode == 0)
                report(filePath, true, true);
            else
                openFolder(filePath); // no file manager on the bus took the call
        });
        connect(process, &QProcess::errorOccurred, this, [this, process, filePath](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return; // finished() follows
            process->deleteLater();
            openFolder(filePath);
        });
        process->start(dbusSend,
                       {u"--session"_s, u"--print-reply"_s, u"--reply-timeout=3000"_s,
                        u"--dest=org.freedesktop.FileManager1"_s, u"--type=method_call"_s,
                        u"/org/freedesktop/FileManager1"_s, u"org.freedesktop.FileManager1.ShowItems"_s,
                        u"array:string:"_s + QUrl::fromLocalFile(filePath).toString(QUrl::FullyEncoded), u"string:"_s});
        return;
    }
#endif
    openFolder(filePath);
}

void FolderRevealer::openFolder(const QString &filePath)
{
    // Every desktop opens its file manager for a directory URL.
    const bool opened = QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(filePath).absolutePath()));
    report(filePath, opened, false);
}

void FolderRevealer::report(const QString &filePath, bool opened, bool selected)
{
    // Always from the event loop: a caller may connect after reveal() and still hear the outcome.
    QMetaObject::invokeMethod(
        this,
        [this, filePath, opened, selected] {
            if (opened)
                emit revealed(filePath, selected);
            else
                emit failed(filePath);
        },
        Qt::QueuedConnection);
}
