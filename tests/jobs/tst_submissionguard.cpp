// The rule behind "You just sent this remix. Send it again?": which submission is a quick repeat of a
// paid one, on a clock the test moves by hand.

#include "jobs/submissionguard.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TstSubmissionGuard final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void firstSubmissionIsNoRepeat();
    void sameSubmissionWithinTheWindowIsARepeat();
    void windowEndsExactlyAfterItsLength();
    void anyDifferenceMakesANewSubmission_data();
    void anyDifferenceMakesANewSubmission();
    void confirmedRepeatStartsTheWindowAgain();
    void refusedSubmissionIsForgotten();
    void zeroWindowTurnsTheGuardOff();
    void oldSubmissionsAreDropped();
    void defaultWindowIsTenSecondsOnASteadyClock();

private:
    SubmissionGuard m_guard;
    qint64 m_nowMs = 0;
    const SubmissionGuard::Submission m_remix{u"video_abc"_s, u"purple sky"_s, u"profile-1"_s};
};

void TstSubmissionGuard::init()
{
    m_guard = SubmissionGuard(5000);
    m_nowMs = 1000;
    m_guard.setClock([this] { return m_nowMs; });
}

void TstSubmissionGuard::firstSubmissionIsNoRepeat()
{
    QVERIFY(!m_guard.isQuickRepeat(m_remix));
    QCOMPARE(m_guard.size(), 0);
}

void TstSubmissionGuard::sameSubmissionWithinTheWindowIsARepeat()
{
    m_guard.record(m_remix, u"job-1"_s);
    QVERIFY(m_guard.isQuickRepeat(m_remix)); // the same instant: a held key, a double click
    m_nowMs += 300;
    QVERIFY(m_guard.isQuickRepeat(m_remix)); // two presses 0.3 s apart
    // Asking does not change anything: only a sent remix is recorded.
    QCOMPARE(m_guard.size(), 1);
}

void TstSubmissionGuard::windowEndsExactlyAfterItsLength()
{
    m_guard.record(m_remix, u"job-1"_s);
    m_nowMs += 4999;
    QVERIFY(m_guard.isQuickRepeat(m_remix));
    m_nowMs += 1;
    QVERIFY(!m_guard.isQuickRepeat(m_remix));
}

void TstSubmissionGuard::anyDifferenceMakesANewSubmission_data()
{
    QTest::addColumn<QString>("sourceVideoId");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("profileId");
    QTest::newRow("another source") << u"video_def"_s << u"purple sky"_s << u"profile-1"_s;
    QTest::newRow("another prompt") << u"video_abc"_s << u"purple sky at night"_s << u"profile-1"_s;
    QTest::newRow("prompt differs in white space") << u"video_abc"_s << u"purple sky "_s << u"profile-1"_s;
    QTest::newRow("another profile") << u"video_abc"_s << u"purple sky"_s << u"profile-2"_s;
}

void TstSubmissionGuard::anyDifferenceMakesANewSubmission()
{
    QFETCH(QString, sourceVideoId);
    QFETCH(QString, prompt);
    QFETCH(QString, profileId);
    m_guard.record(m_remix, u"job-1"_s);
    QVERIFY(!m_guard.isQuickRepeat({sourceVideoId, prompt, profileId}));
    QVERIFY(m_guard.isQuickRepeat(m_remix));
}

void TstSubmissionGuard::confirmedRepeatStartsTheWindowAgain()
{
    m_guard.record(m_remix, u"job-1"_s);
    m_nowMs += 4000;
    QVERIFY(m_guard.isQuickRepeat(m_remix));
    m_guard.record(m_remix, u"job-2"_s); // the user said "Send Again"
    m_nowMs += 4000;
    QVERIFY(m_guard.isQuickRepeat(m_remix)); // a third press soon after the second asks again
    m_nowMs += 1000;
    QVERIFY(!m_guard.isQuickRepeat(m_remix));
}

void TstSubmissionGuard::refusedSubmissionIsForgotten()
{
    m_guard.record(m_remix, u"job-1"_s);
    m_guard.forget(u"job-1"_s);
    QVERIFY(!m_guard.isQuickRepeat(m_remix));

    // Only that job: when a repeat was sent too and went through, the remix is still a recent one.
    m_guard.record(m_remix, u"job-2"_s);
    m_guard.record(m_remix, u"job-3"_s);
    m_guard.forget(u"job-3"_s);
    QVERIFY(m_guard.isQuickRepeat(m_remix));
    m_guard.forget(QString());
    m_guard.forget(u"job-unknown"_s);
    QVERIFY(m_guard.isQuickRepeat(m_remix));
    m_guard.forget(u"job-2"_s);
    QVERIFY(!m_guard.isQuickRepeat(m_remix));
}

void TstSubmissionGuard::zeroWindowTurnsTheGuardOff()
{
    m_guard.setWindowMs(0);
    QCOMPARE(m_guard.windowMs(), 0);
    m_guard.record(m_remix, u"job-1"_s);
    QVERIFY(!m_guard.isQuickRepeat(m_remix));
    m_guard.setWindowMs(-5);
    QCOMPARE(m_guard.windowMs(), 0);
}

void TstSubmissionGuard::oldSubmissionsAreDropped()
{
    for (int i = 0; i < 100; ++i) {
        m_guard.record({u"video_%1"_s.arg(i), u"prompt"_s, u"profile-1"_s}, u"job-%1"_s.arg(i));
        m_nowMs += 1000;
    }
    // A long session keeps only what can still make a repeat: the last five seconds.
    QCOMPARE(m_guard.size(), 5);
    QVERIFY(m_guard.isQuickRepeat({u"video_99"_s, u"prompt"_s, u"profile-1"_s}));
    QVERIFY(!m_guard.isQuickRepeat({u"video_90"_s, u"prompt"_s, u"profile-1"_s}));
}

void TstSubmissionGuard::defaultWindowIsTenSecondsOnASteadyClock()
{
    SubmissionGuard guard;
    QCOMPARE(guard.windowMs(), 10000);
    QCOMPARE(SubmissionGuard::DefaultWindowMs, 10000);
    guard.record(m_remix, u"job-1"_s);
    QVERIFY(guard.isQuickRepeat(m_remix));
    // An injected clock can be taken away again.
    guard.setClock([] { return qint64(1) << 40; });
    QVERIFY(!guard.isQuickRepeat(m_remix));
    guard.setClock({});
    QVERIFY(guard.isQuickRepeat(m_remix));
}

QTEST_GUILESS_MAIN(TstSubmissionGuard)
#include "tst_submissionguard.moc"
