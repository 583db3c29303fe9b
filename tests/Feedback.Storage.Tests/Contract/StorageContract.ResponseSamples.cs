using Feedback.Core.Common;
using Feedback.Core.Responses;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.Tests.Contract;

// Sample responses and their comparison, shared by the response contract tests.
public abstract partial class StorageContract
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

    protected static void AssertSameResponse(SurveyResponse expected, SurveyResponse? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected with { Properties = NoProperties }, actual with { Properties = NoProperties });
    }

    protected static void AssertSameResponses(IReadOnlyList<SurveyResponse> expected, IReadOnlyList<SurveyResponse> actual)
    {
        Assert.Equal(expected.Select(r => r.Id), actual.Select(r => r.Id));
        foreach (var (e, a) in expected.Zip(actual))
        {
            AssertSameResponse(e, a);
        }
    }
}
