using System.Net;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Themes;

public sealed class ThemesApiTests(SharedFeedbackApi api) : IClassFixture<SharedFeedbackApi>
{
    // 18 low comments about refunds (in three forms), 20 high ones about agents, one high one mentioning a refund.
    private static Comment[] RefundsAgainstFriendlyAgents() =>
    [
        .. Enumerable.Repeat<Comment[]>([
            new(1, "Refund never arrived"), new(2, "Still waiting for my refunds."), new(0, "They refunded half, no refund for shipping"),
            new(3, "Where is the refund?"), new(6, "Refund took a month"), new(5, "Asked for a refund twice")], 3).SelectMany(c => c),
        .. new Comment(10, "Friendly agent, quick answer").Times(20), new(9, "Agent sorted the refund quickly"),
    ];

    [Fact]
    public async Task TheLowSegmentsThemesComeWithCountsExamplesAndTheQuerysTotals()
    {
        var (templateId, ids) = await api.Factory.SeedCommentsAsync("nps", RefundsAgainstFriendlyAgents());

        var themes = await api.Factory.GetJsonAsync($"/v1/themes?templateId={templateId}&from=2026-11-01&to=2026-11-24");

        Assert.Equal(("nps", "2026-11-01", "2026-11-24", "low", "counts"),
            ((string?)themes["kind"], (string?)themes["from"], (string?)themes["to"], (string?)themes["segment"], (string?)themes["source"]));
        Assert.Equal((39, 18), ((int)themes["comments"]!, (int)themes["segmentComments"]!));
        var top = themes["themes"]![0]!;
        Assert.Equal(("refund", "en", 18, 1), ((string?)top["term"], (string?)top["locale"], (int)top["segmentCount"]!, (int)top["otherCount"]!));
        Assert.True((double)top["z"]! >= 1.645);
        var examples = top["examples"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Equal(3, examples.Count);
        Assert.Equal(ids.Take(18).TakeLast(3).Reverse(), examples);
        Assert.DoesNotContain(themes["themes"]!.AsArray(), t => (string?)t!["term"] is "agent" or "friendly");
    }

    [Fact]
    public async Task TheHighSegmentIsComparedWithEveryOtherComment()
    {
        var (templateId, _) = await api.Factory.SeedCommentsAsync("nps", RefundsAgainstFriendlyAgents());

        var themes = await api.Factory.GetJsonAsync($"/v1/themes?templateId={templateId}&segment=high&top=3");

        Assert.Equal(3, themes["themes"]!.AsArray().Count);
        Assert.Contains(themes["themes"]![0]!["term"]!.GetValue<string>(), new[] { "agent", "friendly", "quick", "friendly agent", "quick answer" });
        Assert.Equal(21, (int)themes["segmentComments"]!);
    }

    [Fact]
    public async Task PropertyFiltersAreAnsweredFromTheCommentsThemselves()
    {
        var (templateId, _) = await api.Factory.SeedCommentsAsync("csat",
        [
            .. new Comment(1, "Courier lost the parcel", Category: "delivery").Times(12),
            .. new Comment(1, "Invoice was wrong", Category: "billing").Times(12),
            .. new Comment(5, "Great shop", Category: "delivery").Times(20),
        ]);

        var themes = await api.Factory.GetJsonAsync($"/v1/themes?templateId={templateId}&property.category=delivery");

        Assert.Equal(("responses", 32, 12), ((string?)themes["source"], (int)themes["comments"]!, (int)themes["segmentComments"]!));
        var terms = ThemeSeeds.Terms(themes);
        Assert.Contains("courier:12:0", terms);
        Assert.DoesNotContain(terms, t => t.StartsWith("invoice", StringComparison.Ordinal));
        Assert.Equal(3, themes["themes"]![0]!["examples"]!.AsArray().Count);
    }

    [Fact]
    public async Task EachLanguageIsCountedApartAndInflectionsMerge()
    {
        var (templateId, _) = await api.Factory.SeedCommentsAsync("csat",
        [
            .. Enumerable.Repeat<Comment[]>([new(1, "Brak zwrotu pieniędzy", "pl-PL"), new(1, "Czekam na zwrot", "pl"),
                new(2, "Zwrotem nikt się nie zajął", "pl")], 2).SelectMany(c => c),
            .. new Comment(5, "Szybka dostawa", "pl").Times(30),
            .. new Comment(1, "Refund never came").Times(6), .. new Comment(5, "Lovely shop").Times(30),
        ]);

        var terms = ThemeSeeds.Terms(await api.Factory.GetJsonAsync($"/v1/themes?templateId={templateId}"));

        Assert.Contains("zwrot:6:0", terms);
        Assert.Contains("refund:6:0", terms);
    }

    [Fact]
    public async Task ErasingACustomerRemovesATermOnlyTheyUsed()
    {
        var (templateId, _) = await api.Factory.SeedCommentsAsync("csat",
        [
            .. new Comment(1, "My voucher code was refused", Customer: "c-voucher").Times(6),
            .. new Comment(1, "Parcel came late", Customer: "c-parcel").Times(6),
            .. new Comment(5, "Lovely shop", Customer: "c-happy").Times(60),
        ]);
        var path = $"/v1/themes?templateId={templateId}";
        Assert.Contains(ThemeSeeds.Terms(await api.Factory.GetJsonAsync(path)), t => t.StartsWith("voucher:", StringComparison.Ordinal));
        using var admin = await api.Factory.CreateClientAsync(ApiScope.Admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync("/v1/customers/c-voucher")).StatusCode);

        var after = await api.Factory.GetJsonAsync(path);
        Assert.DoesNotContain(ThemeSeeds.Terms(after), t => t.Contains("voucher", StringComparison.Ordinal));
        Assert.Contains("parcel:6:0", ThemeSeeds.Terms(after));
        Assert.Equal(66, (int)after["comments"]!);
    }

    [Fact]
    public async Task ThemeCommentsAreTheCommentsContainingTheTermWithItsPlaces()
    {
        var (templateId, ids) = await api.Factory.SeedCommentsAsync("nps", RefundsAgainstFriendlyAgents());

        var page = await api.Factory.GetJsonAsync($"/v1/themes/comments?templateId={templateId}&term=refund&locale=en&segment=low&limit=4");

        var items = page["items"]!.AsArray();
        Assert.Equal(ids.Take(4), items.Select(i => (string)i!["id"]!));
        Assert.Equal(["Refund", "refunds", "refunded", "refund"], items.SelectMany(Highlighted).Take(4));
        var next = await api.Factory.GetJsonAsync($"/v1/themes/comments?templateId={templateId}&term=refund&locale=en&segment=low&cursor={page["nextCursor"]}");
        Assert.Equal(ids.Skip(4).Take(14), next["items"]!.AsArray().Select(i => (string)i!["id"]!));
        Assert.Null(next["nextCursor"]);
    }

    [Fact]
    public async Task WithoutASegmentThemeCommentsComeFromEveryScore()
    {
        var (templateId, ids) = await api.Factory.SeedCommentsAsync("nps", RefundsAgainstFriendlyAgents());

        var page = await api.Factory.GetJsonAsync($"/v1/themes/comments?templateId={templateId}&term=refund&locale=en");

        Assert.Equal([.. ids.Take(18), ids[^1]], page["items"]!.AsArray().Select(i => (string)i!["id"]!));
    }

    [Fact]
    public async Task ARebuildRecountsTheSameThemes()
    {
        var (templateId, _) = await api.Factory.SeedCommentsAsync("nps", RefundsAgainstFriendlyAgents());
        var path = $"/v1/themes?templateId={templateId}";
        var before = (await api.Factory.GetJsonAsync(path)).ToJsonString();
        using var admin = await api.Factory.CreateClientAsync(ApiScope.Admin);

        var rebuild = await admin.PostAsync("/v1/themes/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);
        Assert.Equal(before, (await api.Factory.GetJsonAsync(path)).ToJsonString());
    }

    private static IEnumerable<string> Highlighted(JsonNode? item)
    {
        var comment = (string)item!["comment"]!;
        return item["highlights"]!.AsArray().Select(h => comment.Substring((int)h!["start"]!, (int)h["length"]!));
    }
}
