using System.ComponentModel;
using System.Globalization;
using Feedback.Api.Features.Responses;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Core.Common;
using Feedback.Core.Templates;
using Feedback.Core.Themes;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Features.Themes;

/// <summary>The theme query as sent: bound as text and parsed by <see cref="ThemeRequests"/>, so one 400 names every bad parameter.</summary>
public sealed record ThemeParameters(
    [property: Description("Only answers to this template (kind must match when both are given).")] [FromQuery(Name = "templateId")] string? TemplateId,
    [property: Description("nps, csat or ces; default: the template's kind, or every kind.")] [FromQuery(Name = "kind")] string? Kind,
    [property: Description("First UTC day, inclusive: YYYY-MM-DD or a midnight-UTC instant. Default: 30 days before to.")] [FromQuery(Name = "from")] string? From,
    [property: Description("UTC day after the last, exclusive: YYYY-MM-DD or a midnight-UTC instant. Default: tomorrow (so today is in).")] [FromQuery(Name = "to")] string? To,
    [property: Description("low (default: NPS 0–6, CSAT 1–2, CES 1–3) or high (NPS 9–10, CSAT 5, CES 6–7), compared with all other comments.")] [FromQuery(Name = "segment")] string? Segment);

/// <summary>The paging and term of the theme comments list, besides <see cref="ThemeParameters"/>.</summary>
public sealed record ThemeCommentParameters(
    [property: Description("Required: the theme's term, as /v1/themes lists it.")] [FromQuery(Name = "term")] string? Term,
    [property: Description("Required: the theme's language (its locale field).")] [FromQuery(Name = "locale")] string? Locale,
    [property: Description("The nextCursor of the previous page.")] [FromQuery(Name = "cursor")] string? Cursor,
    [property: Description("Page size, 1–500 (default 50).")] [FromQuery(Name = "limit")] string? Limit);

public static class ThemeRequests
{
    public const int MaxDays = 3 * 366;
    public const int DefaultDays = 30;
    public const int MaxTermLength = 200;

    /// <summary>The query, or null with <paramref name="errors"/> naming each bad parameter; segment is null when not given.</summary>
    public static (ThemeQuery Query, bool SegmentGiven)? Parse(ThemeParameters p, string? top, IQueryCollection query, DateOnly today, ValidationErrors errors)
    {
        SurveyKind? kind = p.Kind switch
        {
            null => null,
            _ when EnumNames.TryParse<SurveyKind>(p.Kind, out var parsed) => parsed,
            _ => Fail<SurveyKind>(errors, "kind", $"must be {EnumNames.List<SurveyKind>()}"),
        };
        var to = ResponseFilters.UtcDay(p.To, "to", errors) ?? today.AddDays(1);
        var from = ResponseFilters.UtcDay(p.From, "from", errors) ?? to.AddDays(-DefaultDays);
        if (from >= to)
        {
            errors.Add("from", "must be before to");
        }
        else if (to.DayNumber - from.DayNumber > MaxDays)
        {
            errors.Add("to", $"must be at most {MaxDays} days after from");
        }
        ScoreBand? segment = p.Segment switch
        {
            null => null,
            "low" => ScoreBand.Low,
            "high" => ScoreBand.High,
            _ => Fail<ScoreBand>(errors, "segment", "must be low or high"),
        };
        var count = ThemeFinder.DefaultTop;
        if (top is not null && (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > ThemeFinder.MaxTop))
        {
            errors.Add("top", $"must be a whole number from 1 to {ThemeFinder.MaxTop}");
        }
        if (p.TemplateId is { Length: 0 or > Ids.MaxLength })
        {
            errors.Add("templateId", $"must be 1–{Ids.MaxLength} characters");
        }
        var properties = ResponseFilters.Properties(query, errors);
        return errors.IsValid
            ? (new ThemeQuery(kind, p.TemplateId, from, to, properties, segment ?? ScoreBand.Low, count), segment is not null)
            : null;
    }

    private static T? Fail<T>(ValidationErrors errors, string field, string message) where T : struct
    {
        errors.Add(field, message);
        return null;
    }
}
