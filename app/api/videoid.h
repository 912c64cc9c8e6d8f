#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Cleans what people really paste into the Video ID field and says why it cannot be used, if so.
// Ids are opaque: video_..., task_..., sora-2:task_..., <id>:<provider>, base64 with "/", "+", "=".
struct VideoIdInput
{
    Q_DECLARE_TR_FUNCTIONS(VideoIdInput)

public:
    enum class Problem
    {
        None,
        Empty,             // nothing but spaces, quotes or newlines
        SoraAppLink,       // a sora.com / sora.chatgpt.com share link: not an API id
        SoraAppId,         // s_... or gen_...: ids of the Sora app, not of the API
        InvalidCharacters, // spaces or control characters inside what is left
        TooLong,           // over 512 characters: not an id
        NotAnId,           // a web address with no video id in it (added: tell the user to paste the id itself)
        SeveralIds,        // more than one id in a sentence or several lines: which one is meant? (candidates)
    };

    static constexpr int MaxLength = 512;

    QString id; // the cleaned id (may be set even when problem != None, for display)
    Problem problem = Problem::None;
    // SeveralIds: the distinct ids found, in the order they appear.
    QStringList candidates;

    bool isValid() const { return problem == Problem::None; }

    static VideoIdInput parse(const QString &pasted);

    // Translated one-line explanation for the inline hint under the field; empty when valid.
    QString message() const;
};
