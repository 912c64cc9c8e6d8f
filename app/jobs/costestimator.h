#pragma once

#include "jobs/remixjob.h"

#include <QObject>

#include <optional>

class JobList;
class ProfileStore;

// What a job costs, from the price its profile has (ServiceProfile::prices: per second of video, per
// model) and the job's model and length. Unknown, never guessed, when the profile has no price for the
// model or the length is not known yet (a remix learns both from the service's answer; a remix's
// estimate before sending takes them from the source video when the job list knows it).
class CostEstimator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostEstimator)

public:
    enum class Unknown
    {
        Nothing,         // the amount is known
        NoPrices,        // the profile has no price at all
        NoPriceForModel, // none for this model (and no "*")
        NoLength,        // the length is not known (a remix of a video the app does not know, a service's default)
    };

    struct Estimate
    {
        std::optional<double> amount; // nullopt: unknown
        QString currency;
        bool hasPrices = false; // the profile has any price at all (else the form says where to set one)
        Unknown unknown = Unknown::NoPrices;
        bool isKnown() const { return amount.has_value(); }
    };

    // "Estimated cost: $0.80", or why it is unknown, in the UI language: what the forms show.
    static QString sentence(const Estimate &estimate);

    CostEstimator(ProfileStore *profiles, JobList *jobs, QObject *parent = nullptr);
    ~CostEstimator() override;

    // Before sending, on the active profile.
    Estimate forNewVideo(const QString &model, const QString &seconds) const;
    Estimate forRemix(const QString &sourceVideoId) const;
    Estimate forExtension(const QString &sourceVideoId, const QString &seconds) const;
    // A job of the list, on its own profile. Jobs that made nothing (refused, failed, cancelled) cost
    // nothing (amount 0); a job sent but not confirmed counts, as it may have been made.
    Estimate forJob(const RemixJob &job) const;
    // Whether a job in this state is counted at all (a service may still charge for it).
    static bool isCharged(JobState state);

signals:
    // Prices or the active profile changed: estimates shown now may be stale.
    void pricesChanged();

private:
    Estimate estimate(const QString &profileId, const QString &model, const QString &seconds) const;
    const RemixJob *sourceJob(const QString &videoId) const;

    ProfileStore *m_profiles;
    JobList *m_jobs;
};
