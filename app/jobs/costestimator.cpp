#include "jobs/costestimator.h"

#include "jobs/joblist.h"
#include "services/pricelist.h"
#include "services/profilestore.h"

CostEstimator::CostEstimator(ProfileStore *profiles, JobList *jobs, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_jobs(jobs)
{
    connect(profiles, &ProfileStore::profilesChanged, this, &CostEstimator::pricesChanged);
    connect(profiles, &ProfileStore::activeProfileChanged, this, &CostEstimator::pricesChanged);
}

CostEstimator::~CostEstimator() = default;

CostEstimator::Estimate
CostEstimator::estimate(const QString &profileId, const QString &model, const QString &seconds) const
{
    Estimate result;
    const std::optional<ServiceProfile> profile = m_profiles->profile(profileId);
    if (!profile)
        return result;
    result.currency = profile->prices.currency;
    result.hasPrices = !profile->prices.isEmpty();
    result.amount = profile->prices.estimate(model, seconds);
    if (result.amount)
        result.unknown = Unknown::Nothing;
    else if (!result.hasPrices)
        result.unknown = Unknown::NoPrices;
    else if (!profile->prices.perSecond(model))
        result.unknown = Unknown::NoPriceForModel;
    else
        result.unknown = Unknown::NoLength;
    return result;
}

const RemixJob *CostEstimator::sourceJob(const QString &videoId) const
{
    const QString localId = m_jobs->jobIdForResult(videoId.trimmed());
    return localId.isEmpty() ? nullptr : m_jobs->find(localId);
}

CostEstimator::Estimate CostEstimator::forNewVideo(const QString &model, const QString &seconds) const
{
    return estimate(m_profiles->activeId(), model, seconds);
}

CostEstimator::Estimate CostEstimator::forRemix(const QString &sourceVideoId) const
{
    // A remix is as long as its source, made with the source's model.
    const RemixJob *source = sourceJob(sourceVideoId);
    Estimate result =
        estimate(m_profiles->activeId(), source ? source->model : QString(), source ? source->seconds : QString());
    if (!source && result.hasPrices)
        result.unknown = Unknown::NoLength; // nothing is known about a video from elsewhere
    return result;
}

CostEstimator::Estimate CostEstimator::forExtension(const QString &sourceVideoId, const QString &seconds) const
{
    const RemixJob *source = sourceJob(sourceVideoId);
    return estimate(m_profiles->activeId(), source ? source->model : QString(), seconds);
}

QString CostEstimator::sentence(const Estimate &estimate)
{
    switch (estimate.unknown) {
    case Unknown::Nothing:
        return tr("Estimated cost: %1", "under a form: the cost of what is about to be sent; %1 is an amount")
            .arg(Cost::format(estimate.amount.value_or(0), estimate.currency));
    case Unknown::NoPrices:
        return tr("Cost: no price set for this service (Settings)",
                  "under a form: the active service profile has no price, so the cost is unknown");
    case Unknown::NoPriceForModel:
        return tr("Estimated cost: unknown (no price for this model)", "under a form");
    case Unknown::NoLength:
        return tr("Estimated cost: unknown (the video's length is not known)", "under a form");
    }
    return QString();
}

bool CostEstimator::isCharged(JobState state)
{
    switch (state) {
    case JobState::SubmitFailed:
    case JobState::Failed:
    case JobState::Cancelled:
        return false;
    default:
        return true;
    }
}

CostEstimator::Estimate CostEstimator::forJob(const RemixJob &job) const
{
    Estimate result = estimate(job.profileId, job.model, job.seconds);
    if (!isCharged(job.state) && result.hasPrices) {
        result.amount = 0.0;
        result.unknown = Unknown::Nothing;
    }
    return result;
}
