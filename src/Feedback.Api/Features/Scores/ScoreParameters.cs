using System.ComponentModel;
using System.Globalization;
using Feedback.Api.Features.Responses;
using Feedback.Core.Common;
using Feedback.Core.Scoring;
using Feedback.Core.Templates;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Features.Scores;

/// <summary>The score query as sent: bound as text and parsed by <see cref="ToQuery"/>, so one 400 names every bad parameter.</summary>
public sealed record ScoreParameters(
    [property: Description("Only answers to this template (its kind must match the route).")] [FromQuery(Name = "templateId")] string? TemplateId,
    [property: Description("First UTC day, inclusive: YYYY-MM-DD or a midnight-UTC instant. Default: 30 days before to.")] [FromQuery(Name = "from")] string? From,
    [property: Description("UTC day after the last, exclusive: YYYY-MM-DD or a midnight-UTC instant. Default: tomorrow (so today is in).")] [FromQuery(Name = "to")] string? To,
    [property: Description("Series buckets: day, week (ISO, Monday) or month.")] [FromQuery(Name = "interval")] string? Interval,
    [property: Description("Only answers given through this channel (the answer's own: email, web, phone, chat, in_person, sms, other); property.channel filters a property called channel.")] [FromQuery(Name = "channel")] string? Channel,
    [property: Description("Break down by this property, by channel (the answer's own channel), or by reason (the template's reason codes: an answer with two reasons counts in both groups). Answers without a value form the group (none).")] [FromQuery(Name = "groupBy")] string? GroupBy,
    [property: Description("How many groups to list, 1–100 (default 10); the rest are summed into one (other) group.")] [FromQuery(Name = "top")] string? Top,
    [property: Description("previous: also the period of equal length before, and whether the change is significant at 95 %.")] [FromQuery(Name = "compareTo")] string? CompareTo)
{
    /// <summary>The query of <paramref name="kind"/> these parameters and the property filters ask for, or null with the errors added.</summary>
    public ScoreQuery? ToQuery(SurveyKind kind, IQueryCollection query, DateOnly today, ValidationErrors errors)
    {
        var to = ResponseFilters.UtcDay(To, "to", errors) ?? today.AddDays(1);
        var from = ResponseFilters.UtcDay(From, "from", errors) ?? to.AddDays(-ScoreQuery.DefaultDays);
        if (from >= to)
        {
            errors.Add("from", "must be before to");
        }
        else if (to.DayNumber - from.DayNumber > ScoreQuery.MaxDays)
        {
            errors.Add("to", $"must be at most {ScoreQuery.MaxDays} days after from");
        }
        SeriesInterval? interval = Interval switch
        {
            null => null,
            "day" => SeriesInterval.Day,
            "week" => SeriesInterval.Week,
            "month" => SeriesInterval.Month,
            _ => Fail(errors, "interval", "must be day, week or month"),
        };
        if (GroupBy is not null && !ResponseFilters.IsPropertyName(GroupBy))
        {
            errors.Add("groupBy", "must be a property name: 1–64 letters, digits, '_', '.' or '-'");
        }
        var top = ScoreGroups.DefaultTop;
        if (Top is not null && (!int.TryParse(Top, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > ScoreGroups.MaxTop))
        {
            errors.Add("top", $"must be a whole number from 1 to {ScoreGroups.MaxTop}");
        }
        if (CompareTo is not (null or "previous"))
        {
            errors.Add("compareTo", "must be previous");
        }
        if (TemplateId is { Length: 0 or > Ids.MaxLength })
        {
            errors.Add("templateId", $"must be 1–{Ids.MaxLength} characters");
        }
        var filters = ResponseFilters.Properties(query, errors);
        if (ResponseFilters.Channel(Channel, errors) is { } channel)
        {
            filters[ScoreRollup.ChannelDimension] = channel;
        }
        // groupBy=channel is the answer's channel and groupBy=reason its reasons (properties of those names cannot be grouped by).
        var groupBy = GroupBy switch
        {
            "channel" => ScoreRollup.ChannelDimension,
            "reason" => ScoreRollup.ReasonDimension,
            _ => GroupBy,
        };
        return errors.IsValid
            ? new ScoreQuery(kind, TemplateId, from, to, interval, groupBy, top, CompareTo is not null, filters)
            : null;
    }

    private static SeriesInterval? Fail(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
