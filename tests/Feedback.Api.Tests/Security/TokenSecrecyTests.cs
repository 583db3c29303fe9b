using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Feedback.Api.Tests.Answers;
using Feedback.Core.Surveys;

namespace Feedback.Api.Tests.Security;

/// <summary>Survey tokens are the only credential of the customer pages: unguessable, and never written to logs or traces.</summary>
public sealed class TokenSecrecyTests : AnswerPagesFixture
{
    public TokenSecrecyTests()
    {
        // Everything ASP.NET Core can say, as an operator debugging a problem would switch on.
        Factory.Settings["Logging:LogLevel:Default"] = "Trace";
        Factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
    }

    [Fact]
    public void TokensCarryAtLeast128RandomBits()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => SurveyTokens.New()).ToList();

        Assert.All(tokens, t => Assert.True(Base64Url.DecodeFromChars(t).Length * 8 >= 128, t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task AnsweringAndUnsubscribingLogAndTraceNoTokenEvenAtTraceLevel()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");
        await Dispatcher.DispatchDueAsync(TestContext.Current.CancellationToken);

        var statuses = new[]
        {
            await Browser.GetAsync($"/s/{survey.Token}"),
            await Browser.GetAsync($"/s/{survey.Token}?score=4"),
            await PostFormAsync($"/s/{survey.Token}", ("score", "5"), ("comment", "fine")),
            await Browser.GetAsync($"/u/{survey.Token}"),
            await PostFormAsync($"/u/{survey.Token}", ("List-Unsubscribe", "One-Click")),
        }.Select(r => r.StatusCode);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(Factory.Logs.Entries, e => e.Message.Contains(survey.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Message.Contains(survey.Token, StringComparison.Ordinal));
        var pageSpans = spans.Where(s => s.DisplayName.Contains("{token}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pageSpans);
        Assert.DoesNotContain(pageSpans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains(survey.Token, StringComparison.Ordinal) == true);
    }
}
