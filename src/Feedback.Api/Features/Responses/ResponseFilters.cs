using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Feedback.Api.Hosting.Errors;
using Feedback.Api.Hosting.OpenApi;
using Feedback.Api.Features.Surveys;
using Feedback.Core.Common;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Feedback.Core.Templates;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Api.Features.Responses;

/// <summary>
/// The filters of the response list and its CSV export. Every value is bound as text and parsed here, so one 400 names
/// every bad parameter at once (typed binding stops at the first).
/// </summary>
public sealed record ResponseFilterParameters(
    [property: Description("Only answers to this template.")] [FromQuery(Name = "templateId")] string? TemplateId,
    [property: Description("nps, csat or ces.")] [FromQuery(Name = "kind")] string? Kind,
    [property: Description("ISO-8601 date-time with offset (or a date, meaning UTC midnight); answeredAt ≥ from.")] [FromQuery(Name = "from")] string? From,
    [property: Description("ISO-8601 date-time with offset (or a date, meaning UTC midnight); answeredAt < to.")] [FromQuery(Name = "to")] string? To,
    [property: Description("Lowest score, inclusive.")] [FromQuery(Name = "minScore")] string? MinScore,
    [property: Description("Highest score, inclusive.")] [FromQuery(Name = "maxScore")] string? MaxScore,
    [property: Description("true: only answers with a comment; false: only those without.")] [FromQuery(Name = "hasComment")] string? HasComment,
    [property: Description("Only this customer's answers.")] [FromQuery(Name = "customerId")] string? CustomerId,
    [property: Description("Only answers given through this channel (the answer's own: email, web, phone, chat, in_person, sms, other); property.channel filters a property called channel.")] [FromQuery(Name = "channel")] string? Channel,
    [property: Description("Only records changed at or after this instant (incremental pulls).")] [FromQuery(Name = "updatedSince")] string? UpdatedSince,
    [property: Description("Only answers given with this reason code (one of the template's reasons.codes).")] [FromQuery(Name = "reason")] string? Reason,
    [property: Description("The nextCursor of the previous page (JSON only).")] [FromQuery(Name = "cursor")] string? Cursor,
    [property: Description("Page size, 1–500 (JSON only).")] [FromQuery(Name = "limit")] string? Limit);

public static partial class ResponseFilters
{
    public const string PropertyPrefix = "property.";

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyName();

    /// <summary>The query the parameters describe, or null with <paramref name="errors"/> naming each bad parameter.</summary>
    public static ResponseQuery? Parse(ResponseFilterParameters p, IQueryCollection query, ValidationErrors errors)
    {
        SurveyKind? kind = null;
        if (p.Kind is not null)
        {
            if (EnumNames.TryParse<SurveyKind>(p.Kind, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                errors.Add("kind", $"must be {EnumNames.List<SurveyKind>()}");
            }
        }
        var from = Instant(p.From, "from", errors);
        var to = Instant(p.To, "to", errors);
        if (from >= to)
        {
            errors.Add("from", "must be before to");
        }
        var minScore = Score(p.MinScore, "minScore", errors);
        var maxScore = Score(p.MaxScore, "maxScore", errors);
        if (minScore > maxScore)
        {
            errors.Add("minScore", "must not be greater than maxScore");
        }
        bool? hasComment = p.HasComment switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail<bool>(errors, "hasComment", "must be true or false"),
        };
        var channel = Channel(p.Channel, errors);
        var updatedSince = Instant(p.UpdatedSince, "updatedSince", errors);
        if (p.Reason is not null && !TemplateReasons.IsValidCode(p.Reason))
        {
            errors.Add("reason", $"must be a reason code: {TemplateReasons.CodeSyntax}");
        }
        var (limit, after) = Page(p.Limit, p.Cursor, errors);
        var properties = Properties(query, errors);
        if (!errors.IsValid)
        {
            return null;
        }
        return new ResponseQuery
        {
            TemplateId = p.TemplateId,
            Kind = kind,
            From = from,
            To = to,
            MinScore = minScore,
            MaxScore = maxScore,
            HasComment = hasComment,
            CustomerId = p.CustomerId,
            Channel = channel,
            UpdatedSince = updatedSince,
            Properties = properties,
            Reason = p.Reason,
            After = after,
            Limit = limit,
        };
    }

    /// <summary>
    /// <c>limit</c> (text, so "abc" is a 400 naming it) and <c>cursor</c> of a list of answers, which pages by answer time
    /// and id; the limit is the default where it is absent or bad.
    /// </summary>
    public static (int Limit, ResponsePosition? After) Page(string? limitText, string? cursorText, ValidationErrors errors)
    {
        var limit = PageCursor.DefaultLimit;
        if (limitText is not null && !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            errors.Add("limit", $"must be a whole number between 1 and {PageCursor.MaxLimit}");
            limit = PageCursor.DefaultLimit;
        }
        var cursor = Paging.Validate(cursorText, limit, errors);
        var after = cursor is null ? null : ResponsePosition.Parse(cursor);
        if (cursor is not null && after is null)
        {
            errors.Add("cursor", "is not a cursor returned by this list");
        }
        return (limit, after);
    }

    public static bool IsPropertyName(string name) => PropertyName().IsMatch(name);

    /// <summary>The answer's own channel (<c>channel=</c>), one of <see cref="Channels.All"/>, spelt exactly.</summary>
    public static string? Channel(string? text, ValidationErrors errors)
    {
        if (text is null || Channels.All.Contains(text))
        {
            return text;
        }
        errors.Add("channel", $"must be one of {string.Join(", ", Channels.All.Order(StringComparer.Ordinal))}");
        return null;
    }

    /// <summary>property.&lt;name&gt;=&lt;value&gt;: the names vary, so they are read from the raw query rather than bound.</summary>
    public static Dictionary<string, string> Properties(IQueryCollection query, ValidationErrors errors)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith(PropertyPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            var name = key[PropertyPrefix.Length..];
            if (!PropertyName().IsMatch(name))
            {
                errors.Add(key, "name must be 1–64 letters, digits, '_', '.' or '-'");
            }
            else if (values.Count != 1)
            {
                errors.Add(key, "must be given once");
            }
            else if (values[0] is not { Length: > 0 and <= PropertyValues.MaxValueLength } value)
            {
                errors.Add(key, $"must be 1–{PropertyValues.MaxValueLength} characters");
            }
            else
            {
                properties[name] = value;
            }
        }
        if (properties.Count > PropertyValues.MaxCount)
        {
            errors.Add("property", $"at most {PropertyValues.MaxCount} property filters");
        }
        return properties;
    }

    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// A whole UTC day (<c>from</c>/<c>to</c> of the scores and themes, whose counts are per UTC day): a date, or an instant
    /// at UTC midnight.
    /// </summary>
    public static DateOnly? UtcDay(string? text, string field, ValidationErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        var checker = new ValidationErrors();
        if (Instant(text, field, checker) is { } instant && checker.IsValid
            && instant.TimeOfDay == TimeSpan.Zero && instant.Year is >= 1900 and < 9000)
        {
            return DateOnly.FromDateTime(instant.UtcDateTime);
        }
        errors.Add(field, "must be a UTC date (2026-11-23) or a midnight-UTC instant (2026-11-23T00:00:00Z)");
        return null;
    }

    /// <summary>
    /// ISO-8601 instants: a date-time must carry <c>Z</c> or an offset (a local time would depend on the server's zone);
    /// a bare date is UTC midnight. A <c>+</c> of an offset that arrived unescaped (as a space) is accepted.
    /// </summary>
    public static DateTimeOffset? Instant(string? text, string field, ValidationErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        var candidate = text.Trim().Replace(' ', '+');
        var hasZone = candidate.Length == 10 || candidate.EndsWith('Z') || Regex.IsMatch(candidate, @"[+-]\d{2}:\d{2}$");
        if (hasZone && DateTimeOffset.TryParseExact(candidate, InstantFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }
        errors.Add(field, "must be an ISO-8601 date-time with Z or an offset (2026-11-23T10:00:00Z) or a date (2026-11-23)");
        return null;
    }

    private static int? Score(string? text, string field, ValidationErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score <= 10)
        {
            return score;
        }
        errors.Add(field, "must be a whole number from 0 to 10");
        return null;
    }

    private static T? Fail<T>(ValidationErrors errors, string field, string message) where T : struct
    {
        errors.Add(field, message);
        return null;
    }
}
