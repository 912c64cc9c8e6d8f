// HeapPolicy: what Qt's HTTP thread allocates for each read of a download (512 KiB) comes from the heap
// and is kept there for the next read, instead of a fresh mapping whose pages all fault in again; glibc
// still moves its thresholds with the program (unlike fixed mallopt() values); and blocks beyond its
// ceiling still go back to the system when freed. This process is fresh, so nothing before
// initTestCase() has moved the thresholds. The first two checks fail without the policy (each run on its
// own), the third with fixed mallopt() values instead of it.

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
    void thresholdsStillFollowTheProgram();
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

// Through a volatile pointer: an optimising compiler may drop a malloc() and free() pair that nothing
// reads, and these checks would then pass without allocating anything.
void *(*volatile allocate)(size_t) = std::malloc;

// How many bytes more are in blocks with their own mapping while a block of this size is held.
size_t mappedWhileHolding(size_t size)
{
    const size_t before = mappedBytes();
    auto *block = static_cast<char *>(allocate(size));
    if (!block)
        qFatal("cannot allocate %zu bytes", size);
    block[0] = 1;
    const size_t mapped = mappedBytes() - before;
    std::free(block);
    return mapped;
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
    // 3 MiB: well above a read's 512 KiB, and below the 4 MiB the policy raises the threshold to.
    QCOMPARE(mappedWhileHolding(3 * MiB), size_t(0));
#endif
}

void TestHeapPolicy::freedReadSizedBlocksStayForTheNextRead()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    mappedWhileHolding(3 * MiB);
    QVERIFY2(keptAtTheTop() >= 3 * MiB,
             qPrintable(u"only %1 bytes kept at the top of the heap"_qs.arg(keptAtTheTop())));
#endif
}

void TestHeapPolicy::thresholdsStillFollowTheProgram()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    // A freed 16 MiB block raises the thresholds further; with fixed ones, 12 MiB would be mapped.
    mappedWhileHolding(16 * MiB);
    QCOMPARE(mappedWhileHolding(12 * MiB), size_t(0));
#endif
}

void TestHeapPolicy::hugeBlocksGoBackToTheSystem()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    const size_t before = mappedBytes();
    QVERIFY(mappedWhileHolding(64 * MiB) >= 64 * MiB);
    QCOMPARE(mappedBytes(), before);
#endif
}

QTEST_GUILESS_MAIN(TestHeapPolicy)
#include "tst_heappolicy.moc"
