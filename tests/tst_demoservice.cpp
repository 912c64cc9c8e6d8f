#include "demoservice.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestDemoService : public QObject
{
    Q_OBJECT

private slots:
    void startsOnLoopback();
};

void TestDemoService::startsOnLoopback()
{
    DemoService demo;
    QVERIFY(demo.start());
    QCOMPARE(demo.baseUrl().host(), u"127.0.0.1"_s);
    QCOMPARE(demo.baseUrl().path(), u"/v1"_s);
}

QTEST_GUILESS_MAIN(TestDemoService)
#include "tst_demoservice.moc"
