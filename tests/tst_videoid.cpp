#include <QtTest>

class Tstvideoid final : public QObject
{
    Q_OBJECT

private slots:
    void notWrittenYet() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tstvideoid)
#include "tst_videoid.moc"
