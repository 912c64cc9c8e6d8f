// Fuzzes service addresses and URL building: ApiUrl::normalizeBase on what users type or paste, then
// remixUrl / videoUrl / contentUrl with an id and a variant, and isInsecureRemote.
// Input lines: the address, then the video id, then the content variant.

#include "api/apiurl.h"
#include "fuzzsupport.h"

#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isUsableId(const QString &id)
{
    return !id.isEmpty() && id != "."_L1 && id != ".."_L1;
}

void checkBuilt(const QUrl &built, const QUrl &base, const QString &id, const QString &tail)
{
    if (!base.isValid() || !isUsableId(id)) {
        FUZZ_CHECK(!built.isValid(), "no URL from an invalid base or id");
        return;
    }
    FUZZ_CHECK(built.isValid(), "a valid base and id give a URL");
    FUZZ_CHECK(built.scheme() == base.scheme() && built.host() == base.host() && built.port() == base.port(),
               "the id cannot change where the request goes");
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(id));
    FUZZ_CHECK(built.path(QUrl::FullyEncoded) == base.path(QUrl::FullyEncoded) + "/videos/"_L1 + encoded + tail,
               "the id is one encoded segment after the base path");
}

void check(const QString &address, const QString &id, const QString &variant)
{
    const QUrl base = ApiUrl::normalizeBase(address);
    (void)ApiUrl::isInsecureRemote(base);
    if (base.isValid()) {
        const QString scheme = base.scheme();
        FUZZ_CHECK(scheme == "http"_L1 || scheme == "https"_L1, "a base is http(s)");
        FUZZ_CHECK(!base.host().isEmpty(), "a base has a host");
        FUZZ_CHECK(!base.path(QUrl::FullyEncoded).endsWith(u'/'), "a base has no trailing slash");
        FUZZ_CHECK(base.query().isEmpty() && base.fragment().isEmpty() && base.userInfo().isEmpty(),
                   "a base has no query, fragment or user info");
        // What the settings dialog shows can be pasted back as it is.
        FUZZ_CHECK(ApiUrl::normalizeBase(base.toString()) == base, "normalizing is idempotent");
    }

    checkBuilt(ApiUrl::remixUrl(base, id), base, id, u"/remix"_s);
    checkBuilt(ApiUrl::videoUrl(base, id), base, id, QString());
    const QUrl content = ApiUrl::contentUrl(base, id, variant);
    checkBuilt(content, base, id, u"/content"_s);
    if (content.isValid() && !variant.isEmpty())
        FUZZ_CHECK(QUrlQuery(content).allQueryItemValues(u"variant"_s).size() == 1, "one variant parameter");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray rest = Fuzz::bytes(data, size);
    const QByteArray address = Fuzz::takeLine(rest);
    const QByteArray id = Fuzz::takeLine(rest);
    const QByteArray variant = Fuzz::takeLine(rest);
    check(QString::fromUtf8(address), QString::fromUtf8(id), QString::fromUtf8(variant));
    // The whole input as one address, in UTF-16 too (pasted text may hold anything).
    check(Fuzz::utf16(data, size), u"video_123"_s, QString());
    return 0;
}
