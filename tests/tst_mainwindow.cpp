#include <QtTest>

class Tstmainwindow final : public QObject
{
    Q_OBJECT

private slots:
    void notWrittenYet() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tstmainwindow)
#include "tst_mainwindow.moc"
