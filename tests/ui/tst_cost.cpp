#include "appcore.h"
#include "costtotal.h"
#include "createform.h"
#include "fakevideoserver.h"
#include "jobs/costestimator.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "languagemanager.h"
#include "remixform.h"
#include "services/profilestore.h"
#include "settings.h"
#include "testhelpers.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// What jobs cost, from the prices the user set on a profile: the estimate before sending, the list's
// cost column, and today's and this month's totals in the status bar. Unknown stays unknown.
class TstCost final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TestHelpers::enterTestMode();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_server = std::make_unique<FakeVideoServer>();
        QVERIFY(m_server->start());
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_core = TestHelpers::makeTestCore(*m_dir, m_store.get(), m_server->rootUrl());
        m_costs = std::make_unique<CostEstimator>(m_core->profileStore(), m_core->jobList());
    }

    void cleanup()
    {
        m_costs.reset();
        m_core.reset();
        m_store.reset();
        m_dir.reset();
        m_server.reset();
    }

    void jobsListAndTotals()
    {
        setPrices(u"sora-2 = 0.1, sora-2-pro = 0.5"_s, u"$"_s);
        const QDateTime now = QDateTime::currentDateTime();
        // In UTC, as the history stores it: counted by its instant, not by its spec.
        addJob(u"made"_s, u"sora-2"_s, u"8"_s, JobState::Completed, now.toUTC()); // $0.80
        addJob(u"running"_s, u"sora-2-pro"_s, u"4"_s, JobState::InProgress, now); // $2.00
        addJob(u"failed"_s, u"sora-2"_s, u"8"_s, JobState::Failed, now);          // made nothing: $0
        addJob(u"remix"_s, QString(), QString(), JobState::Queued, now);          // length not known yet
        addJob(u"lastMonth"_s, u"sora-2"_s, u"12"_s, JobState::Completed, now.addMonths(-1).addDays(-1));
        const bool earlierThisMonth = now.date().day() > 1;
        if (earlierThisMonth)
            addJob(u"earlier"_s, u"sora-2"_s, u"4"_s, JobState::Completed, now.addDays(-1)); // $0.40

        QCOMPARE(m_costs->forJob(*m_core->jobList()->find(u"made"_s)).amount, std::optional<double>(0.8));
        QCOMPARE(m_costs->forJob(*m_core->jobList()->find(u"failed"_s)).amount, std::optional<double>(0.0));
        QVERIFY(!m_costs->forJob(*m_core->jobList()->find(u"remix"_s)).isKnown());

        // The list's column: the amount formatted for display, the raw number in a role.
        JobModel *model = m_core->jobModel();
        model->setCostEstimator(m_costs.get());
        const QModelIndex made = model->index(model->rowOf(u"made"_s), JobModel::CostColumn);
        QCOMPARE(made.data().toString(), u"$0.80"_s);
        QCOMPARE(made.data(JobModel::CostRole).toDouble(), 0.8);
        const QModelIndex remix = model->index(model->rowOf(u"remix"_s), JobModel::CostColumn);
        QVERIFY(remix.data(JobModel::CostRole).isNull());
        QVERIFY(remix.data().toString().isEmpty());
        QVERIFY(!remix.data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(model->headerData(JobModel::CostColumn, Qt::Horizontal).toString(), u"Cost"_s);

        // The status bar: today and this month; the job without a length is not counted, and says so.
        CostTotal total(m_costs.get(), m_core->jobList());
        total.recount();
        QVERIFY(total.isVisibleTo(nullptr) || !total.isHidden());
        QCOMPARE(total.text(),
                 earlierThisMonth ? u"Today $2.80 · this month $3.20"_s : u"Today $2.80 · this month $2.80"_s);
        QVERIFY2(total.toolTip().contains(u"1 job"_s), qPrintable(total.toolTip()));

        // The remix learns its model and length from the service: now it counts.
        RemixJob learnt = *m_core->jobList()->find(u"remix"_s);
        learnt.model = u"sora-2"_s;
        learnt.seconds = u"4"_s;
        m_core->jobList()->update(learnt);
        QTRY_COMPARE(total.text(),
                     earlierThisMonth ? u"Today $3.20 · this month $3.60"_s : u"Today $3.20 · this month $3.20"_s);

        // In Chinese, at run time.
        m_core->languageManager()->setLanguage(LanguageManager::Chinese);
        QTRY_VERIFY(total.text().startsWith(u"今天"_s));
        QCOMPARE(model->headerData(JobModel::CostColumn, Qt::Horizontal).toString(), u"费用"_s);
        m_core->languageManager()->setLanguage(LanguageManager::English);
    }

    void noPriceNoNumber()
    {
        // Nothing set: no total, no amounts, and the form says where to set a price.
        addJob(u"made"_s, u"sora-2"_s, u"8"_s, JobState::Completed, QDateTime::currentDateTime());
        CostTotal total(m_costs.get(), m_core->jobList());
        total.recount();
        QVERIFY(total.isHidden());
        QVERIFY(!m_costs->forNewVideo(u"sora-2"_s, u"8"_s).isKnown());
        QVERIFY(!m_costs->forNewVideo(u"sora-2"_s, u"8"_s).hasPrices);

        CreateForm form(m_core->settings());
        form.setCostEstimator(m_costs.get());
        auto *label = form.findChild<QLabel *>(u"createCostLabel"_s);
        QVERIFY(label);
        QVERIFY2(label->text().contains(u"no price"_s), qPrintable(label->text()));
    }

    void formsShowTheEstimate()
    {
        setPrices(u"sora-2 = 0.1, * = 0.2"_s, u"¥"_s);
        addJob(u"source"_s, u"sora-2"_s, u"8"_s, JobState::Completed, QDateTime::currentDateTime());

        CreateForm create(m_core->settings());
        create.setCostEstimator(m_costs.get());
        auto *createCost = create.findChild<QLabel *>(u"createCostLabel"_s);
        auto *model = create.findChild<QComboBox *>(u"modelBox"_s);
        auto *seconds = create.findChild<QComboBox *>(u"secondsBox"_s);
        QVERIFY(createCost && model && seconds);
        model->setEditText(u"sora-2"_s);
        seconds->setEditText(u"12"_s);
        QTRY_COMPARE(createCost->text(), u"Estimated cost: ¥1.20"_s);
        model->setEditText(u"sora-2-pro"_s); // the "*" price
        QTRY_COMPARE(createCost->text(), u"Estimated cost: ¥2.40"_s);

        RemixForm remix;
        remix.setCostEstimator(m_costs.get());
        auto *remixCost = remix.findChild<QLabel *>(u"remixCostLabel"_s);
        QVERIFY(remixCost);
        remix.setVideoId(u"video_source"_s); // a video of the list: its model and length are known
        QTRY_COMPARE(remixCost->text(), u"Estimated cost: ¥0.80"_s);
        remix.setVideoId(u"video_elsewhere"_s);
        QTRY_COMPARE(remixCost->text(), u"Estimated cost: unknown (the video's length is not known)"_s);

        // A price changed in Settings shows at once.
        setPrices(u"sora-2 = 0.3"_s, u"¥"_s);
        remix.setVideoId(u"video_source"_s);
        QTRY_COMPARE(remixCost->text(), u"Estimated cost: ¥2.40"_s);
    }

private:
    void setPrices(const QString &text, const QString &currency)
    {
        ProfileStore *profiles = m_core->profileStore();
        ServiceProfile profile = *profiles->activeProfile();
        profile.prices = PriceList::fromText(text, currency);
        QVERIFY(profiles->updateProfile(profile));
    }

    void addJob(const QString &id, const QString &model, const QString &seconds, JobState state, const QDateTime &sent)
    {
        RemixJob job;
        job.localId = id;
        job.kind = model.isEmpty() ? JobKind::Remix : JobKind::Create;
        job.sourceVideoId = model.isEmpty() ? u"video_x"_s : QString();
        job.prompt = u"p"_s;
        job.model = model;
        job.seconds = seconds;
        job.state = state;
        job.submittedAt = sent;
        job.resultVideoId = u"video_"_s + id;
        job.profileId = m_core->profileStore()->activeId();
        QVERIFY(m_core->jobList()->add(job));
    }

    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<AppCore> m_core;
    std::unique_ptr<CostEstimator> m_costs;
};

QTEST_MAIN(TstCost)
#include "tst_cost.moc"
