using Feedback.Core.Templates;

namespace Feedback.Core.Themes;

/// <summary>Where a score sits on its kind's scale: the low and high segments of comment themes, and the rest.</summary>
public enum ScoreBand
{
    /// <summary>NPS 0–6, CSAT 1–2, CES 1–3.</summary>
    Low,
    /// <summary>Neither low nor high: NPS 7–8, CSAT 3–4, CES 4–5.</summary>
    Middle,
    /// <summary>NPS 9–10, CSAT 5, CES 6–7.</summary>
    High,
}

public static class ScoreBands
{
    public static ScoreBand Band(this SurveyKind kind, int score) => kind switch
    {
        SurveyKind.Nps => score <= 6 ? ScoreBand.Low : score <= 8 ? ScoreBand.Middle : ScoreBand.High,
        SurveyKind.Csat => score <= 2 ? ScoreBand.Low : score <= 4 ? ScoreBand.Middle : ScoreBand.High,
        SurveyKind.Ces => score <= 3 ? ScoreBand.Low : score <= 5 ? ScoreBand.Middle : ScoreBand.High,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
