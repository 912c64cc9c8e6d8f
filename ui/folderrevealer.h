#pragma once

#include <QObject>
#include <QString>

// "Show in folder": opens the file manager on a file, with the file selected where the desktop can.
// Linux and the BSDs: org.freedesktop.FileManager1.ShowItems (Nautilus, Dolphin, Nemo, Caja, Thunar,
// PCManFM-Qt implement it), asked from a separate dbus-send process, so that a session bus that never
// answers cannot hang the window; when no file manager takes the call, the folder itself through
// QDesktopServices. Windows: explorer.exe /select. macOS: open -R. The outcome comes later, through
// revealed() or failed(), never from within reveal().
class FolderRevealer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderRevealer)

public:
    explicit FolderRevealer(QObject *parent = nullptr);
    ~FolderRevealer() override;

    void reveal(const QString &filePath);

    // What the status bar says after failed(): no file manager could be opened for the file's folder.
    static QString failureMessage(const QString &filePath);

signals:
    // selected: a file manager was asked to select the file; false: only its folder was opened.
    void revealed(const QString &filePath, bool selected);
    // Neither a file manager nor any program for folders could be started.
    void failed(const QString &filePath);

private:
    // The folder through QDesktopServices; the outcome is signalled from the event loop.
    void openFolder(const QString &filePath);
    void report(const QString &filePath, bool opened, bool selected);
};
