using System.Net;
using System.Text.RegularExpressions;
using Feedback.Api.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Feedback.Api.Tests.Auth;

/// <summary>Without <c>Feedback:Auth:AdminKey</c> the first start generates an admin key and logs it once; a configured key always works.</summary>
public sealed partial class AdminKeyBootstrapTests : IAsyncLifetime
{
    private const string Announcement = "Generated the bootstrap admin API key";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("feedback-bootstrap-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dataDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("fbk_[A-Za-z0-9_-]{43}")]
    private static partial Regex GeneratedKey();

    [Fact]
    public async Task FirstStartWithoutAnAdminKeyGeneratesOneAndLogsItOnce()
    {
        await using var first = new FeedbackApiFactory(_dataDirectory, withAdminKey: false);

        using var anonymous = first.CreateClient();

        var announcements = first.Logs.Entries.Where(e => e.Message.Contains(Announcement)).ToList();
        var announcement = Assert.Single(announcements);
        Assert.Equal(LogLevel.Warning, announcement.Level);
        var key = GeneratedKey().Match(announcement.Message).Value;
        using var admin = first.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/api-keys")).StatusCode);
    }

    [Fact]
    public async Task SecondStartOnTheSameDataLogsNoKeyAndTheFirstKeyStillWorks()
    {
        string key;
        await using (var first = new FeedbackApiFactory(_dataDirectory, withAdminKey: false))
        {
            using var anonymous = first.CreateClient();
            key = GeneratedKey().Match(first.Logs.Entries.Single(e => e.Message.Contains(Announcement)).Message).Value;
        }

        await using var second = new FeedbackApiFactory(_dataDirectory, withAdminKey: false);
        using var admin = second.CreateClient(key);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/api-keys")).StatusCode);
        Assert.DoesNotContain(second.Logs.Entries, e => e.Message.Contains(Announcement) || e.Message.Contains("fbk_"));
    }

    [Fact]
    public async Task StartWithoutAnyActiveAdminKeyGeneratesANewOne()
    {
        await using (var first = new FeedbackApiFactory(_dataDirectory, withAdminKey: false))
        {
            using var anonymous = first.CreateClient();
            var key = GeneratedKey().Match(first.Logs.Entries.Single(e => e.Message.Contains(Announcement)).Message).Value;
            using var admin = first.CreateClient(key);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/v1/api-keys/key_bootstrap")).StatusCode);
        }

        await using var second = new FeedbackApiFactory(_dataDirectory, withAdminKey: false);
        using var client = second.CreateClient();

        var fresh = GeneratedKey().Match(second.Logs.Entries.Single(e => e.Message.Contains(Announcement)).Message).Value;
        using var newAdmin = second.CreateClient(fresh);
        Assert.Equal(HttpStatusCode.OK, (await newAdmin.GetAsync("/v1/api-keys")).StatusCode);
    }

    [Fact]
    public async Task ConfiguredAdminKeyIsNeverLoggedAndIsRestoredAfterARevocation()
    {
        await using (var first = new FeedbackApiFactory(_dataDirectory))
        {
            using var admin = first.CreateClient(FeedbackApiFactory.AdminKey);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/v1/api-keys/key_bootstrap")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/v1/api-keys")).StatusCode);
            Assert.DoesNotContain(first.Logs.Entries, e => e.Message.Contains(Announcement) || e.Message.Contains(FeedbackApiFactory.AdminKey));
        }

        await using var second = new FeedbackApiFactory(_dataDirectory);
        using var restored = second.CreateClient(FeedbackApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await restored.GetAsync("/v1/api-keys")).StatusCode);
    }
}
