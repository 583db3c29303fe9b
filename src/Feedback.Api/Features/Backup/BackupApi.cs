using Feedback.Api.Hosting.Auth;
using Feedback.Api.Hosting.Errors;
using Feedback.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Api.Features.Backup;

/// <summary>A backup just written: its file on the server, its size in bytes and when it was taken.</summary>
public sealed record BackupResponse(string File, long Bytes, DateTimeOffset CreatedAt);

public static class BackupApi
{
    public static IEndpointRouteBuilder MapBackupApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/admin")
            .WithFeedbackErrors()
            .WithTags("Admin");

        group.MapPost("/backup", BackupAsync)
            .WithName("backupStore")
            .WithSummary("Write an online, consistent backup of the SQLite store to Feedback:Storage:Sqlite:BackupDirectory (501 on MongoDB: use mongodump).")
            .ProducesProblems(501)
            .RequireAuthorization(Scopes.Admin);

        return app;
    }

    public static async Task<Results<Ok<BackupResponse>, ProblemHttpResult>> BackupAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<IStorageBackup>() is not { } backup)
        {
            return TypedResults.Problem(title: "Backup not available", statusCode: StatusCodes.Status501NotImplemented,
                detail: "This store is not backed up by the service; back MongoDB up with mongodump or storage snapshots.");
        }
        var file = await backup.BackupAsync(ct);
        return TypedResults.Ok(new BackupResponse(file.Path, file.Bytes, file.CreatedAt));
    }
}
