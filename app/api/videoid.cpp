#include "api/videoid.h"

#include "api/jsonfields.h"

#include <algorithm>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {

// Straight and typographic quotes, backticks and CJK corner brackets that come along with a copy.
const QString &quoteCharacters()
{
    static const QString quotes = u"\"'`“”‘’「」『』"_s;
    return quotes;
}

// Brackets around an id in chats and documents (full-width and ASCII): opening ones are dropped at the
// front, closing ones at the end.
const QString &openingBrackets()
{
    static const QString brackets = u"《（【〈〔([<"_s;
    return brackets;
}

const QString &closingBrackets()
{
    static const QString brackets = u"》）】〉〕)]>"_s;
    return brackets;
}

// Sentence punctuation after (or, for colons and commas, before) an id: full-width and ASCII. An id
// never ends with one of them.
const QString &trailingPunctuation()
{
    static const QString punctuation = u",;，；。．：:！!？?、.…"_s;
    return punctuation;
}

const QString &leadingPunctuation()
{
    static const QString punctuation = u"：:，,、；;"_s;
    return punctuation;
}

bool isInvisible(QChar c)
{
    // Zero-width spaces, BOM and friends are invisible in the field: drop them at the ends.
    return c.isSpace() || c.category() == QChar::Other_Format || c.category() == QChar::Other_Control;
}

// Strips white space, quotes, a trailing comma or semicolon and a "ID:" label, until nothing changes.
QString stripWrapping(QString text)
{
    static const QRegularExpression label(u"^(video[ _]?)?id\\s*[:：=]\\s*"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    QString previous;
    while (previous != text) {
        previous = text;
        while (!text.isEmpty() && isInvisible(text.front()))
            text.remove(0, 1);
        while (!text.isEmpty() && isInvisible(text.back()))
            text.chop(1);
        while (!text.isEmpty() && trailingPunctuation().contains(text.back()))
            text.chop(1);
        while (!text.isEmpty() && leadingPunctuation().contains(text.front()))
            text.remove(0, 1);
        if (!text.isEmpty() && (quoteCharacters().contains(text.front()) || openingBrackets().contains(text.front())))
            text.remove(0, 1);
        if (!text.isEmpty() && (quoteCharacters().contains(text.back()) || closingBrackets().contains(text.back())))
            text.chop(1);
        const QRegularExpressionMatch match = label.match(text);
        if (match.hasMatch() && match.capturedLength() < text.size())
            text.remove(0, match.capturedLength());
    }
    return text;
}

QString idFromJsonObject(const QJsonObject &object)
{
    for (const QLatin1StringView key : {"id"_L1, "video_id"_L1, "task_id"_L1}) {
        const QString id = JsonFields::text(object.value(key));
        if (!id.isEmpty())
            return id;
    }
    // new-api and friends wrap the video: {"code": ..., "data": {...}}
    if (object.value("data"_L1).isObject())
        return idFromJsonObject(object.value("data"_L1).toObject());
    return QString();
}

// The id inside pasted JSON: a whole object when it parses, or a fragment such as "id": "video_…".
std::optional<QString> idFromJson(const QString &text)
{
    if (text.startsWith(u'{')) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            return idFromJsonObject(document.object());
    }
    static const QRegularExpression fragment(u"[\"']?\\b(?:video_id|task_id|id)[\"']?\\s*:\\s*[\"']([^\"']+)"_s);
    const QRegularExpressionMatch match = fragment.match(text);
    if (match.hasMatch())
        return match.captured(1).trimmed();
    return std::nullopt;
}

// Ids the API and relays hand out; used to accept the last segment of an unknown URL.
bool looksLikeApiId(const QString &segment)
{
    static const QRegularExpression apiId(u"^(video_|task_|vid_|[A-Za-z0-9.-]+:task_)[A-Za-z0-9_.:=+-]+$"_s);
    return apiId.match(segment).hasMatch();
}

bool isSoraAppHost(const QString &host)
{
    const QString lower = host.toLower();
    return lower == "sora.com"_L1 || lower.endsWith(".sora.com"_L1) || lower == "sora.chatgpt.com"_L1;
}

enum class UrlResult
{
    NotAUrl,
    SoraLink,
    Id,
    NoId,
};

// A pasted address: ".../videos/<id>[/remix|/content]", a Sora share link, or another page.
UrlResult idFromUrl(const QString &text, QString *id)
{
    static const QRegularExpression withScheme(u"^https?://"_s, QRegularExpression::CaseInsensitiveOption);
    // Without a scheme, only addresses that clearly are one: a Sora host, or host/.../videos/...
    static const QRegularExpression bareSora(
        u"^(www\\.)?(sora\\.com|[a-z0-9-]+\\.sora\\.com|sora\\.chatgpt\\.com)(/|$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bareApi(u"^([a-z0-9-]+\\.)+[a-z]{2,}(:\\d+)?/(.*/)?videos/"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    QString address = text;
    if (!withScheme.match(address).hasMatch()) {
        if (!bareSora.match(address).hasMatch() && !bareApi.match(address).hasMatch())
            return UrlResult::NotAUrl;
        address.prepend("https://"_L1);
    }
    const QUrl url(address, QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty())
        return UrlResult::NotAUrl;
    if (isSoraAppHost(url.host()))
        return UrlResult::SoraLink;

    const QStringList segments = url.path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts);
    const qsizetype videos = segments.lastIndexOf(u"videos"_s);
    if (videos >= 0 && videos + 1 < segments.size()) {
        *id = QUrl::fromPercentEncoding(segments.at(videos + 1).toUtf8());
        return UrlResult::Id;
    }
    if (!segments.isEmpty()) {
        const QString last = QUrl::fromPercentEncoding(segments.last().toUtf8());
        if (looksLikeApiId(last)) {
            *id = last;
            return UrlResult::Id;
        }
    }
    return UrlResult::NoId;
}

// Text around an id: white space, or anything that is not printable ASCII (ids are ASCII; a Chinese
// sentence or label is not part of one).
bool hasSurroundingText(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace() || c.unicode() > 0x7e; });
}

// The ids the API and relays hand out, wherever they stand in a sentence or between lines: video_…,
// task_…, vid_…, model:task_…. Not preceded by a letter or digit ("myvideo_1" is no id); a full stop
// after the id ends the sentence, not the id.
QStringList idCandidates(const QString &text)
{
    static const QRegularExpression candidate(
        u"(?<![A-Za-z0-9_])(?:[A-Za-z0-9.-]+:task_|video_|task_|vid_)[A-Za-z0-9_=+-]+(?:[.:][A-Za-z0-9_=+-]+)*"_s);
    QStringList found;
    QRegularExpressionMatchIterator matches = candidate.globalMatch(text);
    while (matches.hasNext()) {
        const QString id = matches.next().captured(0);
        if (!found.contains(id))
            found.append(id);
    }
    return found;
}

bool hasInvalidCharacter(const QString &id)
{
    for (const QChar c : id) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
        // Left-overs of JSON or markup are never part of an id.
        if (c == u'"' || c == u'{' || c == u'}' || c == u'<' || c == u'>' || c == u'\\')
            return true;
    }
    return false;
}

} // namespace

VideoIdInput VideoIdInput::parse(const QString &pasted)
{
    VideoIdInput result;
    QString text = pasted.trimmed();
    // JSON first, before quotes are stripped from the ends of a fragment such as "id": "video_…",
    if (text.contains(u'{') || text.contains(u'"') || text.contains(u'\'')) {
        if (const std::optional<QString> fromJson = idFromJson(text); fromJson && !fromJson->isEmpty())
            text = *fromJson;
    }
    text = stripWrapping(text);

    QString fromUrl;
    switch (idFromUrl(text, &fromUrl)) {
    case UrlResult::NotAUrl:
        break;
    case UrlResult::SoraLink:
        result.id = text;
        result.problem = Problem::SoraAppLink;
        return result;
    case UrlResult::Id:
        text = stripWrapping(fromUrl);
        break;
    case UrlResult::NoId:
        result.id = text;
        result.problem = Problem::NotAnId;
        return result;
    }

    // An id in a sentence or between lines of a chat ("这是我的视频：⏎video_…⏎谢谢"): picked out when it is the
    // only one; with several, the user says which.
    if (hasSurroundingText(text)) {
        const QStringList candidates = idCandidates(text);
        if (candidates.size() == 1) {
            text = candidates.constFirst();
        } else if (candidates.size() > 1) {
            result.id = text;
            result.problem = Problem::SeveralIds;
            result.candidates = candidates;
            return result;
        }
    }

    result.id = text;
    // "." and ".." are path steps, not ids: no request URL can carry them (ApiUrl refuses them).
    if (text.isEmpty() || text == "."_L1 || text == ".."_L1)
        result.problem = Problem::Empty;
    else if (text.size() > MaxLength)
        result.problem = Problem::TooLong;
    else if (hasInvalidCharacter(text))
        result.problem = Problem::InvalidCharacters;
    else if (text.startsWith("s_"_L1, Qt::CaseInsensitive) || text.startsWith("gen_"_L1, Qt::CaseInsensitive))
        result.problem = Problem::SoraAppId;
    return result;
}

QString VideoIdInput::message() const
{
    switch (problem) {
    case Problem::None:
        return QString();
    case Problem::Empty:
        return tr("Enter the ID of the video to remix.", "hint under the video ID field");
    case Problem::SoraAppLink:
        return tr("This is a share link from the Sora app, not an API video ID. Use the ID the API returned "
                  "(it usually starts with video_ or task_).",
                  "hint under the video ID field");
    case Problem::SoraAppId:
        return tr("This is an ID from the Sora app, not an API video ID. Use the ID the API returned "
                  "(it usually starts with video_ or task_).",
                  "hint under the video ID field");
    case Problem::InvalidCharacters:
        return tr("A video ID has no spaces, line breaks or quotes inside. Paste only the ID "
                  "(it usually starts with video_ or task_).",
                  "hint under the video ID field");
    case Problem::TooLong:
        return tr("This is too long to be a video ID. Paste only the ID (it usually starts with video_ or task_).",
                  "hint under the video ID field");
    case Problem::SeveralIds: {
        // The first few, so the user sees which were found.
        const int n = int(candidates.size());
        QStringList shown = candidates.mid(0, 3);
        if (n > 3)
            shown.append(u"…"_s);
        return tr("There are %n video IDs in what you pasted (%1). Paste only the one to remix.",
                  "hint under the video ID field; %1 lists the IDs found", n)
            .arg(shown.join(tr(", ", "separator between video IDs in a list")));
    }
    case Problem::NotAnId:
        return tr("This web address contains no video ID. Paste the ID the API returned "
                  "(it usually starts with video_ or task_).",
                  "hint under the video ID field");
    }
    return QString();
}
