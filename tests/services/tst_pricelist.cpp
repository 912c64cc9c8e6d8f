#include "services/pricelist.h"
#include "testhelpers.h"

#include <QLocale>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// A profile's prices as the user types them: per second, per model, "*" for any other model; unknown
// stays unknown.
class TstPriceList final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TestHelpers::enterTestMode();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void readsWhatUsersType()
    {
        QStringList bad;
        const PriceList list =
            PriceList::fromText(u"sora-2 = 0.1, sora-2-pro: 0.5；sora-2-landscape-15s 0.08\n* = .2"_s, u"$"_s, &bad);
        QVERIFY(bad.isEmpty());
        QCOMPARE(list.models.size(), 4);
        QCOMPARE(list.perSecond(u"sora-2"_s), std::optional<double>(0.1));
        QCOMPARE(list.perSecond(u"SORA-2-PRO"_s), std::optional<double>(0.5));
        QCOMPARE(list.perSecond(u"sora-2-landscape-15s"_s), std::optional<double>(0.08));
        QCOMPARE(list.perSecond(u"some-other-model"_s), std::optional<double>(0.2)); // the "*" entry
        QCOMPARE(list.perSecond(QString()), std::optional<double>(0.2));

        // Written back and read again: the same list.
        QCOMPARE(PriceList::fromText(list.toText(), u"$"_s), list);

        const PriceList broken = PriceList::fromText(u"sora-2 = abc, = 0.3, sora-2-pro = 0.4"_s, u"¥"_s, &bad);
        QCOMPARE(bad, QStringList({u"sora-2 = abc"_s, u"= 0.3"_s}));
        QCOMPARE(broken.models.size(), 1);
    }

    void unknownIsNeverGuessed()
    {
        const PriceList none;
        QVERIFY(none.isEmpty());
        QCOMPARE(none.estimate(u"sora-2"_s, u"8"_s), std::nullopt);
        const PriceList list = PriceList::fromText(u"sora-2 = 0.1"_s, u"$"_s);
        QCOMPARE(list.estimate(u"sora-2-pro"_s, u"8"_s), std::nullopt); // no price for that model
        QCOMPARE(list.estimate(u"sora-2"_s, QString()), std::nullopt);  // length not known
        QCOMPARE(list.estimate(u"sora-2"_s, u"long"_s), std::nullopt);
        const std::optional<double> eight = list.estimate(u"sora-2"_s, u"8"_s);
        QVERIFY(eight && qFuzzyCompare(*eight, 0.8));
    }

    void formatsWithTheCurrencyAsWritten()
    {
        QCOMPARE(Cost::format(0.8, u"$"_s), u"$0.80"_s);
        QCOMPARE(Cost::format(12.5, u"¥"_s), u"¥12.50"_s);
        QCOMPARE(Cost::format(1234.5, u"USD"_s), u"1,234.50 USD"_s);
        QCOMPARE(Cost::format(0.0125, u"元"_s), u"0.0125 元"_s);
        QCOMPARE(Cost::format(2, QString()), u"2.00"_s);
    }
};

QTEST_GUILESS_MAIN(TstPriceList)
#include "tst_pricelist.moc"
