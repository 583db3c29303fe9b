using Feedback.Core.Auth;
using Feedback.Core.Responses;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.MongoDb.Tests;

/// <summary>Value comparison of domain records whose list and dictionary members would otherwise compare by reference.</summary>
internal static class Same
{
    public static void Template(SurveyTemplate expected, SurveyTemplate actual)
    {
        Assert.Equal(expected.CancelOn, actual.CancelOn);
        Assert.Equal(expected.Reasons?.MaxScore, actual.Reasons?.MaxScore);
        Assert.Equal(expected.Reasons?.Codes ?? [], actual.Reasons?.Codes ?? []);
        Assert.Equal(Labels(expected), Labels(actual));
        Assert.Equal(WithoutLabels(expected), WithoutLabels(actual));
        Assert.Equal(expected with { CancelOn = [], Content = NoContent, Reasons = null }, actual with { CancelOn = [], Content = NoContent, Reasons = null });
    }

    private static IEnumerable<string> Labels(SurveyTemplate t) =>
        t.Content.SelectMany(c => (c.Value.ReasonLabels ?? new Dictionary<string, string>()).Select(l => $"{c.Key}.{l.Key}={l.Value}"))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, LocaleContent>> WithoutLabels(SurveyTemplate t) =>
        t.Content.Select(c => KeyValuePair.Create(c.Key, c.Value with { ReasonLabels = null })).OrderBy(c => c.Key, StringComparer.Ordinal);

    public static void Survey(Survey expected, Survey actual)
    {
        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected with { Properties = NoProperties }, actual with { Properties = NoProperties });
    }

    public static void Response(SurveyResponse expected, SurveyResponse actual)
    {
        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Reasons, actual.Reasons);
        Assert.Equal(expected with { Properties = NoProperties, Reasons = NoReasons }, actual with { Properties = NoProperties, Reasons = NoReasons });
    }

    public static void Key(ApiKey expected, ApiKey actual)
    {
        Assert.Equal(expected.Scopes, actual.Scopes);
        Assert.Equal(expected with { Scopes = [] }, actual with { Scopes = [] });
    }

    public static void Outcome(EventOutcome expected, EventOutcome actual)
    {
        Assert.Equal(expected.EventId, actual.EventId);
        Assert.Equal(expected.Surveys, actual.Surveys);
        Assert.Equal(expected.Skipped, actual.Skipped);
        Assert.Equal(expected.Cancelled, actual.Cancelled);
    }

    private static readonly Dictionary<string, LocaleContent> NoContent = [];
    private static readonly Dictionary<string, string> NoProperties = [];
    private static readonly string[] NoReasons = [];
}
