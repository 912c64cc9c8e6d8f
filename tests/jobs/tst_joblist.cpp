#include "api/secretmask.h"
#include "jobs/joblist.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// JobList is the one place a job is changed; the history and the model listen to its signals.
class TstJobList final : public QObject
{
    Q_OBJECT

private slots:
    void addUpdateRemoveSignalOnce()
    {
        JobList list;
        QSignalSpy added(&list, &JobList::jobAdded);
        QSignalSpy changed(&list, &JobList::jobChanged);
        QSignalSpy removed(&list, &JobList::jobRemoved);

        QVERIFY(list.add(job(u"a"_s)));
        QVERIFY(!list.add(job(u"a"_s))); // a duplicate is refused
        QVERIFY(!list.add(job(QString())));
        QCOMPARE(added.count(), 1);
        QCOMPARE(list.count(), 1);

        RemixJob a = *list.job(u"a"_s);
        QVERIFY(list.update(a)); // nothing new: no signal, so the history is not written for nothing
        QCOMPARE(changed.count(), 0);
        a.updatedAt = QDateTime::currentDateTimeUtc(); // a field no cell shows still reaches the history
        QVERIFY(list.update(a));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(1).value<RemixJob>().updatedAt, QDateTime()); // the record before
        a.progress = 40;
        QVERIFY(list.update(a));
        QCOMPARE(changed.count(), 2);
        QVERIFY(!list.update(job(u"unknown"_s)));

        QVERIFY(list.remove(u"a"_s));
        QVERIFY(!list.remove(u"a"_s));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(list.count(), 0);
    }

    void newestFirstWithOlderJobsBelow()
    {
        JobList list;
        list.add(job(u"b"_s));
        list.add(job(u"c"_s));
        QSignalSpy older(&list, &JobList::olderJobsAppended);
        list.appendOlder({job(u"a2"_s), job(u"c"_s), job(u"a1"_s)}); // "c" is known: skipped
        QCOMPARE(older.count(), 1);
        QCOMPARE(older.first().first().toStringList(), (QStringList{u"a2"_s, u"a1"_s}));
        QStringList order;
        for (const RemixJob &one : list.jobs())
            order << one.localId;
        QCOMPARE(order, (QStringList{u"c"_s, u"b"_s, u"a2"_s, u"a1"_s}));
        // Positions stay right after a removal in the middle.
        list.remove(u"b"_s);
        QCOMPARE(list.find(u"a1"_s)->localId, u"a1"_s);
        QCOMPARE(list.find(u"c"_s)->localId, u"c"_s);
        QVERIFY(!list.find(u"b"_s));
    }

    void lineageFollowsResultIds()
    {
        JobList list;
        RemixJob first = job(u"first"_s);
        list.add(first);
        QCOMPARE(list.jobIdForResult(u"video_1"_s), QString());
        first.resultVideoId = u"video_1"_s;
        list.update(first);
        QCOMPARE(list.jobIdForResult(u"video_1"_s), u"first"_s);
        list.remove(u"first"_s);
        QCOMPARE(list.jobIdForResult(u"video_1"_s), QString());
    }

    // No listener (model, history) ever sees a known key, whatever a service echoed into the job.
    void scrubsKnownKeysBeforeAnyoneSeesThem()
    {
        const QString key = u"sk-other-profile-0123456789"_s;
        KnownSecrets::add(key);
        JobList list;
        RemixJob echoed = job(u"a"_s);
        echoed.error = ApiError::fromFailedJob(u"bad"_s, u"key "_s + key + u" refused"_s);
        echoed.rawStatus = key;
        QString seenByListener;
        connect(&list, &JobList::jobAdded, &list,
                [&](const QString &id) { seenByListener = list.find(id)->error.message + list.find(id)->rawStatus; });
        list.add(echoed);
        QVERIFY(!seenByListener.isEmpty());
        QVERIFY2(!seenByListener.contains(key), qPrintable(seenByListener));
        echoed.downloadFailure.kind = DownloadError::Unwritable;
        echoed.downloadFailure.writeError = key;
        list.update(echoed);
        QVERIFY(!list.find(u"a"_s)->downloadFailure.writeError.contains(key));
        list.appendOlder({[&] {
            RemixJob old = job(u"old"_s);
            old.error.message = key;
            old.error.kind = ApiError::Kind::Http;
            return old;
        }()});
        QVERIFY(!list.find(u"old"_s)->error.message.contains(key));
        KnownSecrets::remove(key);
    }

private:
    static RemixJob job(const QString &id)
    {
        RemixJob one;
        one.localId = id;
        one.sourceVideoId = u"video_src"_s;
        one.prompt = u"purple"_s;
        return one;
    }
};

QTEST_GUILESS_MAIN(TstJobList)
#include "tst_joblist.moc"
