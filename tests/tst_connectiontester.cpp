#include <QTest>

class Tstconnectiontester : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(Tstconnectiontester)
#include "tst_connectiontester.moc"
