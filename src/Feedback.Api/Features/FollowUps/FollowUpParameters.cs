using System.ComponentModel;
using System.Globalization;
using Feedback.Api.Features.Responses;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Common;
using Feedback.Core.FollowUps;
using Feedback.Core.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Features.FollowUps;

/// <summary>The follow-up list's filters as sent: bound as text and parsed here, so one 400 names every bad parameter.</summary>
public sealed record FollowUpListParameters(
    [property: Description("open, in_progress or resolved.")] [FromQuery(Name = "status")] string? Status,
    [property: Description("Only follow-ups of answers to this template.")] [FromQuery(Name = "templateId")] string? TemplateId,
    [property: Description("Only follow-ups assigned to this person.")] [FromQuery(Name = "assignee")] string? Assignee,
    [property: Description("true: only those marked overdue; false: only the others.")] [FromQuery(Name = "overdue")] string? Overdue,
    [property: Description("The nextCursor of the previous page.")] [FromQuery(Name = "cursor")] string? Cursor,
    [property: Description("Page size, 1–500 (default 50).")] [FromQuery(Name = "limit")] string? Limit)
{
    public FollowUpQuery? ToQuery(ValidationErrors errors)
    {
        var status = FollowUpStatuses.Parse(Status, "status", errors);
        bool? overdue = Overdue switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (Overdue is not (null or "true" or "false"))
        {
            errors.Add("overdue", "must be true or false");
        }
        var limit = PageCursor.DefaultLimit;
        if (Limit is not null && !int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            errors.Add("limit", $"must be a whole number between 1 and {PageCursor.MaxLimit}");
            limit = PageCursor.DefaultLimit;
        }
        var after = Paging.Validate(Cursor, limit, errors);
        if (after is not null && !after.StartsWith($"{FollowUp.IdPrefix}_", StringComparison.Ordinal))
        {
            errors.Add("cursor", "is not a cursor returned by this list");
        }
        return errors.IsValid
            ? new FollowUpQuery { Status = status, TemplateId = TemplateId, Assignee = Assignee, Overdue = overdue, After = after, Limit = limit }
            : null;
    }
}

/// <summary>The stats query as sent.</summary>
public sealed record FollowUpStatsParameters(
    [property: Description("Only follow-ups of answers to this template.")] [FromQuery(Name = "templateId")] string? TemplateId,
    [property: Description("ISO-8601 date-time with offset (or a date, meaning UTC midnight); createdAt ≥ from.")] [FromQuery(Name = "from")] string? From,
    [property: Description("ISO-8601 date-time with offset (or a date, meaning UTC midnight); createdAt < to.")] [FromQuery(Name = "to")] string? To)
{
    public FollowUpStatsQuery? ToQuery(ValidationErrors errors)
    {
        var from = ResponseFilters.Instant(From, "from", errors);
        var to = ResponseFilters.Instant(To, "to", errors);
        if (from >= to)
        {
            errors.Add("from", "must be before to");
        }
        return errors.IsValid ? new FollowUpStatsQuery(TemplateId, from, to) : null;
    }
}
