using System.Diagnostics;
using Feedback.Core.Common;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;
using Microsoft.Extensions.Options;

namespace Feedback.Api.Hosting.Demo;

/// <summary>
/// Fills an empty store with demo data at start (it does nothing when any template exists). Everything goes through the
/// same store calls as real traffic: surveys are added, claimed and marked sent, answers recorded with
/// <see cref="IResponseStore.AnswerSurveyAsync"/> or <see cref="IResponseStore.AddExternalAsync"/>, so the stores keep
/// their rollups exactly as they do for real answers. Outbound webhooks are not fired for demo answers.
/// </summary>
public sealed class DemoSeeder(
    IOptions<DemoOptions> options, ITemplateStore templates, ActiveTemplates active, ISurveyStore surveys, ISurveyOutbox outbox,
    ISurveyHousekeepingStore housekeeping, IResponseStore responses, IStorageLifecycle storage, TimeProvider time,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public const string LeaseOwner = "demo-seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Seed)
        {
            return;
        }
        var existing = await templates.ListAsync(new TemplateQuery(Status: null, Limit: 1), cancellationToken);
        if (existing.Items.Count > 0)
        {
            logger.LogInformation("Demo data: the store already holds templates, so nothing was added");
            return;
        }
        var watch = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        logger.LogInformation("Demo data: generating {Answers} answers over the last {Days} days", settings.Answers, settings.Days);
        var created = DemoTemplates.Create(now.AddDays(-settings.Days - 1));
        foreach (var template in created)
        {
            await templates.CreateAsync(template, cancellationToken);
        }
        active.Changed();
        var (sent, answered, comments) = (0, 0, 0);
        using var bulkLoad = storage.BeginBulkLoad();
        // One writer: SQLite takes one write at a time, so parallel writers would only wait for each other's locks.
        foreach (var item in new DemoGenerator(settings, created, now).Items())
        {
            await WriteAsync(item, now, cancellationToken);
            sent += item.SentAt is null ? 0 : 1;
            answered += item.Score is null ? 0 : 1;
            comments += item.Comment is null ? 0 : 1;
        }
        var expired = await housekeeping.ExpireAsync(now, cancellationToken);
        logger.LogInformation(
            "Demo data: {Templates} templates, {Sent} surveys sent ({Expired} expired unanswered), {Answered} answers ({Comments} with a comment) in {Seconds:F1} s",
            created.Count, sent, expired, answered, comments, watch.Elapsed.TotalSeconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WriteAsync(DemoItem item, DateTimeOffset now, CancellationToken ct)
    {
        var answer = item.Score is { } score ? new SurveyResponse
        {
            Id = $"demo-{item.Number}",
            TemplateId = item.Template.Id,
            Kind = item.Template.Kind,
            Score = score,
            Comment = item.Comment,
            Reasons = item.Reasons,
            Locale = item.Customer.Locale!,
            CustomerId = item.Customer.Id,
            SubjectId = item.SubjectId,
            Channel = item.Channel,
            Properties = item.Properties,
            AnsweredAt = item.AnsweredAt,
            UpdatedAt = item.AnsweredAt,
        } : null;
        if (item.SentAt is not { } sentAt)
        {
            await responses.AddExternalAsync(answer!, ct: ct);
            return;
        }
        var survey = new Survey
        {
            Id = Ids.New("srv", sentAt),
            TemplateId = item.Template.Id,
            TemplateVersion = item.Template.Version,
            Kind = item.Template.Kind,
            SubjectId = item.SubjectId,
            Customer = item.Customer,
            Locale = item.Customer.Locale!,
            Properties = item.Properties,
            // Added as already claimed by the seeder, so MarkSentAsync records the send exactly as the dispatcher does.
            Status = SurveyStatus.Sending,
            LeaseOwner = LeaseOwner,
            LeaseUntil = now.AddHours(1),
            SendAt = sentAt,
            CreatedAt = sentAt - item.Template.Delay.TimeSpan,
            Token = SurveyTokens.New(),
        };
        await surveys.TryAddAsync(survey, ct);
        await outbox.MarkSentAsync([survey.Id], LeaseOwner, sentAt, null, sentAt + item.Template.ExpiresAfter.TimeSpan, ct);
        if (answer is not null)
        {
            await responses.AnswerSurveyAsync(answer with { Id = SurveyResponse.IdForSurvey(survey.Id), SurveyId = survey.Id }, ct: ct);
        }
    }
}
