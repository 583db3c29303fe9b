using Feedback.Core.Common;
using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Feedback.Core.Webhooks;

namespace Feedback.Storage.Contract;

/// <summary>
/// The base of every contract class: sample responses and deliveries, and the steps several ports' contracts take to
/// set a store up (surveys added, claimed or sent, answers recorded) or to read a rollup row back.
/// </summary>
public abstract class StorageContract<TAdapter> : SampleData<TAdapter> where TAdapter : StorageUnderTest, new()
{
    private int _responseSamples;

    /// <summary>
    /// An answer collected by phone, with a Hebrew comment and properties (one with a '.' in its name, one empty). Each
    /// call is one millisecond later, so ids ascend and times carry milliseconds.
    /// </summary>
    protected SurveyResponse SampleResponse(string templateId = "tpl_csat", int score = 4, string? comment = "השירות היה מצוין, תודה!", string customerId = "cus_dana")
    {
        Time.Advance(TimeSpan.FromMilliseconds(1));
        _responseSamples++;
        return new SurveyResponse
        {
            Id = Ids.New("rsp", Time),
            TemplateId = templateId,
            Kind = SurveyKind.Csat,
            Score = score,
            Comment = comment,
            Locale = "he",
            CustomerId = customerId,
            SubjectId = $"call-{_responseSamples}",
            Channel = "phone",
            Properties = new Dictionary<string, string> { ["ticket.subject"] = "המדפסת לא מדפיסה", ["agent"] = "Ľubomír Ďurček", ["priority"] = "" },
            AnsweredAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
        };
    }

    /// <summary>The answer the customer pages record for <paramref name="survey"/>, one millisecond from now.</summary>
    protected SurveyResponse SampleAnswer(Survey survey, int score, string? comment)
    {
        Time.Advance(TimeSpan.FromMilliseconds(1));
        return new SurveyResponse
        {
            Id = SurveyResponse.IdForSurvey(survey.Id),
            SurveyId = survey.Id,
            TemplateId = survey.TemplateId,
            Kind = survey.Kind,
            Score = score,
            Comment = comment,
            Locale = survey.Locale,
            CustomerId = survey.Customer.Id,
            SubjectId = survey.SubjectId,
            Channel = Channels.Email,
            Properties = survey.Properties,
            AnsweredAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
        };
    }

    protected WebhookDelivery SampleDelivery(string subscriptionId, string customerId = "c-17", string payload = """{"id":"x"}""", DateTimeOffset? nextAttemptAt = null)
    {
        Time.Advance(TimeSpan.FromMilliseconds(1));
        return new WebhookDelivery
        {
            Id = Ids.New("whd", Time),
            SubscriptionId = subscriptionId,
            Type = WebhookEvents.ResponseCreated,
            Payload = payload,
            CustomerId = customerId,
            NextAttemptAt = nextAttemptAt ?? Time.GetUtcNow(),
            CreatedAt = Time.GetUtcNow(),
        };
    }

    protected static void AssertSameResponse(SurveyResponse expected, SurveyResponse? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Reasons, actual.Reasons);
        Assert.Equal(expected with { Properties = NoProperties, Reasons = NoReasons }, actual with { Properties = NoProperties, Reasons = NoReasons });
    }

    private static readonly string[] NoReasons = [];

    protected static void AssertSameResponses(IReadOnlyList<SurveyResponse> expected, IReadOnlyList<SurveyResponse> actual)
    {
        Assert.Equal(expected.Select(r => r.Id), actual.Select(r => r.Id));
        foreach (var (e, a) in expected.Zip(actual))
        {
            AssertSameResponse(e, a);
        }
    }

    protected async Task AddSurveysAsync(params Survey[] surveys)
    {
        foreach (var survey in surveys)
        {
            Assert.True(await Surveys.TryAddAsync(survey), $"{survey.Id} was not added");
        }
    }

    /// <summary>A survey sent a minute ago and stored, ready to be answered.</summary>
    protected async Task<Survey> AddSentSurveyAsync()
    {
        var now = Time.GetUtcNow();
        var survey = SampleSentSurvey(now.AddMinutes(-1), now.AddDays(2), now.AddDays(14));
        await AddSurveysAsync(survey);
        return survey;
    }

    protected async Task AddResponsesAsync(params SurveyResponse[] responses)
    {
        foreach (var response in responses)
        {
            Assert.True((await Responses.AddExternalAsync(response)).Created, $"{response.Id} was not added");
        }
    }

    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>What <see cref="Feedback.Core.Storage.ISurveyOutbox.ClaimDueAsync"/> makes of a due survey.</summary>
    protected static Survey Claimed(Survey survey, string owner, DateTimeOffset leaseUntil) =>
        survey with { Status = SurveyStatus.Sending, LeaseOwner = owner, LeaseUntil = leaseUntil };

    /// <summary>Stores a due survey that was tried twice before and lets <paramref name="owner"/> claim it; returns it as it was stored.</summary>
    protected async Task<Survey> AddClaimedAsync(DateTimeOffset now, string owner)
    {
        var survey = SampleSurvey(sendAt: now.AddMinutes(-1)) with { Attempts = 2 };
        await AddSurveysAsync(survey);
        Assert.Equal(survey.Id, Assert.Single(await Outbox.ClaimDueAsync(now, owner, Lease, limit: 10)).Id);
        return survey;
    }

    /// <summary>One row of the all dimension (or of <paramref name="dimension"/>=<paramref name="value"/>) on <paramref name="day"/>; null when none.</summary>
    protected async Task<ScoreRollup?> RollupAsync(DateOnly day, string dimension = ScoreRollup.All, string value = ScoreRollup.All,
        string templateId = "tpl_csat", SurveyKind kind = SurveyKind.Csat) =>
        (await Rollups.QueryAsync(new RollupQuery
        {
            Kind = kind, TemplateId = templateId, From = day, To = day.AddDays(1), Dimension = dimension, Value = value,
        })).SingleOrDefault();

    protected static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
