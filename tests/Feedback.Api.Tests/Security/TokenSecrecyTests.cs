using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Feedback.Api.Tests.Answers;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feedback.Api.Tests.Security;

/// <summary>Survey tokens are the only credential of the customer pages: unguessable, and never written to logs, scopes, spans or metrics.</summary>
public sealed class TokenSecrecyTests : AnswerPagesFixture
{
    public TokenSecrecyTests()
    {
        // Everything ASP.NET Core can say, as an operator debugging a problem would switch on.
        Factory.Settings["Logging:LogLevel:Default"] = "Trace";
        Factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        // Scopes on in every console formatter, as Production's JSON logs have them.
        Factory.Settings["Logging:Console:FormatterOptions:IncludeScopes"] = "true";
        Factory.TestServices = services => services.AddSingleton<ILoggerProvider, FormattedLogs>();
    }

    [Fact]
    public void TokensCarryAtLeast128RandomBits()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => SurveyTokens.New()).ToList();

        Assert.All(tokens, t => Assert.True(Base64Url.DecodeFromChars(t).Length * 8 >= 128, t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task AnsweringAndUnsubscribingLogTraceAndMeasureNoTokenEvenAtTraceLevel()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await CreateTemplateAsync();
        var survey = await SendSurveyAsync("e-1");

        var statuses = new[]
        {
            await Browser.GetAsync($"/s/{survey.Token}"),
            await Browser.GetAsync($"/s/{survey.Token}?score=4"),
            await PostFormAsync($"/s/{survey.Token}", ("score", "5"), ("comment", "fine")),
            await Browser.GetAsync($"/u/{survey.Token}"),
            await PostFormAsync($"/u/{survey.Token}", ("List-Unsubscribe", "One-Click")),
        }.Select(r => r.StatusCode);
        var metrics = await Browser.GetStringAsync("/metrics");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(Factory.Logs.Entries, e => e.Message.Contains(survey.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Message.Contains(survey.Token, StringComparison.Ordinal));
        // The unsubscribe line as each console formatter prints it, with its request's scope, shaped like the route.
        var consoles = Factory.Services.GetServices<ILoggerProvider>().OfType<FormattedLogs>().Single();
        Assert.Equal(["json", "simple", "systemd"], consoles.FormatterNames.Order());
        Assert.Equal(3, consoles.Output.Count(o => o.Contains(survey.Id, StringComparison.Ordinal) && o.Contains("/u/{token}", StringComparison.Ordinal)));
        Assert.DoesNotContain(consoles.Output, o => o.Contains(survey.Token, StringComparison.Ordinal));
        var pageSpans = spans.Where(s => s.DisplayName.Contains("{token}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pageSpans);
        Assert.DoesNotContain(spans, s => SpanText(s).Contains(survey.Token, StringComparison.Ordinal));
        Assert.Contains("/s/{token}", metrics);
        Assert.DoesNotContain(survey.Token, metrics);
    }

    // Everything of a span an exporter sends: name, tags, status, events and baggage.
    private static string SpanText(Activity span) => string.Join(" ",
        [span.DisplayName, span.OperationName, span.StatusDescription ?? "",
            .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
            .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")),
            .. span.Baggage.Select(b => $"{b.Key}={b.Value}")]);
}
