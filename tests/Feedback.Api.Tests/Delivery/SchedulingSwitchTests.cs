using Feedback.Api.Hosting.Jobs;
using Feedback.Core.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Feedback.Api.Tests.Delivery;

/// <summary><c>Feedback:Scheduling:Enabled=false</c>: the jobs are built, with the interval that would fire them, but never run.</summary>
public sealed class SchedulingSwitchTests : DeliveryFixture
{
    protected override string PollInterval => "00:00:01";

    [Fact]
    public async Task WithSchedulingOffTheJobsAreBuiltButDueSurveysWaitForADispatch()
    {
        await CreateTemplateAsync(t => t["delay"] = "PT0S");
        var id = await PostEventAsync("e-1", "en", "amy@example.co.uk");

        // The steps that let QuartzJobSendsDueSurveysOnItsOwn fire its trigger.
        for (var step = 0; step < 20; step++)
        {
            Factory.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        var scheduler = Factory.Services.GetRequiredService<IScheduler>();

        Assert.Empty(SendGrid.Requests);
        Assert.Equal(SurveyStatus.Scheduled, (await SurveyAsync(id)).Status);
        Assert.Equal(SchedulerStatus.Created, scheduler.Status);
        Assert.NotNull(await scheduler.GetJobDetail(new JobKey(nameof(DispatchDueSurveysJob)), TestContext.Current.CancellationToken));
    }
}
