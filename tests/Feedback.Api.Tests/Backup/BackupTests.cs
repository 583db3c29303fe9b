using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Feedback.Api.Tests.Infrastructure;
using Feedback.Core.Auth;

namespace Feedback.Api.Tests.Backup;

public sealed class BackupTests : IAsyncLifetime
{
    private readonly FeedbackApiFactory _original = new();
    private readonly DirectoryInfo _restored = Directory.CreateTempSubdirectory("feedback-restored-");

    [Fact]
    public async Task BackupRestoredIntoANewInstanceHoldsTheSameData()
    {
        var admin = await _original.CreateClientAsync(ApiScope.Admin);
        // The survey is due in 24 h, so neither instance sends it and both show it scheduled.
        (await admin.PostAsJsonAsync("/v1/templates", TemplateBodies.Csat())).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/v1/events", EventBodies.Resolved("e-1"))).EnsureSuccessStatusCode();
        var before = await SnapshotAsync(admin);

        var response = await admin.PostAsync("/v1/admin/backup", null);
        var backup = await response.Content.ReadFromJsonAsync<JsonObject>();
        // Written while the original keeps serving: a later change is not in the backup.
        (await admin.PostAsJsonAsync("/v1/events", EventBodies.Resolved("e-2", subjectId: "ticket-43"))).EnsureSuccessStatusCode();
        File.Copy((string)backup!["file"]!, Path.Combine(_restored.FullName, "feedback.db"));
        await using var restored = new FeedbackApiFactory(_restored.FullName);
        var after = await SnapshotAsync(await restored.CreateClientAsync(ApiScope.Admin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((long)backup["bytes"]! > 0);
        Assert.Equal(before, after);
        Assert.Contains("ticket-42", after);
        Assert.DoesNotContain("ticket-43", after);
    }

    [Fact]
    public async Task BackupNeedsTheAdminScope()
    {
        var read = await _original.CreateClientAsync(ApiScope.Read);

        var response = await read.PostAsync("/v1/admin/backup", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string> SnapshotAsync(HttpClient admin) =>
        await admin.GetStringAsync("/v1/templates") + await admin.GetStringAsync("/v1/surveys") + await admin.GetStringAsync("/v1/responses");

    public ValueTask InitializeAsync()
    {
        _original.Settings["Feedback:Storage:Sqlite:BackupDirectory"] = Path.Combine(_original.DataDirectory, "backups");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _original.DisposeAsync();
        _restored.Delete(recursive: true);
    }
}
