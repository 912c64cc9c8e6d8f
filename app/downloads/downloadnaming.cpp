#include "downloads/downloadnaming.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int CjkCharacters = 12;   // a Chinese prompt: its first dozen characters say enough
constexpr int LatinWords = 6;       // other prompts: up to six words...
constexpr int LatinCharacters = 40; // ...and at most this many characters
constexpr int ShortIdLength = 6;

bool isCjk(char32_t ucs4)
{
    switch (QChar::script(ucs4)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}

// True for what may stand in a file name on every desktop system.
bool isPortable(char32_t ucs4)
{
    if (ucs4 < 0x20 || ucs4 == 0x7f)
        return false;
    switch (ucs4) {
    case '<':
    case '>':
    case ':':
    case '"':
    case '/':
    case '\\':
    case '|':
    case '?':
    case '*':
        return false;
    default:
        break;
    }
    switch (QChar::category(ucs4)) {
    case QChar::Other_Control:
    case QChar::Other_Format:    // bidi overrides could disguise the extension; zero-width joiners
    case QChar::Other_Surrogate: // a lone half of a pair
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Symbol_Other: // emoji and pictographs: legal, but awkward in shells and old tools
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        break;
    }
    // What emoji leave behind once the pictographs are gone: variation selectors, skin tones, keycaps.
    return !((ucs4 >= 0xfe00 && ucs4 <= 0xfe0f) || (ucs4 >= 0xe0100 && ucs4 <= 0xe01ef)
             || (ucs4 >= 0x1f3fb && ucs4 <= 0x1f3ff) || ucs4 == 0x20e3);
}

// The prompt as a list of code points, illegal characters dropped, every run of white space one blank.
QList<char32_t> cleanCodePoints(const QString &text)
{
    QList<char32_t> out;
    bool pendingSpace = false;
    // NFC first, so that a decomposed "é" keeps its accent as one character.
    for (const char32_t ucs4 : text.normalized(QString::NormalizationForm_C).toUcs4()) {
        if (QChar::isSpace(ucs4) || ucs4 == '\t' || ucs4 == '\n' || ucs4 == '\r' || ucs4 == 0x3000) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (!isPortable(ucs4))
            continue;
        if (pendingSpace)
            out.append(U' ');
        pendingSpace = false;
        out.append(ucs4);
    }
    return out;
}

QString fromCodePoints(const QList<char32_t> &codePoints)
{
    return QString::fromUcs4(codePoints.constData(), codePoints.size());
}

QString promptWords(const QString &prompt)
{
    const QList<char32_t> clean = cleanCodePoints(prompt);
    if (clean.isEmpty())
        return QString();

    QList<char32_t> picked;
    if (isCjk(clean.first())) {
        // Chinese has no spaces between words: count characters (blanks between runs do not count).
        int characters = 0;
        for (const char32_t ucs4 : clean) {
            if (characters >= CjkCharacters)
                break;
            picked.append(ucs4);
            if (ucs4 != U' ')
                ++characters;
        }
    } else {
        // Whole words while they fit; a Chinese character is about as wide as three Latin letters,
        // so a mixed prompt without blanks ("AI视频…") is not cut at forty ideographs.
        int words = 0;
        int width = 0;
        qsizetype lastBreak = 0; // where the last complete word ended
        for (const char32_t ucs4 : clean) {
            if (ucs4 == U' ') {
                lastBreak = picked.size();
                if (++words >= LatinWords)
                    break;
            }
            const int charWidth = isCjk(ucs4) ? 3 : 1;
            if (width + charWidth > LatinCharacters) {
                // Cut after the last whole word if there is one, otherwise inside the first long word.
                if (lastBreak > 0)
                    picked.resize(lastBreak);
                break;
            }
            picked.append(ucs4);
            width += charWidth;
        }
    }

    QString words = fromCodePoints(picked);
    // Windows refuses names ending in a dot or a blank; the words are followed by the id, but they
    // must not end up as "word. id" either.
    while (!words.isEmpty() && (words.endsWith(u' ') || words.endsWith(u'.')))
        words.chop(1);
    while (!words.isEmpty() && (words.startsWith(u' ') || words.startsWith(u'.')))
        words.remove(0, 1);
    return words;
}

QString shortId(const QString &videoId)
{
    QString id;
    for (qsizetype i = videoId.size() - 1; i >= 0 && id.size() < ShortIdLength; --i) {
        const QChar c = videoId.at(i);
        if (c.isLetterOrNumber() && c.unicode() < 0x80)
            id.prepend(c);
    }
    return id;
}

QString cleanExtension(const QString &extension)
{
    QString out;
    for (const QChar c : extension) {
        if (c.unicode() < 0x80 && c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

} // namespace

namespace DownloadNaming {

QString
suggestedFileName(const QDateTime &when, const QString &prompt, const QString &videoId, const QString &extension)
{
    const QDate date = when.isValid() ? when.date() : QDate::currentDate();
    QStringList parts{date.toString(u"yyyy-MM-dd"_s)};
    const QString words = promptWords(prompt);
    if (!words.isEmpty())
        parts.append(words);
    const QString id = shortId(videoId);
    if (!id.isEmpty())
        parts.append(id);

    QString name = parts.join(u' ');
    const QString suffix = cleanExtension(extension);
    if (!suffix.isEmpty())
        name += u'.' + suffix;
    return name;
}

QString defaultDownloadFolder()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    return QDir::cleanPath(base + u"/Video Remix"_s);
}

namespace {
template<typename IsTaken> QString firstFreePath(const QString &dir, const QString &fileName, IsTaken isTaken)
{
    const QDir folder(dir);
    QString candidate = folder.filePath(fileName);
    if (!isTaken(candidate))
        return candidate;

    // "name.mp4" -> "name (2).mp4"; a name without a suffix (or a dot file) gets the number at the end.
    const qsizetype dot = fileName.lastIndexOf(u'.');
    const QString stem = dot > 0 ? fileName.left(dot) : fileName;
    const QString suffix = dot > 0 ? fileName.mid(dot) : QString();
    for (int n = 2;; ++n) {
        candidate = folder.filePath(u"%1 (%2)%3"_s.arg(stem, QString::number(n), suffix));
        if (!isTaken(candidate))
            return candidate;
    }
}
} // namespace

QString uniquePath(const QString &dir, const QString &fileName)
{
    return firstFreePath(dir, fileName, [](const QString &path) { return QFileInfo::exists(path); });
}

QString pathForNewDownload(const QString &dir, const QString &fileName, const QSet<QString> &reserved)
{
    return firstFreePath(dir, fileName, [&reserved](const QString &path) {
        return reserved.contains(path) || QFileInfo::exists(path) || QFileInfo::exists(path + u".part"_s);
    });
}

} // namespace DownloadNaming
