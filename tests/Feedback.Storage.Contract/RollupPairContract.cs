using Feedback.Core.Responses;
using Feedback.Core.Scoring;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Storage.Contract;

// IScoreRollupStore with Feedback:Scores:PairProperties set: the pair rows move with every answer, change and send, and a
// rebuild writes the same rows.
public abstract class RollupPairContract<TAdapter> : StorageContract<TAdapter> where TAdapter : StorageUnderTest, new()
{
    private static readonly (DateOnly From, DateOnly To) AllDays = (new DateOnly(2020, 1, 1), new DateOnly(2040, 1, 1));

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings[RollupPairs.ConfigurationKey] = "category,agent";

    [Fact]
    public async Task PairRowsMoveExactlyAsAnswersAndSendsHappenAndARebuildWritesTheSame()
    {
        var properties = new Dictionary<string, string> { ["category"] = "billing", ["agent"] = "maria", ["region"] = "eu" };
        var survey = await SendThroughOutboxAsync(SampleSurvey() with { Properties = properties });
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 2, null));
        // A changed answer: its old pair rows give the count back.
        await Responses.AnswerSurveyAsync(SampleAnswer(survey, 5, null));
        await Responses.AddExternalAsync(SampleResponse(score: 1) with
        {
            Properties = new Dictionary<string, string> { ["category"] = "billing", ["agent"] = "omer" },
        });
        // One listed property only, or an unlisted second one: no pair rows.
        await Responses.AddExternalAsync(SampleResponse(score: 3) with { Properties = new Dictionary<string, string> { ["category"] = "billing" } });
        await Responses.AddExternalAsync(SampleResponse(score: 3) with
        {
            Properties = new Dictionary<string, string> { ["category"] = "refund", ["region"] = "eu" },
        });

        var day = $"{DayOf(Time.GetUtcNow()):yyyy-MM-dd}";
        string[] expected =
        [
            $"tpl_csat {day} agent=maria>category=billing Csat [0,0,0,0,0,1,0,0,0,0,0] sent 1 answered 1",
            $"tpl_csat {day} agent=omer>category=billing Csat [0,1,0,0,0,0,0,0,0,0,0] sent 0 answered 0",
            $"tpl_csat {day} category=billing>agent=maria Csat [0,0,0,0,0,1,0,0,0,0,0] sent 1 answered 1",
            $"tpl_csat {day} category=billing>agent=omer Csat [0,1,0,0,0,0,0,0,0,0,0] sent 0 answered 0",
        ];
        Assert.Equal(expected, await PairSnapshotAsync());

        await Rollups.RebuildAsync();

        Assert.Equal(expected, await PairSnapshotAsync());
    }

    /// <summary>Every non-empty pair row of the dimensions this data can have, as sorted text.</summary>
    private async Task<List<string>> PairSnapshotAsync()
    {
        string[] dimensions =
        [
            RollupPairs.Dimension("category", "billing", "agent"), RollupPairs.Dimension("category", "refund", "agent"),
            RollupPairs.Dimension("agent", "maria", "category"), RollupPairs.Dimension("agent", "omer", "category"),
            RollupPairs.Dimension("agent", "Ľubomír Ďurček", "category"),
        ];
        var rows = new List<string>();
        foreach (var dimension in dimensions)
        {
            var found = await Rollups.QueryAsync(new RollupQuery { Kind = SurveyKind.Csat, From = AllDays.From, To = AllDays.To, Dimension = dimension });
            rows.AddRange(found.Where(r => r.Sent != 0 || r.Histogram.Any(c => c != 0))
                .Select(r => $"{r.TemplateId} {r.Day:yyyy-MM-dd} {r.Dimension}={r.Value} {r.Kind} [{string.Join(',', r.Histogram)}] sent {r.Sent} answered {r.Answered}"));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private async Task<Survey> SendThroughOutboxAsync(Survey survey)
    {
        var now = Time.GetUtcNow();
        await AddSurveysAsync(survey with { SendAt = now });
        var claimed = Assert.Single(await Outbox.ClaimDueAsync(now, "pair-worker", TimeSpan.FromMinutes(5), 1));
        Assert.Equal(1, await Outbox.MarkSentAsync([claimed.Id], "pair-worker", now, null, now.AddDays(14)));
        return (await Surveys.GetAsync(survey.Id))!;
    }
}
