using Feedback.Core.Common;

namespace Feedback.Core.FollowUps;

/// <summary>
/// A template's follow-up rule (<c>followUp</c>): an answer whose score is at or below <see cref="MaxScore"/> opens a
/// follow-up that is due <see cref="Due"/> after the answer.
/// </summary>
public sealed record FollowUpPolicy(int MaxScore, IsoDuration Due)
{
    public bool Covers(int score) => score <= MaxScore;
}
