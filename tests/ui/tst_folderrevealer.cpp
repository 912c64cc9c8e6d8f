// "Show in folder" on Linux: the file is selected through org.freedesktop.FileManager1.ShowItems on
// the session bus (a fake file manager on a private bus here); without a file manager on the bus the
// folder is opened through QDesktopServices; when nothing opens, failed() lets the window say so.

#include "folderrevealer.h"
#include "jobdetailspanel.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "jobs/remixjob.h"
#include "privatebus.h"
#include "testhelpers.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDesktopServices>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
class FakeFileManager final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.FileManager1")

public:
    QList<QStringList> shown;

public slots:
    void ShowItems(const QStringList &uris, const QString &startupId)
    {
        Q_UNUSED(startupId)
        shown << uris;
    }
};

class UrlCatcher final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void openUrl(const QUrl &url) { opened << url; }
};
} // namespace

class TstFolderRevealer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void selectsTheFileThroughTheFileManager();
    void opensTheFolderWithoutAFileManager();
    void failsWhenNothingOpens();
    void detailsPanelSaysWhenNothingOpens();

private:
    PrivateBus m_bus;
    QTemporaryDir m_dir;
    QString m_file;
};

void TstFolderRevealer::initTestCase()
{
    TestHelpers::enterTestMode();
    if (!m_bus.start())
        QSKIP(qPrintable(m_bus.error()));
    QVERIFY(QDBusConnection::sessionBus().isConnected());
    m_file = m_dir.filePath(u"remix of the city.mp4"_s);
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
}

void TstFolderRevealer::selectsTheFileThroughTheFileManager()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    FakeFileManager fake;
    QVERIFY(bus.registerObject(u"/org/freedesktop/FileManager1"_s, &fake, QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(u"org.freedesktop.FileManager1"_s));

    FolderRevealer revealer;
    QSignalSpy revealed(&revealer, &FolderRevealer::revealed);
    QSignalSpy failed(&revealer, &FolderRevealer::failed);
    revealer.reveal(m_file);
    QVERIFY(revealed.wait(5000));
    QCOMPARE(revealed.at(0).at(0).toString(), m_file);
    QCOMPARE(revealed.at(0).at(1).toBool(), true);
    QCOMPARE(fake.shown.size(), 1);
    // A file URL, percent-encoded (the space), as the specification asks.
    QCOMPARE(fake.shown.at(0), QStringList{QUrl::fromLocalFile(m_file).toString(QUrl::FullyEncoded)});
    QVERIFY(fake.shown.at(0).at(0).contains(u"%20"_s));
    QCOMPARE(failed.size(), 0);

    bus.unregisterService(u"org.freedesktop.FileManager1"_s);
    bus.unregisterObject(u"/org/freedesktop/FileManager1"_s);
}

void TstFolderRevealer::opensTheFolderWithoutAFileManager()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"file"_s, &catcher, "openUrl");
    FolderRevealer revealer;
    QSignalSpy revealed(&revealer, &FolderRevealer::revealed);
    revealer.reveal(m_file);
    QVERIFY(revealed.wait(5000));
    QCOMPARE(revealed.at(0).at(1).toBool(), false);
    QCOMPARE(catcher.opened, QList<QUrl>{QUrl::fromLocalFile(m_dir.path())});
    QDesktopServices::unsetUrlHandler(u"file"_s);
}

void TstFolderRevealer::failsWhenNothingOpens()
{
    // Offscreen, with neither a file manager on the bus nor a URL handler, nothing can open the folder.
    FolderRevealer revealer;
    QSignalSpy revealed(&revealer, &FolderRevealer::revealed);
    QSignalSpy failed(&revealer, &FolderRevealer::failed);
    revealer.reveal(m_file);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).toString(), m_file);
    QCOMPARE(revealed.size(), 0);
}

void TstFolderRevealer::detailsPanelSaysWhenNothingOpens()
{
    // The details pane's "Show in folder" button: with nothing to open the folder, the status bar says so.
    JobList jobs;
    JobModel model(&jobs);
    RemixJob job;
    job.localId = u"saved"_s;
    job.sourceVideoId = u"video_source"_s;
    job.resultVideoId = u"video_result"_s;
    job.state = JobState::Completed;
    job.progress = 100;
    job.downloadState = DownloadState::Done;
    job.filePath = m_file;
    jobs.add(job);
    JobDetailsPanel panel(&model, nullptr);
    panel.setJob(job.localId);
    auto *button = panel.findChild<QPushButton *>(u"showInFolderButton"_s);
    QVERIFY(button);
    QTRY_VERIFY(button->isEnabled());
    QSignalSpy status(&panel, &JobDetailsPanel::statusMessage);
    button->click();
    QVERIFY(status.wait(5000));
    const QString message = status.at(0).at(0).toString();
    QVERIFY2(message.contains(u"No file manager"_s) && message.contains(QDir::toNativeSeparators(m_dir.path())),
             qPrintable(message));
}

QTEST_MAIN(TstFolderRevealer)
#include "tst_folderrevealer.moc"
