#include <QtTest>

class Tstapiclient final : public QObject
{
    Q_OBJECT

private slots:
    void notWrittenYet() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tstapiclient)
#include "tst_apiclient.moc"
