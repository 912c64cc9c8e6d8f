#include "jobfixtures.h"
#include "jobs/joblist.h"
#include "jobs/recentprompts.h"
#include "testhelpers.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

using JobFixtures::jobWithPrompt;

// The prompts the user wrote before, offered again in the forms: newest first, each once, kept current
// as jobs are added and as the history arrives.
class TstRecentPrompts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }

    void newestFirstEachOnce()
    {
        JobList jobs;
        jobs.add(jobWithPrompt(u"a"_s, u"make it snow"_s));
        jobs.add(jobWithPrompt(u"b"_s, u"  把背景换成海边  "_s));
        jobs.add(jobWithPrompt(u"c"_s, QString()));   // a job without a prompt offers nothing
        jobs.add(jobWithPrompt(u"d"_s, u"   \n "_s)); // nor does one of blanks
        RecentPrompts prompts(&jobs);
        QCOMPARE(prompts.stringList(), QStringList({u"把背景换成海边"_s, u"make it snow"_s}));

        // A prompt used again moves to the top instead of appearing twice.
        jobs.add(jobWithPrompt(u"e"_s, u"make it snow"_s));
        QCOMPARE(prompts.stringList(), QStringList({u"make it snow"_s, u"把背景换成海边"_s}));
        jobs.add(jobWithPrompt(u"f"_s, u"sunset light"_s));
        QCOMPARE(prompts.stringList().first(), u"sunset light"_s);

        // The history arrives after the session's jobs: its prompts come after them, once.
        jobs.appendOlder({jobWithPrompt(u"old1"_s, u"rain at night"_s), jobWithPrompt(u"old2"_s, u"make it snow"_s),
                          jobWithPrompt(u"old3"_s, u"watercolour style"_s)});
        QCOMPARE(prompts.stringList(), QStringList({u"sunset light"_s, u"make it snow"_s, u"把背景换成海边"_s,
                                                    u"rain at night"_s, u"watercolour style"_s}));
    }

    void longListIsCapped()
    {
        JobList jobs;
        RecentPrompts prompts(&jobs, 3);
        for (int i = 0; i < 5; ++i)
            jobs.add(jobWithPrompt(u"j%1"_s.arg(i), u"prompt %1"_s.arg(i)));
        QCOMPARE(prompts.stringList(), QStringList({u"prompt 4"_s, u"prompt 3"_s, u"prompt 2"_s}));
        jobs.appendOlder({jobWithPrompt(u"old"_s, u"older prompt"_s)});
        QCOMPARE(prompts.rowCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TstRecentPrompts)
#include "tst_recentprompts.moc"
