using System.Diagnostics;
using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.Contract;

// Rollups at volume: a generated mix of answers, changed answers, repeated imports and erasures, checked against a
// brute-force histogram of the responses themselves.
public abstract partial class RollupStoreContract<TAdapter>
{
    private static readonly (string Id, SurveyKind Kind)[] VolumeTemplates =
        [("tpl_vol_nps", SurveyKind.Nps), ("tpl_vol_csat", SurveyKind.Csat), ("tpl_vol_ces", SurveyKind.Ces), ("tpl_vol_nps2", SurveyKind.Nps)];

    private static readonly string[] VolumeDimensions = ["category", "agent", "region", "note", "channel"];

    /// <summary>
    /// How many answers the volume test writes: <c>FEEDBACK_TEST_ROLLUP_VOLUME</c> (e.g. 100000 for the full check,
    /// docs/decisions.md "Score rollups"), else the adapter's <see cref="StorageUnderTest.DefaultRollupVolume"/>, which fits the suite's time budget.
    /// </summary>
    private int RollupVolume => int.TryParse(Environment.GetEnvironmentVariable("FEEDBACK_TEST_ROLLUP_VOLUME"), out var n) ? n : Adapter.DefaultRollupVolume;

    [Fact]
    public async Task RollupsOfAGeneratedMixEqualABruteForceCountOfTheResponsesBeforeAndAfterARebuild()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(20261123);
        var start = Time.GetUtcNow();
        var answered = new List<Survey>();
        var externalIds = new List<string>();
        for (var i = 0; i < RollupVolume; i++)
        {
            var roll = random.NextDouble();
            var at = start.AddMinutes(random.Next(60 * 24 * 45));
            if (roll < 0.15 || (roll < 0.2 && answered.Count == 0))
            {
                var (templateId, kind) = VolumeTemplates[random.Next(VolumeTemplates.Length)];
                var survey = SampleSurvey(templateId, customerId: $"cus-{random.Next(500)}") with
                {
                    Kind = kind, Status = SurveyStatus.Sent, SentAt = start, Properties = VolumeProperties(random),
                };
                await AddSurveysAsync(survey);
                answered.Add(survey);
                await Responses.AnswerSurveyAsync(VolumeAnswer(SampleAnswer(survey, 0, "first"), random, at, survey.Properties));
            }
            else if (roll < 0.2)
            {
                // A changed answer: another score, maybe another day and other properties.
                var survey = answered[random.Next(answered.Count)];
                await Responses.AnswerSurveyAsync(VolumeAnswer(SampleAnswer(survey, 0, "changed"), random, at, VolumeProperties(random)));
            }
            else if (roll < 0.22 && externalIds.Count > 0)
            {
                var repeat = externalIds[random.Next(externalIds.Count)];
                Assert.False((await Responses.AddExternalAsync(VolumeExternal(repeat, random, at))).Created);
            }
            else
            {
                externalIds.Add($"vol-{i}");
                Assert.True((await Responses.AddExternalAsync(VolumeExternal(externalIds[^1], random, at))).Created);
            }
            if (i % 1000 == 999)
            {
                await Responses.EraseCustomerAsync($"cus-{random.Next(500)}", Time.GetUtcNow());
            }
        }
        var written = clock.Elapsed;

        var expected = await BruteForceRollupsAsync();
        var counted = HistogramsOnly(await RollupSnapshotAsync(VolumeDimensions));
        Assert.Equal(expected, counted);
        await Rollups.RebuildAsync();
        Assert.Equal(expected, HistogramsOnly(await RollupSnapshotAsync(VolumeDimensions)));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{RollupVolume} answers written in {written.TotalSeconds:F1} s; {counted.Count} rows; checked and rebuilt in {(clock.Elapsed - written).TotalSeconds:F1} s");
    }

    /// <summary>
    /// The rows' answer counts alone: the surveys here are stored as already sent (no outbox, to keep the test fast), so the
    /// incremental rows count no sends and a rebuild counts them all; sends are checked by the tests of the outbox path.
    /// </summary>
    private static List<string> HistogramsOnly(List<string> rows) =>
        [.. rows.Where(r => !r.Contains("[0,0,0,0,0,0,0,0,0,0,0]", StringComparison.Ordinal)).Select(r => r[..r.LastIndexOf(" sent ", StringComparison.Ordinal)])];

    /// <summary>Every response streamed from the store, counted into rows by hand, in <see cref="Describe"/>'s form.</summary>
    private async Task<List<string>> BruteForceRollupsAsync()
    {
        var rows = new Dictionary<(string, DateOnly, string, string, SurveyKind), long[]>();
        await foreach (var response in Responses.StreamAsync(new ResponseQuery()))
        {
            var reasons = (response.Reasons.Count == 0 ? [ScoreGroups.NoneKey] : response.Reasons)
                .Select(reason => KeyValuePair.Create(ScoreRollup.ReasonDimension, reason));
            foreach (var (dimension, value) in RollupKeys.Dimensions(response.Channel, response.Properties).Concat(reasons))
            {
                var key = (response.TemplateId, DayOf(response.AnsweredAt), dimension, value, response.Kind);
                if (!rows.TryGetValue(key, out var histogram))
                {
                    rows[key] = histogram = new long[ScoreRollup.HistogramLength];
                }
                histogram[response.Score]++;
            }
        }
        return [.. rows.Select(r => Describe(new ScoreRollup
        {
            TemplateId = r.Key.Item1, Day = r.Key.Item2, Dimension = r.Key.Item3, Value = r.Key.Item4, Kind = r.Key.Item5, Histogram = r.Value,
        })[..^" sent 0 answered 0".Length]).Order(StringComparer.Ordinal)];
    }

    private static SurveyResponse VolumeAnswer(SurveyResponse answer, Random random, DateTimeOffset at, IReadOnlyDictionary<string, string> properties) =>
        answer with { Score = VolumeScore(answer.Kind, random), AnsweredAt = at, UpdatedAt = at, Properties = properties, Reasons = VolumeReasons(random) };

    /// <summary>None, one or several reasons: an answer counts in each, and a changed answer moves all of them.</summary>
    private static string[] VolumeReasons(Random random) => [.. new[] { "slow", "rude", "other" }.Where(_ => random.Next(3) == 0)];

    private SurveyResponse VolumeExternal(string id, Random random, DateTimeOffset at)
    {
        var (templateId, kind) = VolumeTemplates[random.Next(VolumeTemplates.Length)];
        return new SurveyResponse
        {
            Id = id, TemplateId = templateId, Kind = kind, Score = VolumeScore(kind, random), Comment = random.Next(3) == 0 ? "ok" : null,
            Locale = "en", CustomerId = $"cus-{random.Next(500)}", SubjectId = $"subject-{random.Next(10_000)}",
            Channel = ExternalChannels[random.Next(ExternalChannels.Length)], Properties = VolumeProperties(random), AnsweredAt = at, UpdatedAt = at,
            Reasons = VolumeReasons(random),
        };
    }

    private static readonly string[] ExternalChannels = ["web", "phone", "chat", "in_person", "sms", "other"];

    private static int VolumeScore(SurveyKind kind, Random random)
    {
        var (min, max) = kind.Range();
        return random.Next(min, max + 1);
    }

    /// <summary>A few categories and agents, some regions, now and then a value too long to count or a "channel" property.</summary>
    private static Dictionary<string, string> VolumeProperties(Random random)
    {
        var properties = new Dictionary<string, string> { ["category"] = $"category-{random.Next(6)}" };
        if (random.Next(10) < 7)
        {
            properties["agent"] = $"agent-{random.Next(25)}";
        }
        if (random.Next(2) == 0)
        {
            properties["region"] = random.Next(3) switch { 0 => "sk", 1 => "pl", _ => "il" };
        }
        if (random.Next(20) == 0)
        {
            properties["note"] = new string('n', 90 + random.Next(20));
        }
        if (random.Next(30) == 0)
        {
            properties["channel"] = "spoofed";
        }
        return properties;
    }
}
