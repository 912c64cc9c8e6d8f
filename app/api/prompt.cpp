#include "api/prompt.h"

#include <QLocale>

PromptCheck PromptCheck::check(const QString &prompt)
{
    PromptCheck result;
    result.length = characterCount(prompt);
    if (prompt.trimmed().isEmpty())
        result.problem = Problem::Empty;
    else if (result.length > MaxLength)
        result.problem = Problem::TooLong;
    return result;
}

int PromptCheck::characterCount(const QString &text)
{
    // Code points, as the API counts: a surrogate pair (most emoji) is one character.
    int count = 0;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < size && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString PromptCheck::message() const
{
    switch (problem) {
    case Problem::None:
        return QString();
    case Problem::Empty:
        return tr("Describe the change you want in the prompt.", "hint under an empty prompt field");
    case Problem::TooLong: {
        const QLocale locale;
        return tr("The prompt is too long: %1 characters, the limit is %2.", "prompt length hint")
            .arg(locale.toString(length), locale.toString(MaxLength));
    }
    }
    return QString();
}
