namespace Feedback.Deploy.Tests;

public sealed class DockerfileTests
{
    private static readonly IReadOnlyList<DockerInstruction> Instructions = DockerfileReader.Read();

    private static DockerInstruction RestoreRun => Instructions.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("build/publish.sh --restore-only", StringComparison.Ordinal));

    private static DockerInstruction SourceCopy => Instructions.Single(i => i.Keyword == "COPY" && i.Arguments.StartsWith("src/ ", StringComparison.Ordinal));

    [Fact]
    public void BuildsOnTheSdkAndRunsOnTheChiseledAspnetImage()
    {
        var froms = Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ')[0]).ToList();

        Assert.True(froms.Count >= 2, "Expected a multi-stage build.");
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", froms[0]);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra", froms[^1]);
    }

    [Fact]
    public void RuntimeStageRunsAsTheNonRootAppUserOnPort8080()
    {
        var final = DockerfileReader.FinalStage(Instructions);

        var user = final.Last(i => i.Keyword == "USER").Arguments;
        Assert.Contains(user, new[] { "$APP_UID", "${APP_UID}", "1654", "app" });
        Assert.Contains(final, i => i.Keyword == "EXPOSE" && i.Arguments == "8080");
        Assert.Contains(final, i => i.Keyword == "ENV" && i.Arguments.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
        Assert.Equal("[\"./Feedback.Api\"]", final.Single(i => i.Keyword == "ENTRYPOINT").Arguments);
    }

    [Fact]
    public void SqliteDatabaseLivesOnTheDataVolume()
    {
        var final = DockerfileReader.FinalStage(Instructions);

        Assert.Contains(final, i => i.Keyword == "ENV" && i.Arguments.Contains("Feedback__Storage__Sqlite__Path=/data/feedback.db", StringComparison.Ordinal));
        Assert.Contains(final, i => i.Keyword == "VOLUME" && i.Arguments == "/data");
        // The non-root user can write /data only if the image hands it over (no shell to chown later).
        Assert.Contains(final, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build --chown=$APP_UID:$APP_UID", StringComparison.Ordinal));
    }

    [Fact]
    public void RestoreLayerCopiesOnlyProjectAndPropsFilesBeforeTheSource()
    {
        var restoreLayerCopies = Instructions.Where(i => i.Keyword == "COPY" && i.Index < RestoreRun.Index).ToList();

        Assert.True(RestoreRun.Index < SourceCopy.Index, "Restore must run before src/ is copied, or every code edit re-restores.");
        Assert.Contains(restoreLayerCopies, copy => DockerfileReader.CopySources(copy).SequenceEqual(["Directory.Build.props", "Directory.Packages.props", "global.json"]));
        Assert.All(restoreLayerCopies.SelectMany(DockerfileReader.CopySources), source =>
            Assert.True(source.EndsWith(".csproj", StringComparison.Ordinal) || source.EndsWith(".props", StringComparison.Ordinal)
                || source is "global.json" or "build/publish.sh", $"{source} in the restore layer invalidates its cache."));
    }

    [Fact]
    public void EveryProjectUnderSrcIsCopiedIntoTheRestoreLayer()
    {
        var inRepo = Directory.GetFiles(Repo.Combine("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repo.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        var copied = Instructions.Where(i => i.Keyword == "COPY" && i.Index < RestoreRun.Index)
            .SelectMany(DockerfileReader.CopySources)
            .Where(source => source.EndsWith(".csproj", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(inRepo, copied);
    }

    [Fact]
    public void ImageIsPublishedByTheSameScriptTheTestsRun()
    {
        var publishRun = Instructions.Single(i => i.Keyword == "RUN" && i.Arguments.StartsWith("build/publish.sh /app", StringComparison.Ordinal));

        Assert.True(SourceCopy.Index < publishRun.Index);
        Assert.Contains(Instructions, i => i.Keyword == "COPY" && i.Arguments == "build/publish.sh build/" && i.Index < RestoreRun.Index);
        Assert.Contains(DockerfileReader.FinalStage(Instructions), i => i.Keyword == "COPY" && i.Arguments == "--from=build /app .");
    }

    [Fact]
    public void DockerignoreKeepsBuildOutputsOutOfTheContext()
    {
        var ignored = File.ReadLines(Repo.Combine(".dockerignore")).Select(line => line.Trim().TrimEnd('/')).ToHashSet();

        Assert.All(new[] { "**/bin", "**/obj", "**/TestResults", ".git", "tests" }, pattern => Assert.Contains(pattern, ignored));
    }
}
