// Replays files through a fuzz harness without libFuzzer: `fuzz_X_replay DIR_OR_FILE...`.
// Runs every file of each directory (sorted by name, not recursive) through LLVMFuzzerTestOneInput,
// so the seed corpus and every regression case are checked by ctest in every build (g++, sanitizers).
// A directory that does not exist yet (no regression case so far) is skipped; no input at all fails.

#include "fuzzsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

int main(int argc, char **argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QFile::decodeName(argv[i]);
        const QFileInfo info(path);
        if (info.isDir()) {
            const QDir dir(path);
            for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden, QDir::Name))
                files.append(dir.filePath(name));
        } else if (info.isFile()) {
            files.append(path);
        } else {
            std::printf("(skipped, does not exist: %s)\n", argv[i]);
        }
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "no inputs to replay\n");
        return 1;
    }
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 1;
        }
        const QByteArray data = file.readAll();
        // Named before it runs, so that a crash points at its input.
        std::printf("replay %s (%lld bytes)\n", qPrintable(path), static_cast<long long>(data.size()));
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
    }
    std::printf("%lld inputs replayed without a finding\n", static_cast<long long>(files.size()));
    return 0;
}
