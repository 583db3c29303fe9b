using System.Globalization;
using Feedback.Core.Scoring;
using Feedback.Core.Templates;

namespace Feedback.Api.Features.Scores;

/// <summary>A Core score report as the HTTP contract shows it: rounded per kind, days as ISO dates, other kinds' counts null.</summary>
public static class ScoreResponses
{
    public static ScoreResponse From(ScoreReport report)
    {
        var kind = report.Kind;
        var s = report.Period.Figures.Summary;
        return new ScoreResponse(
            kind.ToString().ToLowerInvariant(),
            Date(report.Period.From),
            Date(report.Period.To),
            s.Responses,
            Round(kind, s.Score),
            kind == SurveyKind.Nps ? s.Promoters : null,
            kind == SurveyKind.Nps ? s.Passives : null,
            kind == SurveyKind.Nps ? s.Detractors : null,
            kind == SurveyKind.Csat ? s.Satisfied : null,
            Round(kind, s.Mean),
            Interval(kind, s.Confidence95),
            s.IsSmallSample,
            report.Period.Figures.Sent,
            Rate(report.Period.Figures),
            report.Source.ToString().ToLowerInvariant(),
            report.Series.Select(p => new SeriesPointDto(Date(p.Start), p.Summary.Responses, Round(kind, p.Summary.Score))).ToList(),
            report.Groups.Select(g => Group(kind, g)).ToList(),
            report.Previous is { } previous ? Previous(kind, previous) : null,
            report.Change is { } change ? new ScoreChangeDto(Round(kind, change.Change), change.Significant) : null);
    }

    private static ScoreGroupDto Group(SurveyKind kind, ScoreGroup group)
    {
        var s = group.Figures.Summary;
        return new ScoreGroupDto(group.Key, s.Responses, Round(kind, s.Score), Interval(kind, s.Confidence95),
            s.IsSmallSample, group.Figures.Sent, Rate(group.Figures), group.IsOther);
    }

    private static PreviousPeriodDto Previous(SurveyKind kind, ScorePeriod period)
    {
        var s = period.Figures.Summary;
        return new PreviousPeriodDto(Date(period.From), Date(period.To), s.Responses, Round(kind, s.Score),
            Interval(kind, s.Confidence95), s.IsSmallSample, period.Figures.Sent, Rate(period.Figures));
    }

    private static double? Rate(ScoreFigures figures) => figures.ResponseRate is { } rate ? Math.Round(rate, 4) : null;

    // NPS and CSAT are percentages (one decimal); a CES mean needs two.
    private static double? Round(SurveyKind kind, double? value) =>
        value is { } v ? Math.Round(v, kind == SurveyKind.Ces ? 2 : 1, MidpointRounding.AwayFromZero) : null;

    private static IntervalDto? Interval(SurveyKind kind, Interval? interval) =>
        interval is null ? null : new IntervalDto(Round(kind, interval.Low)!.Value, Round(kind, interval.High)!.Value);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
