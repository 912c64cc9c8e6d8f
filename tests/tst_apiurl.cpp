#include <QtTest>

class Tstapiurl final : public QObject
{
    Q_OBJECT

private slots:
    void notWrittenYet() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tstapiurl)
#include "tst_apiurl.moc"
