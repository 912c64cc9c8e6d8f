#include <QtTest>

class Tstapierror final : public QObject
{
    Q_OBJECT

private slots:
    void notWrittenYet() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tstapierror)
#include "tst_apierror.moc"
