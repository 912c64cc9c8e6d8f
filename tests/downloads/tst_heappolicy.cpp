// HeapPolicy: what Qt's HTTP thread allocates for each read of a download (about 2 MB on loopback)
// comes from the heap and is kept there for the next read, instead of a fresh mapping whose pages all
// fault in again; and blocks far larger than that still go back to the system when freed. Each check
// runs in this fresh process, so no earlier allocation has moved glibc's own moving thresholds.

#include "downloads/heappolicy.h"

#include <QtTest>

#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define VIDEOREMIX_GLIBC_HEAP 1
#endif

class TestHeapPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readSizedBlocksComeFromTheHeap();
    void freedReadSizedBlocksStayForTheNextRead();
    void hugeBlocksGoBackToTheSystem();
};

namespace {

constexpr size_t MiB = 1024 * 1024;

#if defined(VIDEOREMIX_GLIBC_HEAP)
// Bytes in blocks that have their own mapping (freed straight back to the system).
size_t mappedBytes()
{
    return mallinfo2().hblkhd;
}

// Free bytes at the top of the main heap that glibc keeps instead of trimming.
size_t keptAtTheTop()
{
    return mallinfo2().keepcost;
}
#endif

} // namespace

void TestHeapPolicy::initTestCase()
{
#if !defined(VIDEOREMIX_GLIBC_HEAP)
    QSKIP("only glibc's own allocator has these settings (not other C libraries, not a sanitizer's)");
#endif
    HeapPolicy::applyForLargeTransfers();
}

void TestHeapPolicy::readSizedBlocksComeFromTheHeap()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    const size_t before = mappedBytes();
    void *block = std::malloc(3 * MiB);
    QVERIFY(block);
    const size_t during = mappedBytes();
    std::free(block);
    QCOMPARE(during, before);
#endif
}

void TestHeapPolicy::freedReadSizedBlocksStayForTheNextRead()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    void *block = std::malloc(3 * MiB);
    QVERIFY(block);
    std::free(block);
    QVERIFY2(keptAtTheTop() >= 3 * MiB,
             qPrintable(u"only %1 bytes kept at the top of the heap"_qs.arg(keptAtTheTop())));
#endif
}

void TestHeapPolicy::hugeBlocksGoBackToTheSystem()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    const size_t before = mappedBytes();
    void *block = std::malloc(64 * MiB);
    QVERIFY(block);
    const size_t during = mappedBytes();
    std::free(block);
    QVERIFY(during >= before + 64 * MiB);
    QCOMPARE(mappedBytes(), before);
#endif
}

QTEST_GUILESS_MAIN(TestHeapPolicy)
#include "tst_heappolicy.moc"
