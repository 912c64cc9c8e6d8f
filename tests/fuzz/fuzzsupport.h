#pragma once

// Shared by the fuzz harnesses (tests/fuzz/fuzz_*.cpp). Each harness defines LLVMFuzzerTestOneInput;
// it is linked either with libFuzzer (clang, -fsanitize=fuzzer) or with replay_main.cpp, which feeds it
// every file of the seed corpus and of the regression cases as a ctest test.

#include <QByteArray>
#include <QLocale>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// An invariant of a parser; a violation is a finding just like a crash (abort() is what libFuzzer catches).
#define FUZZ_CHECK(condition, what)                                                                                    \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s) at %s:%d\n", #condition, what, __FILE__, __LINE__);   \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace Fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The same bytes read as UTF-16 (pasted text can hold anything, lone surrogates included).
inline QString utf16(const uint8_t *data, size_t size)
{
    QString text(static_cast<qsizetype>(size / 2), Qt::Uninitialized);
    if (!text.isEmpty())
        std::memcpy(static_cast<void *>(text.data()), data, size_t(text.size()) * sizeof(QChar));
    return text;
}

// Splits off the first line (without its '\n'); the rest stays in `rest`.
inline QByteArray takeLine(QByteArray &rest)
{
    const qsizetype newline = rest.indexOf('\n');
    if (newline < 0) {
        QByteArray line = rest;
        rest.clear();
        return line;
    }
    QByteArray line = rest.left(newline);
    rest.remove(0, newline + 1);
    return line;
}

// The two UI languages: messages are built for both.
inline void useLanguage(bool chinese)
{
    QLocale::setDefault(chinese ? QLocale(QLocale::Chinese, QLocale::China)
                                : QLocale(QLocale::English, QLocale::UnitedStates));
}

} // namespace Fuzz
