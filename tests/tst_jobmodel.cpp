#include <QtTest>

class Tstjobmodel final : public QObject
{
    Q_OBJECT

private slots:
    void notWrittenYet() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tstjobmodel)
#include "tst_jobmodel.moc"
