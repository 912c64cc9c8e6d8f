#include "api/apiurl.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

// Quotes and angle brackets come along when the address is copied from documentation or chat.
const QString &wrappers()
{
    static const QString characters = u"\"'`<>“”‘’"_s;
    return characters;
}

QString withoutClosingQuotes(QString text)
{
    while (!text.isEmpty() && wrappers().contains(text.back()))
        text.chop(1);
    return text;
}

// Segments that start an endpoint path rather than belong to the base: whatever users paste from
// a relay's documentation ("…/v1/videos/abc/remix", "…/v1/chat/completions") is cut there.
bool isEndpointSegment(const QString &segment)
{
    static const QStringList endpoints = {
        u"videos"_s, u"chat"_s, u"completions"_s, u"models"_s, u"images"_s, u"audio"_s, u"embeddings"_s, u"responses"_s,
    };
    return endpoints.contains(segment, Qt::CaseInsensitive);
}

// "v1", "v2", "v1beta", "v3alpha1": the API version segment a base ends with.
bool isVersionSegment(const QString &segment)
{
    static const QRegularExpression version(u"^v\\d+([a-z]+\\d*)?$"_s, QRegularExpression::CaseInsensitiveOption);
    return version.match(segment).hasMatch();
}

bool isLoopbackHost(const QString &host)
{
    const QString lower = host.toLower();
    if (lower == "localhost"_L1 || lower.endsWith(".localhost"_L1))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// One id as one path segment, percent-encoded as encodeURIComponent does in OpenAI's own Node SDK:
// "/" -> %2F, "+" -> %2B, "=" -> %3D, ":" -> %3A.
QString encodeSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

// "." and ".." would be read as path steps (QUrl decodes "%2E" back to "."): no request for them.
bool isUsableId(const QString &videoId)
{
    return !videoId.isEmpty() && videoId != "."_L1 && videoId != ".."_L1;
}

} // namespace

namespace ApiUrl {

QUrl normalizeBase(const QString &userInput)
{
    QString text = userInput.trimmed();
    while (!text.isEmpty() && wrappers().contains(text.front()))
        text.remove(0, 1);
    text = withoutClosingQuotes(text);
    text = text.trimmed();
    if (text.isEmpty())
        return QUrl();
    for (const QChar c : std::as_const(text)) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return QUrl();
    }

    static const QRegularExpression schemePrefix(u"^([A-Za-z][A-Za-z0-9+.-]*)://"_s);
    const QRegularExpressionMatch scheme = schemePrefix.match(text);
    if (scheme.hasMatch()) {
        const QString name = scheme.captured(1).toLower();
        if (name != "http"_L1 && name != "https"_L1)
            return QUrl();
    } else {
        // A bare host or host:port. Local test servers speak plain http; everything else gets https.
        static const QRegularExpression localHost(u"^(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d+)?(/.*)?$"_s,
                                                  QRegularExpression::CaseInsensitiveOption);
        text.prepend(localHost.match(text).hasMatch() ? u"http://"_s : u"https://"_s);
    }

    QUrl url(text, QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty())
        return QUrl();
    url.setScheme(url.scheme().toLower());
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());

    QStringList segments;
    const QStringList rawSegments = url.path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts);
    for (const QString &segment : rawSegments) {
        if (isEndpointSegment(withoutClosingQuotes(segment)))
            break;
        segments.append(segment);
    }
    // Closing quotes that stood before a query or an endpoint tail ("https://host/v1'?x",
    // "https://host/v1/openai'/chat/completions") end the path now: they never belong to the base.
    while (!segments.isEmpty()) {
        segments.last() = withoutClosingQuotes(segments.last());
        if (!segments.last().isEmpty())
            break;
        segments.removeLast();
    }
    const bool hasVersion = std::any_of(segments.cbegin(), segments.cend(), isVersionSegment);
    if (!hasVersion)
        segments.append(u"v1"_s);
    url.setPath(u'/' + segments.join(u'/'), QUrl::StrictMode);
    if (!url.isValid())
        return QUrl();
    return url;
}

QUrl endpoint(const QUrl &base, const QStringList &pathSegments)
{
    if (!base.isValid() || base.isEmpty())
        return QUrl();
    QString path = base.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    for (const QString &segment : pathSegments)
        path += u'/' + segment;
    QUrl url = base;
    url.setQuery(QString());
    url.setFragment(QString());
    // The segments are already percent-encoded; StrictMode keeps "%2F" as it is instead of
    // treating it as a path separator.
    url.setPath(path, QUrl::StrictMode);
    return url;
}

QUrl remixUrl(const QUrl &base, const QString &videoId)
{
    if (!isUsableId(videoId))
        return QUrl();
    return endpoint(base, {u"videos"_s, encodeSegment(videoId), u"remix"_s});
}

QUrl remixByBodyUrl(const QUrl &base)
{
    return endpoint(base, {u"videos"_s, u"remix"_s});
}

QUrl videoUrl(const QUrl &base, const QString &videoId)
{
    if (!isUsableId(videoId))
        return QUrl();
    return endpoint(base, {u"videos"_s, encodeSegment(videoId)});
}

QUrl contentUrl(const QUrl &base, const QString &videoId, const QString &variant)
{
    if (!isUsableId(videoId))
        return QUrl();
    QUrl url = endpoint(base, {u"videos"_s, encodeSegment(videoId), u"content"_s});
    if (!variant.isEmpty() && url.isValid()) {
        QUrlQuery query;
        query.addQueryItem(u"variant"_s, QString::fromLatin1(QUrl::toPercentEncoding(variant)));
        url.setQuery(query);
    }
    return url;
}

bool isInsecureRemote(const QUrl &url)
{
    if (url.scheme().compare("http"_L1, Qt::CaseInsensitive) != 0)
        return false;
    return !isLoopbackHost(url.host());
}

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0 ? 443 : 80);
}

QString origin(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QString();
    return url.scheme().toLower() + "://"_L1 + url.host().toLower() + u':' + QString::number(effectivePort(url));
}

} // namespace ApiUrl
