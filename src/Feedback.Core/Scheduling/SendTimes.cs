using Feedback.Core.Templates;

namespace Feedback.Core.Scheduling;

/// <summary>When a survey goes out: occurredAt + delay (never in the past), moved forward into the send window in the customer's zone.</summary>
public static class SendTimes
{
    public static DateTimeOffset Compute(DateTimeOffset occurredAt, TimeSpan delay, SendWindow? window, TimeZoneInfo zone, DateTimeOffset now)
    {
        var earliest = occurredAt + delay;
        if (earliest < now)
        {
            earliest = now;
        }
        return window is null ? earliest : IntoWindow(earliest, window, zone);
    }

    /// <summary>
    /// A send time the caller chose (a direct send's <c>sendAt</c>): at or before now means now, so the survey goes out at
    /// the next dispatch; a later one is kept as given, outside the template's send window too.
    /// </summary>
    public static DateTimeOffset Requested(DateTimeOffset sendAt, DateTimeOffset now) => sendAt > now ? sendAt : now;

    /// <summary>The first instant at or after <paramref name="instant"/> whose local time in <paramref name="zone"/> is inside the window.</summary>
    public static DateTimeOffset IntoWindow(DateTimeOffset instant, SendWindow window, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (Contains(window, TimeOnly.FromDateTime(local.DateTime)))
        {
            return instant;
        }
        // Outside the window: the next local occurrence of its start, today or tomorrow.
        var startToday = local.Date + window.Start.ToTimeSpan();
        var next = startToday > local.DateTime ? startToday : startToday.AddDays(1);
        return ToInstant(next, zone);
    }

    public static bool Contains(SendWindow window, TimeOnly time) => window.Start < window.End
        ? time >= window.Start && time < window.End
        : time >= window.Start || time < window.End;

    /// <summary>A local wall-clock time as an instant: a time in a spring-forward gap moves past the gap; an ambiguous one takes the earlier instant.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
