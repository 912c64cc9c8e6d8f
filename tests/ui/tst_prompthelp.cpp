#include "createform.h"
#include "jobfixtures.h"
#include "jobs/joblist.h"
#include "jobs/recentprompts.h"
#include "languagemanager.h"
#include "prompthelp.h"
#include "remixform.h"
#include "settings.h"
#include "testhelpers.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

using JobFixtures::jobWithPrompt;

// The prompt help under the remix and new video forms: recent prompts (searchable) and examples that
// fill the prompt box, a tip, all re-worded when the language changes.
class TstPromptHelp final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }

    void recentPromptsAreSearchedAndFillTheBox()
    {
        JobList jobs;
        RecentPrompts prompts(&jobs);
        RemixForm form;
        form.setRecentPrompts(&prompts);
        form.resize(700, 400);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto *recent = form.findChild<QToolButton *>(u"remixRecentPromptsButton"_s);
        auto *box = form.findChild<QPlainTextEdit *>(u"promptEdit"_s);
        QVERIFY(recent && box);
        QVERIFY(!recent->isEnabled()); // nothing sent yet

        jobs.add(jobWithPrompt(u"a"_s, u"Make it snow. Keep everything else the same."_s));
        jobs.add(jobWithPrompt(u"b"_s, u"把背景换成海边的日落"_s));
        jobs.add(jobWithPrompt(u"c"_s, u"Turn it into a watercolour painting"_s));
        QVERIFY(recent->isEnabled());

        box->setPlainText(u"my own words"_s);
        recent->click();
        auto *popup = form.findChild<QFrame *>(u"remixRecentPromptsPopup"_s);
        auto *search = form.findChild<QLineEdit *>(u"remixRecentPromptsSearch"_s);
        auto *list = form.findChild<QListView *>(u"remixRecentPromptsList"_s);
        QVERIFY(popup && search && list);
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(list->model()->rowCount(), 3);
        QCOMPARE(list->model()->index(0, 0).data().toString(), u"Turn it into a watercolour painting"_s);

        // Any part of a prompt, any case; Chinese too.
        QTest::keyClicks(search, u"SNOW"_s);
        QCOMPARE(list->model()->rowCount(), 1);
        search->clear();
        search->insert(u"海边"_s); // typed through an input method: no key events to simulate
        QCOMPARE(list->model()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(form.prompt(), u"把背景换成海边的日落"_s);
        // One undoable edit: the user's own words come back.
        box->undo();
        QCOMPARE(box->toPlainText(), u"my own words"_s);

        // The arrow keys pick another match while the search keeps focus.
        recent->click();
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(search, Qt::Key_Down);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(form.prompt(), u"把背景换成海边的日落"_s); // the second newest
    }

    void examplesFillTheBoxInTheUiLanguage()
    {
        QTemporaryDir dir;
        QSettings file(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        Settings settings(&file);
        LanguageManager languages(&settings);
        languages.setLanguage(LanguageManager::English);

        RemixForm remix;
        CreateForm create(&settings);
        remix.show();
        create.show();
        for (PromptHelp *help : {remix.promptHelp(), create.promptHelp()}) {
            const QList<std::pair<QString, QString>> examples = help->examples();
            QCOMPARE(examples.size(), 6); // background, colour, time of day, style, weather, camera
            QCOMPARE(examples.at(0).first, u"Background"_s);
            QCOMPARE(examples.at(5).first, u"Camera"_s);
        }
        auto *menu = remix.findChild<QMenu *>(u"remixExamplePromptsMenu"_s);
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 6);
        menu->actions().at(4)->trigger(); // weather
        QCOMPARE(remix.prompt(), remix.promptHelp()->examples().at(4).second);
        QVERIFY(remix.prompt().contains(u"snow"_s));
        auto *tip = remix.findChild<QLabel *>(u"remixPromptTipLabel"_s);
        QVERIFY(tip && tip->text().contains(u"one well-defined change"_s));

        // At run time, in Chinese: the menu, the examples it puts in and the tip.
        languages.setLanguage(LanguageManager::Chinese);
        QTRY_VERIFY(tip->text().contains(u"一处"_s));
        QCOMPARE(remix.promptHelp()->examples().at(0).first, u"背景"_s);
        QTRY_VERIFY(menu->actions().at(4)->text().contains(u"雪"_s));
        menu->actions().at(0)->trigger();
        QVERIFY(remix.prompt().contains(u"背景"_s));
        auto *createTip = create.findChild<QLabel *>(u"createPromptTipLabel"_s);
        QVERIFY(createTip && !createTip->text().contains(u"Tip"_s));
        auto *recent = create.findChild<QToolButton *>(u"createRecentPromptsButton"_s);
        QCOMPARE(recent->text(), u"最近的提示词"_s);
        languages.setLanguage(LanguageManager::English);
        QTRY_COMPARE(recent->text(), u"Recent prompts"_s);
    }
};

QTEST_MAIN(TstPromptHelp)
#include "tst_prompthelp.moc"
