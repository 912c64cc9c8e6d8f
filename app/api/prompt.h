#pragma once

#include <QCoreApplication>
#include <QString>

// The remix prompt as the API accepts it: 1 to 32,000 characters (counted as Unicode code points).
struct PromptCheck
{
    Q_DECLARE_TR_FUNCTIONS(PromptCheck)

public:
    static constexpr int MaxLength = 32000;

    enum class Problem
    {
        None,
        Empty, // nothing but white space
        TooLong,
    };

    int length = 0; // code points, what the counter shows
    Problem problem = Problem::None;

    bool isValid() const { return problem == Problem::None; }

    static PromptCheck check(const QString &prompt);
    static int characterCount(const QString &text);

    // Translated explanation; empty when valid.
    QString message() const;
};
