#include <QtTest>

class Tstvideoinfo final : public QObject
{
    Q_OBJECT

private slots:
    void notWrittenYet() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tstvideoinfo)
#include "tst_videoinfo.moc"
