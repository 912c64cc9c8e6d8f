#include <QtTest>

class Tstjobcontroller final : public QObject
{
    Q_OBJECT

private slots:
    void notWrittenYet() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tstjobcontroller)
#include "tst_jobcontroller.moc"
