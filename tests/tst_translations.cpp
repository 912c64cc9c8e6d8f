#include "api/apierror.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "languagemanager.h"
#include "settings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TstTranslations final : public QObject
{
    Q_OBJECT

private slots:
    // Every source string has a finished Chinese translation: otherwise the Chinese UI shows English there.
    void chineseHasNoUnfinishedEntries()
    {
        QFile file(QStringLiteral(VIDEOREMIX_SOURCE_DIR) + u"/translations/videoremix_zh_CN.ts"_s);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList unfinished;
        QString context;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"name"_s)
                context = xml.readElementText();
            else if (xml.name() == u"message"_s)
                ++messages;
            else if (xml.name() == u"source"_s)
                source = xml.readElementText();
            else if (xml.name() == u"translation"_s) {
                const QString type = xml.attributes().value(u"type"_s).toString();
                if (type == u"unfinished"_s)
                    unfinished.append(context + u": "_s + source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 50, "the translation file looks empty: was lupdate run?");
        QVERIFY2(unfinished.isEmpty(), qPrintable(u"unfinished: "_s + unfinished.join(u"; "_s)));
    }

    void switchingLanguageChangesModelText()
    {
        QTemporaryDir dir;
        QSettings store(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        Settings settings(&store, QProcessEnvironment());
        LanguageManager languages(&settings);
        JobList jobList;
        JobModel model(&jobList);
        connect(&languages, &LanguageManager::languageChanged, &model, &JobModel::retranslate);

        languages.setLanguage(LanguageManager::English);
        const QString english = model.headerData(JobModel::StatusColumn, Qt::Horizontal).toString();
        QCOMPARE(english, u"Status"_s);

        QSignalSpy headerSpy(&model, &QAbstractItemModel::headerDataChanged);
        languages.setLanguage(LanguageManager::Chinese);
        QCOMPARE(headerSpy.count(), 1);
        QCOMPARE(model.headerData(JobModel::StatusColumn, Qt::Horizontal).toString(), u"状态"_s);
        QCOMPARE(JobStates::displayName(JobState::Completed), u"已完成"_s);
        QCOMPARE(QLocale().language(), QLocale::Chinese);
        QCOMPARE(settings.language(), LanguageManager::Chinese);

        languages.setLanguage(LanguageManager::English);
        QCOMPARE(model.headerData(JobModel::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);
        QCOMPARE(JobStates::displayName(JobState::Completed), u"Completed"_s);
    }

    // Words added for relay statuses, moderation, polling and deleting read in both languages.
    void newWordsInBothLanguages()
    {
        QTemporaryDir dir;
        QSettings store(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        Settings settings(&store, QProcessEnvironment());
        LanguageManager languages(&settings);
        const ApiError sentinel = ApiError::fromFailedJob(u"sentinel_block"_s, u"Prompt refused by sentinel"_s);
        const ApiError gone = ApiError::fromHttp(404, QByteArray(), ServerHints());
        RemixJob stopped;
        stopped.localId = u"stopped"_s;
        stopped.resultVideoId = u"video_1"_s;
        stopped.state = JobState::InProgress;
        stopped.pollingStopped = true;
        stopped.error = gone;
        JobList jobList;
        JobModel model(&jobList);
        jobList.add(stopped);
        // The cell says it in a few words; the tooltip has the whole sentence with what to do.
        const auto status = [&model]() -> QString {
            const QModelIndex cell = model.index(0, JobModel::StatusColumn);
            return cell.data().toString() + u" | "_s + cell.data(Qt::ToolTipRole).toString();
        };

        languages.setLanguage(LanguageManager::Chinese);
        QCOMPARE(JobStates::displayName(JobState::Cancelled), u"已取消"_s);
        QVERIFY2(sentinel.userMessage(ApiOperation::Poll).contains(u"不会扣费"_s),
                 qPrintable(sentinel.userMessage(ApiOperation::Poll)));
        QVERIFY2(sentinel.userMessage(ApiOperation::Poll).contains(u"修改提示词"_s),
                 qPrintable(sentinel.userMessage(ApiOperation::Poll)));
        QVERIFY2(gone.userMessage(ApiOperation::Poll).contains(u"不再识别此任务"_s),
                 qPrintable(gone.userMessage(ApiOperation::Poll)));
        QVERIFY2(gone.userMessage(ApiOperation::Delete).contains(u"已没有此视频"_s),
                 qPrintable(gone.userMessage(ApiOperation::Delete)));
        QVERIFY2(status().contains(u"已停止查询"_s) && status().contains(u"刷新"_s), qPrintable(status()));

        languages.setLanguage(LanguageManager::English);
        QCOMPARE(JobStates::displayName(JobState::Cancelled), u"Cancelled"_s);
        QVERIFY(sentinel.userMessage(ApiOperation::Poll).contains(u"not charged"_s));
        QVERIFY2(status().contains(u"stopped checking"_s) && status().contains(u"Refresh"_s), qPrintable(status()));
    }

    void firstStartFollowsTheSystemLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zh_CN") << QLocale(QLocale::Chinese, QLocale::China) << u"zh_CN"_s;
        QTest::newRow("zh_TW") << QLocale(QLocale::Chinese, QLocale::Taiwan) << u"zh_CN"_s;
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << u"en"_s;
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << u"en"_s;
    }
    void firstStartFollowsTheSystemLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, expected);
        QCOMPARE(LanguageManager::languageForLocale(locale), expected);
    }

    void storedChoiceWins()
    {
        QTemporaryDir dir;
        QSettings store(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        Settings settings(&store, QProcessEnvironment());
        settings.setLanguage(LanguageManager::Chinese);
        LanguageManager languages(&settings);
        languages.applyInitialLanguage();
        QCOMPARE(languages.currentLanguage(), LanguageManager::Chinese);
        languages.setLanguage(LanguageManager::English);
    }

    void qtOwnChineseStringsAreAvailable()
    {
        // Standard dialogs (QMessageBox buttons, QFileDialog) need Qt's own zh_CN catalogue.
        QTranslator qt;
        QVERIFY(qt.load(QLocale(QLocale::Chinese, QLocale::China), u"qtbase"_s, u"_"_s,
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    }
};

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
