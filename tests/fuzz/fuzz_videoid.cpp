// Fuzzes what users paste into the Video ID field: VideoIdInput::parse (quotes, labels, JSON snippets,
// URLs, Sora app ids) and its hint, on the input read as UTF-8 and as UTF-16. A cleaned id that is
// accepted must be usable as one path segment of a request URL.

#include "api/apiurl.h"
#include "api/videoid.h"
#include "fuzzsupport.h"

#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {

void check(const QString &pasted)
{
    const VideoIdInput input = VideoIdInput::parse(pasted);
    for (const bool chinese : {false, true}) {
        Fuzz::useLanguage(chinese);
        FUZZ_CHECK(input.message().isEmpty() == input.isValid(), "a hint exactly when the id is refused");
    }
    if (!input.isValid())
        return;

    const QString &id = input.id;
    FUZZ_CHECK(!id.isEmpty() && id.size() <= VideoIdInput::MaxLength, "an accepted id is 1-512 characters");
    for (const QChar c : id)
        FUZZ_CHECK(!c.isSpace() && c.category() != QChar::Other_Control, "an accepted id has no spaces");
    FUZZ_CHECK(!id.startsWith("s_"_L1, Qt::CaseInsensitive), "Sora app ids are refused");

    // Accepted means sendable: one percent-encoded segment of the remix URL, on the same host.
    static const QUrl base = ApiUrl::normalizeBase(u"https://relay.example.com/v1"_s);
    const QUrl remix = ApiUrl::remixUrl(base, id);
    FUZZ_CHECK(remix.isValid(), "an accepted id gives a remix URL");
    FUZZ_CHECK(remix.host() == base.host(), "an id stays in the path");
    const QString expectedPath = "/v1/videos/"_L1 + QString::fromLatin1(QUrl::toPercentEncoding(id)) + "/remix"_L1;
    FUZZ_CHECK(remix.path(QUrl::FullyEncoded) == expectedPath, "the id is one encoded segment");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(QString::fromUtf8(Fuzz::bytes(data, size)));
    check(Fuzz::utf16(data, size));
    return 0;
}
