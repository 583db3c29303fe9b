using System.Text.Json.Nodes;
using Feedback.Client;

namespace Feedback.Client.Tests;

/// <summary>
/// A calling service's first day, through the client NSwag generates from openapi/feedback.v1.json at build time: what the
/// document promises (names, bodies, statuses, errors) is what the running service does.
/// </summary>
public sealed class GeneratedClientTests(FeedbackService service) : IClassFixture<FeedbackService>
{
    [Fact]
    public async Task KeyTemplateEventSurveyResponseScoreAndCsvWorkThroughTheGeneratedClient()
    {
        // Arrange: an admin makes a key for the helpdesk and an NPS template for resolved tickets.
        var admin = service.Client(FeedbackService.AdminKey);
        var key = await admin.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "helpdesk", Scopes = [ApiScope.Ingest, ApiScope.Read] });
        var helpdesk = service.Client(key.Key);
        var template = await admin.CreateTemplateAsync(new TemplateRequest
        {
            Name = "Post-resolution NPS",
            Kind = SurveyKind.Nps,
            Trigger = "ticket.resolved",
            Delay = "PT24H",
            ExpiresAfter = "P14D",
            DefaultLocale = "en",
            Content = new Dictionary<string, LocaleContentDto>
            {
                ["en"] = new() { Subject = "How did we do?", Question = "How likely are you to recommend us to a friend?" },
            },
        });

        // Act: the helpdesk reports a resolved ticket, looks at the survey, and records an answer taken by phone.
        var outcome = await helpdesk.IngestEventAsync(new EventRequest
        {
            Id = "helpdesk-ticket-42-resolved",
            Type = "ticket.resolved",
            OccurredAt = service.Time.GetUtcNow(),
            SubjectId = "ticket-42",
            Customer = new CustomerDto { Id = "c-17", Email = "jan@example.sk", Name = "Ján", Locale = "sk-SK", TimeZone = "Europe/Bratislava" },
            Properties = new Dictionary<string, string> { ["channel"] = "email", ["agent"] = "maria" },
        });
        var survey = await helpdesk.GetSurveyAsync(Assert.Single(outcome.Surveys).Id);
        var listed = await helpdesk.ListSurveysAsync(subjectId: "ticket-42");
        var recorded = await helpdesk.RecordResponseAsync(new RecordResponseRequest
        {
            Id = "phone-call-981",
            TemplateId = template.Id,
            Score = 10,
            Comment = "Quick and friendly.",
            Channel = "phone",
            Customer = new ResponseCustomerDto { Id = "c-17" },
            SubjectId = "ticket-42",
            AnsweredAt = service.Time.GetUtcNow(),
        });
        var nps = await helpdesk.GetScoreAsync("nps", templateId: template.Id);
        using var csv = await helpdesk.ExportResponsesCsvAsync(templateId: template.Id);
        var rows = (await new StreamReader(csv.Stream).ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.Equal((template.Id, 1, TemplateStatus.Active, SurveyKind.Nps), (template.Id, template.Version, template.Status, template.Kind));
        Assert.Equal((template.Id, SurveyStatus.Scheduled, "jan@example.sk"), (survey.TemplateId, survey.Status, survey.Customer.Email));
        Assert.Equal(service.Time.GetUtcNow().AddHours(24), survey.SendAt);
        Assert.Equal(survey.Id, Assert.Single(listed.Items).Id);
        Assert.Equal(("phone-call-981", 10, (string?)null), (recorded.Id, recorded.Score, recorded.SurveyId));
        Assert.Equal((1L, 100.0, 1L, 0L), (nps.Responses, nps.Score, nps.Promoters, nps.Detractors));
        Assert.Equal(200, csv.StatusCode);
        Assert.StartsWith("id,surveyId,templateId,kind,score", rows[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.StartsWith($"phone-call-981,,{template.Id},nps,10,", Assert.Single(rows[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThemesAndTheirCommentsWorkThroughTheGeneratedClient()
    {
        var admin = service.Client(FeedbackService.AdminKey);
        var template = await admin.CreateTemplateAsync(new TemplateRequest
        {
            Name = "After delivery",
            Kind = SurveyKind.Csat,
            DefaultLocale = "en",
            Content = new Dictionary<string, LocaleContentDto> { ["en"] = new() { Subject = "Your order", Question = "How satisfied are you?" } },
        });
        string[] low = ["Refund never came", "Still no refund", "They refunded half", "Refund is late", "Where is my refund"];
        string[] comments = [.. low, .. Enumerable.Range(0, 10).Select(i => new[] { "Quick and friendly", "Friendly courier", "Quick delivery" }[i % 3])];
        for (var i = 0; i < comments.Length; i++)
        {
            await admin.RecordResponseAsync(new RecordResponseRequest
            {
                Id = $"themes-client-{i}",
                TemplateId = template.Id,
                Score = i < low.Length ? 1 : 5,
                Comment = comments[i],
                Locale = "en-GB",
                Channel = "phone",
                Customer = new ResponseCustomerDto { Id = $"c-{i}" },
                SubjectId = $"order-{i}",
                AnsweredAt = service.Time.GetUtcNow(),
            });
        }

        var themes = await admin.ListThemesAsync(templateId: template.Id);
        var refund = Assert.Single(themes.Themes);
        var matching = await admin.ListThemeCommentsAsync(templateId: template.Id, term: refund.Term, locale: refund.Locale);
        var rebuild = await admin.RebuildThemesAsync();

        Assert.Equal(("csat", "low", 15L, 5L), (themes.Kind, themes.Segment, themes.Comments, themes.SegmentComments));
        Assert.Equal(("refund", "en", 5L, 0L), (refund.Term, refund.Locale, refund.SegmentCount, refund.OtherCount));
        Assert.Equal(Enumerable.Range(0, low.Length).Select(i => $"themes-client-{i}"), matching.Items.Select(c => c.Id));
        Assert.Equal(["Refund", "refund", "refunded", "Refund", "refund"], matching.Items.Select(c => c.Comment.Substring(
            Assert.Single(c.Highlights).Start, c.Highlights.Single().Length)));
        Assert.True(rebuild.Comments >= comments.Length);
    }

    [Fact]
    public async Task ErrorsArriveAsTheDocumentedProblemDetails()
    {
        var admin = service.Client(FeedbackService.AdminKey);
        var anonymous = service.Client(apiKey: null);

        var missing = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => admin.GetTemplateAsync("tpl_missing"));
        var invalid = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() =>
            admin.CreateTemplateAsync(new TemplateRequest { Name = "No kind", DefaultLocale = "en" }));
        var unauthorized = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => anonymous.ListTemplatesAsync());

        Assert.Equal((404, 404), (missing.StatusCode, missing.Result.Status));
        Assert.Equal(400, invalid.StatusCode);
        Assert.Contains("kind", invalid.Result.Errors.Keys);
        Assert.Equal(401, unauthorized.StatusCode);
    }

    // The client is generated from the committed document; this keeps that document the one the service serves even when
    // this project runs alone (Feedback.Api.Tests compares them too, and says how to refresh the file).
    [Fact]
    public async Task ClientIsGeneratedFromTheDocumentTheServiceServes()
    {
        using var http = service.CreateClient();

        var served = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "openapi", "feedback.v1.json")));

        Assert.True(JsonNode.DeepEquals(committed, served), "openapi/feedback.v1.json differs from the served document: the generated client is stale.");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Feedback.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Feedback.sln above {AppContext.BaseDirectory}.");
    }
}
