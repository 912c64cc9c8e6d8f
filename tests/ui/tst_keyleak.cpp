// A relay that repeats the key it was sent (new-api answers /content with "无效的令牌：Bearer sk-…"),
// in every field and form it can: the key must end up in no file under the user's home, on no screen,
// in no tooltip, on the clipboard and in no log line.
#include "api/secretmask.h"
#include "appcore.h"
#include "downloads/downloadmanager.h"
#include "fakevideoserver.h"
#include "jobs/jobcontroller.h"
#include "jobs/jobmodel.h"
#include "jobs/jobstate.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "services/profilestore.h"
#include "settings.h"
#include "testhelpers.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDirIterator>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTreeView>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
// A key with the characters that change form in URLs and JSON.
const QString Key = u"sk-EchoedKey0123456789abcdef+/=XYZ"_s;

QList<QByteArray> formsOnDisk()
{
    QList<QByteArray> forms;
    for (const QString &form : SecretMask::formsOf(Key))
        forms << form.toUtf8();
    // The part after "sk-" alone, in case something cut the prefix off.
    forms << Key.mid(3).toUtf8();
    return forms;
}

bool containsKey(const QString &text)
{
    for (const QByteArray &form : formsOnDisk()) {
        if (text.contains(QString::fromUtf8(form)))
            return true;
    }
    return false;
}

QByteArray echoBody(int variant)
{
    const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(Key));
    QJsonObject error;
    switch (variant) {
    case 0: // new-api, as met
        error = {{u"message"_s, QString(u"无效的令牌：Bearer "_s + Key)}, {u"type"_s, u"new_api_error"_s}};
        break;
    case 1: // the seed relay's shape, with a Chinese message and the key in the code and param
        error = {{u"message"_s, QString(u"Invalid token "_s + Key)},
                 {u"message_zh"_s, QString(u"令牌 "_s + Key + u" 无效"_s)},
                 {u"code"_s, Key},
                 {u"param"_s, QString(u"authorization=Bearer%20"_s + percent)},
                 {u"type"_s, u"invalid_request_error"_s}};
        break;
    default: // escaped by hand: "\/" and a percent-encoded copy in a URL
        return "{\"error\":{\"message\":\"bad key " + Key.toUtf8().replace("/", "\\/")
               + "\",\"type\":\"x\",\"url\":\"https://relay.example/v1?key=" + percent.toUtf8() + "\"}}";
    }
    return QJsonDocument(QJsonObject{{u"error"_s, error}}).toJson(QJsonDocument::Compact);
}

// Searches every file under the home for the key; returns how many files were read.
int scanHome()
{
    int files = 0;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++files;
        const QByteArray bytes = file.readAll();
        for (const QByteArray &form : formsOnDisk()) {
            if (bytes.contains(form)) {
                qWarning().noquote() << file.fileName() << "holds" << QString::fromUtf8(form);
                return -1;
            }
        }
    }
    return files;
}
} // namespace

class TstKeyLeak final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TestHelpers::enterTestMode();
        TestHelpers::installLogCollector();
    }
    void cleanupTestCase() { TestHelpers::uninstallLogCollector(); }

    void echoedKeyReachesNoFileScreenOrLog();
};

void TstKeyLeak::echoedKeyReachesNoFileScreenOrLog()
{
    // All files under the (fresh, per-run) home, where history, settings and caches live.
    QTemporaryDir dir(QDir::homePath() + u"/leak-XXXXXX"_s);
    QVERIFY(dir.isValid());
    FakeVideoServer server;
    QVERIFY(server.start());
    server.setRequiredKey(Key);
    int contentAnswers = 0;
    server.addHandler(
        [&contentAnswers](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
            if (request.rawPath.contains("/content")) {
                FakeVideoServer::Reply reply;
                reply.status = 401;
                reply.body = echoBody(contentAnswers++ % 3);
                reply.headers << qMakePair(QByteArray("X-Request-Id"), ("req-" + Key).toUtf8());
                return reply;
            }
            if (request.method == "POST" && request.body.contains("refused")) {
                FakeVideoServer::Reply reply;
                reply.status = 400;
                reply.body = echoBody(1);
                return reply;
            }
            return std::nullopt;
        });
    // A job that fails with the key in the failure text, in both languages' fields.
    server.setVideoScript(
        u"video_remix_2"_s,
        {FakeVideoServer::Reply::json(
            {{u"id"_s, u"video_remix_2"_s},
             {u"status"_s, u"failed"_s},
             {u"error"_s, QJsonObject{{u"code"_s, u"bad_token"_s},
                                      {u"message"_s, QString(u"token Bearer "_s + Key + u" rejected"_s)},
                                      {u"message_zh"_s, QString(u"令牌 "_s + Key)}}}})});

    QSettings store(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    auto core = TestHelpers::makeTestCore(dir, &store, server.rootUrl());
    core->profileStore()->setKey(core->profileStore()->activeId(), Key);
    core->settings()->setDownloadFolder(dir.filePath(u"videos"_s));
    core->settings()->setAutoDownload(true);
    core->downloadManager()->setRetryPolicy(0, 10);
    TestHelpers::openHistoryAndWait(*core, dir.filePath(u"history.sqlite"_s));
    auto window = std::make_unique<MainWindow>(core.get());
    window->show();

    JobController *jobs = core->jobController();
    const QString completed = jobs->submit(u"video_source"_s, u"make it purple"_s);
    const QString failed = jobs->submit(u"video_source"_s, u"make it blue"_s);
    const QString refused = jobs->submit(u"video_source"_s, u"refused"_s);
    JobModel *model = core->jobModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->job(completed)->downloadState, DownloadState::Failed, 10000);
    QTRY_COMPARE(model->job(failed)->state, JobState::Failed);
    QTRY_COMPARE(model->job(refused)->state, JobState::SubmitFailed);
    // The download was refused with the echo, and "Download again" meets the other two shapes.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int before = contentAnswers;
        core->downloadManager()->downloadNow(completed);
        QTRY_VERIFY(contentAnswers > before);
        QTRY_COMPARE(model->job(completed)->downloadState, DownloadState::Failed);
    }
    QVERIFY(contentAnswers >= 3);
    QVERIFY(!model->job(completed)->downloadFailure.message().isEmpty());

    // Everything the model gives a view, in both languages.
    for (const QString &language : {LanguageManager::English, LanguageManager::Chinese}) {
        core->languageManager()->setLanguage(language);
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const QModelIndex index = model->index(row, column);
                for (int role = 0; role < Qt::UserRole + 64; ++role) {
                    const QVariant value = index.data(role);
                    if (value.canConvert<QString>())
                        QVERIFY2(!containsKey(value.toString()),
                                 qPrintable(u"role %1: "_s.arg(role) + value.toString()));
                }
            }
        }
        // What the window shows for each job: details pane, status bar, tooltips, and "Copy error".
        auto *view = window->findChild<QTreeView *>(u"jobView"_s);
        QVERIFY(view);
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            view->selectionModel()->setCurrentIndex(view->model()->index(row, 0),
                                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            QCoreApplication::processEvents();
            const auto widgets = window->findChildren<QWidget *>();
            for (const QWidget *widget : widgets) {
                QStringList texts{widget->toolTip(), widget->accessibleName(), widget->accessibleDescription()};
                if (const auto *label = qobject_cast<const QLabel *>(widget))
                    texts << label->text();
                if (const auto *edit = qobject_cast<const QLineEdit *>(widget))
                    texts << edit->text();
                if (const auto *edit = qobject_cast<const QPlainTextEdit *>(widget))
                    texts << edit->toPlainText();
                if (const auto *edit = qobject_cast<const QTextEdit *>(widget))
                    texts << edit->toPlainText();
                if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
                    texts << button->text();
                for (const QString &text : std::as_const(texts))
                    QVERIFY2(!containsKey(text), qPrintable(widget->objectName() + u": "_s + text));
            }
            QVERIFY(!containsKey(window->statusBar()->currentMessage()));
            auto *copyError = window->findChild<QAction *>(u"actionCopyError"_s);
            QVERIFY(copyError);
            if (copyError->isEnabled()) {
                copyError->trigger();
                QVERIFY2(!containsKey(QApplication::clipboard()->text()),
                         qPrintable(QApplication::clipboard()->text()));
            }
        }
    }

    // No file under the home holds the key in any form: while the app runs (the history's WAL holds
    // the latest changes) and after it closed.
    QVERIFY(scanHome() >= 3); // settings, the history and its WAL at least
    window.reset();
    core.reset();
    QVERIFY(scanHome() >= 2);

    QVERIFY(TestHelpers::collectedDebugLineCount() > 0);
    const QStringList log = TestHelpers::collectedLog();
    for (const QString &line : log)
        QVERIFY2(!containsKey(line), qPrintable(line));
}

QTEST_MAIN(TstKeyLeak)
#include "tst_keyleak.moc"
