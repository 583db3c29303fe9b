using Feedback.Core.Surveys;

namespace Feedback.Core.Tests.Surveys;

public sealed class SurveyStatusesTests
{
    [Fact]
    public void EveryStatusIsPendingTerminalOrSentOrAnsweredAndOnlyOne()
    {
        var placed = SurveyStatuses.Pending.Concat(SurveyStatuses.Terminal).Append(SurveyStatus.Sent).Append(SurveyStatus.Answered).ToList();

        Assert.Equal(Enum.GetValues<SurveyStatus>().Order(), placed.Order());
    }

    [Theory]
    [InlineData(SurveyStatus.Scheduled, true)]
    [InlineData(SurveyStatus.Sending, true)]
    [InlineData(SurveyStatus.Sent, true)]
    [InlineData(SurveyStatus.Answered, true)]
    [InlineData(SurveyStatus.Expired, true)]
    [InlineData(SurveyStatus.Cancelled, false)]
    [InlineData(SurveyStatus.Suppressed, false)]
    [InlineData(SurveyStatus.Failed, false)]
    public void OnlySurveysThatNeverReachedTheCustomerLeaveTheQuietPeriodFree(SurveyStatus status, bool blocks)
    {
        Assert.Equal(blocks, SurveyStatuses.BlocksQuietPeriod(status));
    }

    [Fact]
    public void AnUndeliverableSurveyEndsTerminal()
    {
        Assert.All(SurveyStatuses.Undeliverable, status => Assert.Contains(status, SurveyStatuses.Terminal));
    }
}
