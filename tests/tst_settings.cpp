#include <QtTest>

class Tstsettings final : public QObject
{
    Q_OBJECT

private slots:
    void notWrittenYet() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(Tstsettings)
#include "tst_settings.moc"
