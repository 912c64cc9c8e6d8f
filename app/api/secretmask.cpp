#include "api/secretmask.h"

#include "api/apierror.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {
// Shorter strings are too common to mask without mangling ordinary text.
constexpr qsizetype MinimumSecretLength = 4;

QString maskTokenShapes(QString text)
{
    // "Bearer <token>" as echoed by relays, and OpenAI-style "sk-…" keys, whoever they belong to. A token
    // has a digit somewhere, so that prose such as "Bearer token required" stays readable.
    static const QRegularExpression bearer(u"(Bearer)(\\s+|%20|\\+)(?=[A-Za-z._~+/=%-]*[0-9])[A-Za-z0-9._~+/=%-]{8,}"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression skKey(u"\\bsk-(?!\\*\\*\\*)[A-Za-z0-9_-]{8,}"_s);
    if (text.contains(u"earer"_s, Qt::CaseInsensitive))
        text.replace(bearer, u"\\1\\2***"_s);
    if (text.contains(u"sk-"_s))
        text.replace(skKey, u"sk-***"_s);
    return text;
}

QString maskForms(QString text, const QString &secret)
{
    if (secret.size() < MinimumSecretLength)
        return text;
    for (const QString &form : SecretMask::formsOf(secret)) {
        if (!form.isEmpty())
            text.replace(form, SecretMask::Mask, Qt::CaseSensitive);
    }
    return text;
}

QMutex knownMutex;
QSet<QString> &knownSecrets()
{
    static QSet<QString> secrets;
    return secrets;
}
} // namespace

QStringList SecretMask::formsOf(const QString &secret)
{
    const QString trimmed = secret.trimmed();
    if (trimmed.size() < MinimumSecretLength)
        return {};
    QStringList forms{trimmed};
    const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(trimmed));
    forms << percent << percent.toLower();
    // As it appears inside a JSON string: quotes and backslashes escaped, '/' optionally escaped.
    QString json = trimmed;
    json.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    forms << json;
    forms << QString(json).replace(u'/', u"\\/"_s);
    forms.removeDuplicates();
    return forms;
}

QString SecretMask::mask(const QString &text, const QString &secret)
{
    if (text.isEmpty())
        return text;
    return maskTokenShapes(maskForms(text, secret));
}

QByteArray SecretMask::mask(const QByteArray &text, const QString &secret)
{
    if (text.isEmpty())
        return text;
    const QString decoded = QString::fromUtf8(text);
    const QString masked = mask(decoded, secret);
    // Untouched bytes stay byte for byte (a body need not be valid UTF-8).
    return masked == decoded ? text : masked.toUtf8();
}

namespace {
template<typename Function> void forEachText(ApiError &error, Function function)
{
    for (QString *field : {&error.code, &error.type, &error.param, &error.message, &error.messageZh, &error.requestId,
                           &error.bodySnippet, &error.transportDetail}) {
        *field = function(*field);
    }
}
} // namespace

void SecretMask::mask(ApiError &error, const QString &secret)
{
    forEachText(error, [&secret](const QString &text) { return mask(text, secret); });
}

void KnownSecrets::add(const QString &secret)
{
    if (secret.trimmed().size() < MinimumSecretLength)
        return;
    const QMutexLocker lock(&knownMutex);
    knownSecrets().insert(secret.trimmed());
}

void KnownSecrets::remove(const QString &secret)
{
    const QMutexLocker lock(&knownMutex);
    knownSecrets().remove(secret.trimmed());
}

QString KnownSecrets::scrub(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString result = text;
    {
        const QMutexLocker lock(&knownMutex);
        for (const QString &secret : std::as_const(knownSecrets()))
            result = maskForms(result, secret);
    }
    return maskTokenShapes(result);
}

void KnownSecrets::scrub(ApiError &error)
{
    forEachText(error, [](const QString &text) { return scrub(text); });
}
