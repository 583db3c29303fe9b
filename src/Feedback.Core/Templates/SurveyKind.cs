namespace Feedback.Core.Templates;

/// <summary>The question type, which fixes the score scale.</summary>
public enum SurveyKind
{
    /// <summary>Net Promoter Score, 0–10.</summary>
    Nps,
    /// <summary>Customer satisfaction, 1–5.</summary>
    Csat,
    /// <summary>Customer effort score, 1–7.</summary>
    Ces,
}

public static class SurveyKindScale
{
    public static (int Min, int Max) Range(this SurveyKind kind) => kind switch
    {
        SurveyKind.Nps => (0, 10),
        SurveyKind.Csat => (1, 5),
        SurveyKind.Ces => (1, 7),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsValidScore(this SurveyKind kind, int score)
    {
        var (min, max) = kind.Range();
        return score >= min && score <= max;
    }
}
