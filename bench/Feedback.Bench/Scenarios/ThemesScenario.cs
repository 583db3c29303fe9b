using System.Diagnostics;
using System.Net.Http.Json;
using Feedback.Api.Features.Themes;
using Feedback.Bench.Harness;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Feedback.Core.Themes;
using Feedback.Storage.Sqlite;

namespace Feedback.Bench.Scenarios;

/// <summary>
/// Commented NPS answers over the dashboard's default 30 days in en, sk, pl and he, imported with the SQLite adapter's bulk
/// path and counted by the term store's rebuild; then <c>GET /v1/themes</c> over the 30 days (low and high segment), and
/// the same query with a property filter, which analyses the matching comments instead of reading counts.
/// </summary>
/// <remarks>
/// Words are drawn from a Zipf distribution over 20 000 made-up words per language (2 000 in quick mode), so most two-word phrases occur once:
/// more count rows per comment than real comments make, not fewer. One low comment in three also carries one form of the
/// language's "refund", which must come out as that language's top theme.
/// </remarks>
public static class ThemesScenario
{
    private const int Days = 30;
    private static readonly DateOnly First = new(2026, 10, 1);

    private static readonly (string Locale, string Letters, string[] Planted)[] Languages =
    [
        ("en", "abcdefghiklmnoprstuvwy", ["refund", "refunds", "refunded"]),
        ("sk-SK", "abcdeghiklmnoprstuvyzáéíóúčšžľ", ["vrátenie", "vrátenia", "vrátením"]),
        ("pl-PL", "abcdeghiklmnoprstuwyząęółśżć", ["zwrot", "zwrotu", "zwrotem"]),
        ("he-IL", "אבגדהוזחטיכלמנסעפצקרשת", ["החזר", "ההחזר", "וההחזר"]),
    ];

    public static async Task<Dictionary<string, object>> RunAsync(BenchOptions o)
    {
        await using var host = await new ServiceHost().StartAsync();
        var template = await Seed.TemplateAsync(host);
        var clock = Stopwatch.StartNew();
        var imported = await new SqliteBulkImport(host.Services.GetRequiredService<SqliteDatabase>())
            .AddResponsesAsync(Comments(template.Id, o.ThemeComments, o.ThemeVocabulary));
        var importSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var rebuild = await host.Services.GetRequiredService<ICommentTermStore>().RebuildAsync();
        var rebuildSeconds = clock.Elapsed.TotalSeconds;

        using var client = host.Client(await host.KeyAsync("read"), 1);
        var period = $"templateId={template.Id}&from={First:yyyy-MM-dd}&to={First.AddDays(Days):yyyy-MM-dd}";
        ThemesResponse? low = null, high = null, filtered = null;
        var lowQuery = await Samples(o.ThemeQueries, async () => low = await client.GetFromJsonAsync<ThemesResponse>($"/v1/themes?{period}"));
        var highQuery = await Samples(o.ThemeQueries, async () => high = await client.GetFromJsonAsync<ThemesResponse>($"/v1/themes?{period}&segment=high"));
        var filteredQuery = await Samples(o.FullScans, async () =>
            filtered = await client.GetFromJsonAsync<ThemesResponse>($"/v1/themes?{period}&property.category=category0"));

        var planted = Languages.All(l => low!.Themes.FirstOrDefault(t => t.Locale == CommentAnalyzer.LanguageOf(l.Locale))?.Term
            == CommentAnalyzer.Analyze(l.Planted[0], l.Locale).Terms.Single());
        var figures = new Dictionary<string, object>
        {
            ["comments"] = imported,
            ["days"] = Days,
            ["importSeconds"] = Math.Round(importSeconds, 1),
            ["rebuildSeconds"] = Math.Round(rebuildSeconds, 1),
            ["countRows"] = rebuild.Rows,
            ["commentsCounted"] = low!.Comments,
            ["segmentComments"] = low.SegmentComments,
            ["lowThemes"] = low.Themes.Count,
            ["highThemes"] = high!.Themes.Count,
            ["plantedThemeFirstInEveryLanguage"] = planted,
            ["filteredComments"] = filtered!.Comments,
            ["queries"] = lowQuery.Count,
            ["target"] = "100 000 comments in the range: p95 <= 300 ms",
        };
        IngestScenario.Add(figures, lowQuery.Figures("low"));
        IngestScenario.Add(figures, highQuery.Figures("high"));
        IngestScenario.Add(figures, filteredQuery.Figures("filtered"));
        return figures;
    }

    private static async Task<Latencies> Samples(int count, Func<Task> run)
    {
        await run();
        var ticks = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            ticks.Add(Stopwatch.GetTimestamp() - started);
        }
        return new Latencies(ticks);
    }

    /// <summary>Deterministic comments: languages in turn, scores 0–10, 6–14 words each, spread evenly over the days.</summary>
    private static IEnumerable<SurveyResponse> Comments(string templateId, long count, int vocabulary)
    {
        var random = new Random(19);
        var words = Languages.Select(l => MadeUpWords(l.Letters, vocabulary, random)).ToArray();
        var zipf = ZipfTable(vocabulary);
        var start = First.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        for (var n = 0L; n < count; n++)
        {
            var language = (int)(n % Languages.Length);
            var score = (int)(n * 7919 % 11);
            var text = new List<string>();
            for (var w = 0; w < 6 + n % 9; w++)
            {
                text.Add(words[language][Draw(zipf, random)] + (w % 5 == 4 ? "," : ""));
            }
            if (score <= 6 && n % 3 == 0)
            {
                text.Insert(1, Languages[language].Planted[(int)(n / 3 % 3)]);
            }
            var at = new DateTimeOffset(start.AddDays(n % Days).AddSeconds(n / Days % 86_400));
            yield return new SurveyResponse
            {
                Id = $"bench-{n:D8}",
                TemplateId = templateId,
                Kind = SurveyKind.Nps,
                Score = score,
                Comment = string.Join(' ', text),
                Locale = Languages[language].Locale,
                CustomerId = $"c-{n % 50_000}",
                SubjectId = $"ticket-{n}",
                Channel = "web",
                Properties = new Dictionary<string, string> { ["category"] = $"category{n / Days % 5}" },
                AnsweredAt = at,
                UpdatedAt = at,
            };
        }
    }

    private static string[] MadeUpWords(string letters, int vocabulary, Random random) =>
        [.. Enumerable.Range(0, vocabulary).Select(_ => new string([.. Enumerable.Range(0, random.Next(4, 10)).Select(_ => letters[random.Next(letters.Length)])]))];

    private static double[] ZipfTable(int size)
    {
        var cumulative = new double[size];
        var sum = 0.0;
        for (var rank = 0; rank < size; rank++)
        {
            cumulative[rank] = sum += 1.0 / (rank + 1);
        }
        return cumulative;
    }

    private static int Draw(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
