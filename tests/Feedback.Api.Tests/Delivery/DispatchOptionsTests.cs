using System.ComponentModel.DataAnnotations;
using Feedback.Api.Hosting.Jobs;

namespace Feedback.Api.Tests.Delivery;

public sealed class DispatchOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    public void ConfirmWindowMustBePositive(string window)
    {
        var options = new DispatchOptions { ConfirmWindow = TimeSpan.Parse(window) };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains("ConfirmWindow") && r.ErrorMessage!.Contains("Feedback:Dispatch:ConfirmWindow"));
    }

    [Fact]
    public void DefaultConfirmWindowIsValid()
    {
        var options = new DispatchOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Equal(TimeSpan.FromMinutes(15), options.ConfirmWindow);
    }
}
