using System.Diagnostics;
using Feedback.Bench.Harness;
using Feedback.Core.Auth;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Bench.Scenarios;

/// <summary>
/// A stopwatch breakdown of one ingest: the mean cost of each store read the request makes (API key, event outcome,
/// suppression, templates by trigger and by cancelOn, quiet period), called one after another on an idle service.
/// </summary>
public static class IngestBreakdown
{
    public static async Task<Dictionary<string, object>> MeasureAsync(IServiceProvider services, SurveyTemplate template, string apiKey, int calls)
    {
        var keys = services.GetRequiredService<IApiKeyStore>();
        var events = services.GetRequiredService<IEventStore>();
        var suppressions = services.GetRequiredService<ISuppressionStore>();
        var templates = services.GetRequiredService<ITemplateStore>();
        var surveys = services.GetRequiredService<ISurveyStore>();
        var hash = ApiKeySecrets.Hash(apiKey);
        var since = DateTimeOffset.UtcNow.AddDays(-30);
        return new Dictionary<string, object>
        {
            ["breakdown.apiKeyLookupUs"] = await MeanAsync(calls, n => keys.FindBySecretHashAsync(hash)),
            ["breakdown.eventOutcomeUs"] = await MeanAsync(calls, n => events.GetOutcomeAsync($"evt-none-{n}")),
            ["breakdown.suppressionUs"] = await MeanAsync(calls, n => suppressions.GetAsync($"none{n}@example.com")),
            ["breakdown.templatesByTriggerUs"] = await MeanAsync(calls, n => templates.ListActiveByTriggerAsync(Seed.Trigger)),
            ["breakdown.templatesByCancelOnUs"] = await MeanAsync(calls, n => templates.ListActiveCancelledByAsync(Seed.Trigger)),
            ["breakdown.quietPeriodUs"] = await MeanAsync(calls, n => surveys.SurveyedSinceAsync($"c-none-{n}", template.Id, since)),
        };
    }

    private static async Task<double> MeanAsync<T>(int calls, Func<int, Task<T>> call)
    {
        await call(-1);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < calls; n++)
        {
            await call(n);
        }
        return Math.Round(clock.Elapsed.TotalMicroseconds / calls, 1);
    }
}
