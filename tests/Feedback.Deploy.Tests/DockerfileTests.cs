namespace Feedback.Deploy.Tests;

/// <summary>The Dockerfile's lines; <see cref="ImageBuildTests"/> runs them.</summary>
public sealed class DockerfileTests
{
    private static readonly IReadOnlyList<DockerInstruction> Instructions = DockerfileReader.Read();
    private static readonly IReadOnlyList<DockerStage> Stages = DockerfileReader.Stages(Instructions);

    private static DockerStage Build => Stages[0];

    private static DockerStage Final => Stages[^1];

    private static DockerInstruction RestoreRun => Build.Where("RUN").Single(i => i.Arguments.StartsWith("dotnet restore ", StringComparison.Ordinal));

    private static DockerInstruction PublishRun => Build.Where("RUN").Single(i => i.Arguments.StartsWith("dotnet publish ", StringComparison.Ordinal));

    private static DockerInstruction SourceCopy => Build.Where("COPY").Single(i => i.Operands.SequenceEqual(["src/", "src/"]));

    [Fact]
    public void BuildsOnTheSdkAndRunsOnTheChiseledAspnetImage()
    {
        Assert.True(Stages.Count >= 2, "Expected a multi-stage build.");
        Assert.Equal(("mcr.microsoft.com/dotnet/sdk:10.0", "build"), (Build.Image, Build.Name));
        // The -extra variant carries tzdata and ICU: send windows need IANA time zones, pages need culture data.
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra", Final.Image);
    }

    [Fact]
    public void SdkStageRunsOnTheBuildPlatformAndPublishesForTheTargetArchitecture()
    {
        Assert.Equal("$BUILDPLATFORM", Build.Platform);
        Assert.Contains(Build.Instructions, i => i.Keyword == "ARG" && i.Arguments == "TARGETARCH");
        Assert.All([RestoreRun, PublishRun], run => Assert.Contains(" -a $TARGETARCH ", run.Arguments, StringComparison.Ordinal));
        // The runtime image is the target platform's own: no --platform there.
        Assert.Null(Final.Platform);
    }

    [Fact]
    public void RestoreAndPublishAreWrittenInTheDockerfile()
    {
        const string project = "src/Feedback.Api/Feedback.Api.csproj";

        Assert.EndsWith(" " + project, RestoreRun.Arguments, StringComparison.Ordinal);
        Assert.Contains(" --no-restore ", PublishRun.Arguments, StringComparison.Ordinal);
        Assert.Contains(" -o /app ", PublishRun.Arguments, StringComparison.Ordinal);
        Assert.Contains(" " + project, PublishRun.Arguments, StringComparison.Ordinal);
        Assert.True(SourceCopy.Index < PublishRun.Index);
        // Nothing hides a step in a script: the build stage copies no script and runs none.
        Assert.DoesNotContain(Build.Where("COPY").SelectMany(DockerfileReader.CopySources), source => source.EndsWith(".sh", StringComparison.Ordinal));
        Assert.DoesNotContain(Build.Where("RUN"), run => run.Arguments.Contains(".sh", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Repo.Combine("build")), "build/ held the publish script the Dockerfile no longer uses.");
    }

    [Fact]
    public void EveryCopyIsLinkedSoItsLayerDoesNotDependOnTheLayersBelow()
    {
        Assert.All(Instructions.Where(i => i.Keyword == "COPY"), copy => Assert.True(copy.Flags.ContainsKey("link"), $"COPY {copy.Arguments} without --link"));
    }

    [Fact]
    public void RuntimeStageRunsAsTheNonRootAppUserOnPort8080()
    {
        var user = Final.Where("USER").Last().Arguments;
        Assert.Contains(user, new[] { "$APP_UID", "${APP_UID}", "1654", "app" });
        Assert.Contains(Final.Instructions, i => i.Keyword == "EXPOSE" && i.Arguments == "8080");
        Assert.Contains(Final.Instructions, i => i.Keyword == "ENV" && i.Pairs().Contains(KeyValuePair.Create("ASPNETCORE_HTTP_PORTS", (string?)"8080")));
        Assert.Equal(["./Feedback.Api"], Final.Where("ENTRYPOINT").Single().JsonArray());
        // A chiseled image has no shell: a RUN there would fail the build.
        Assert.Empty(Final.Where("RUN"));
    }

    [Fact]
    public void SqliteDatabaseAndBackupsLiveOnTheDataVolume()
    {
        var env = Final.Where("ENV").SelectMany(i => i.Pairs()).ToDictionary(pair => pair.Key, pair => pair.Value);

        Assert.Equal("/data/feedback.db", env.GetValueOrDefault("Feedback__Storage__Sqlite__Path"));
        // The service's own default (data/backups under /app) is on the read-only image, not the volume.
        Assert.Equal("/data/backups", env.GetValueOrDefault("Feedback__Storage__Sqlite__BackupDirectory"));
        Assert.Contains(Final.Instructions, i => i.Keyword == "VOLUME" && i.Arguments == "/data");
        // The non-root user can write /data only if the image hands it over (no shell to chown later).
        Assert.Contains(Final.Where("COPY"), copy =>
            copy.Flags.GetValueOrDefault("from") == "build" && copy.Flags.GetValueOrDefault("chown") == "$APP_UID:$APP_UID" && copy.Operands[^1] == "/");
        Assert.Contains("mkdir -p /rootfs/data", PublishRun.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void RestoreLayerCopiesOnlyProjectAndPropsFilesBeforeTheSource()
    {
        var restoreLayerCopies = Build.Where("COPY").Where(i => i.Index < RestoreRun.Index).ToList();

        Assert.True(RestoreRun.Index < SourceCopy.Index, "Restore must run before src/ is copied, or every code edit re-restores.");
        Assert.Contains(restoreLayerCopies, copy => DockerfileReader.CopySources(copy).SequenceEqual(["Directory.Build.props", "Directory.Packages.props", "global.json"]));
        Assert.All(restoreLayerCopies.SelectMany(DockerfileReader.CopySources), source =>
            Assert.True(source.EndsWith(".csproj", StringComparison.Ordinal) || source.EndsWith(".props", StringComparison.Ordinal)
                || source is "global.json", $"{source} in the restore layer invalidates its cache."));
    }

    [Fact]
    public void EveryProjectUnderSrcIsCopiedIntoTheRestoreLayer()
    {
        var inRepo = Directory.GetFiles(Repo.Combine("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repo.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        var copied = Build.Where("COPY").Where(i => i.Index < RestoreRun.Index)
            .SelectMany(DockerfileReader.CopySources)
            .Where(source => source.EndsWith(".csproj", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(inRepo, copied);
    }

    [Fact]
    public void ImageTakesThePublishOutputOfTheBuildStage()
    {
        Assert.Contains(Final.Where("COPY"), copy => copy.Flags.GetValueOrDefault("from") == "build" && copy.Operands.SequenceEqual(["/app", "."]));
        Assert.Equal("/app", Final.Where("WORKDIR").Last().Arguments);
    }

    [Theory]
    [InlineData("src/Feedback.Api/bin/Release/net10.0/Feedback.Api.dll")]
    [InlineData("src/Feedback.Core/obj/project.assets.json")]
    [InlineData("src/Feedback.Api/Features/Dashboard/node_modules/chart.js/package.json")]
    [InlineData("src/Feedback.Api/Features/Dashboard/assets/chart.umd.min.js")]
    [InlineData("src/Feedback.Core/Themes/Languages/node_modules/dictionary-pl/index.dic")]
    [InlineData("tests/Feedback.Deploy.Tests/DockerfileTests.cs")]
    [InlineData(".git/HEAD")]
    [InlineData("data/feedback.db")]
    public void DockerignoreKeepsBuildOutputsAndNonImageFilesOutOfTheContext(string path)
    {
        Assert.True(DockerIgnore.Load().IsIgnored(path), $"{path} would be sent to the Docker build.");
    }

    [Theory]
    [InlineData("Directory.Build.props")]
    [InlineData("global.json")]
    [InlineData("src/Feedback.Api/Feedback.Api.csproj")]
    [InlineData("src/Feedback.Api/Features/Dashboard/package-lock.json")]
    [InlineData("src/Feedback.Api/Features/Dashboard/assets/dashboard.js")]
    [InlineData("src/Feedback.Core/Themes/Languages/package-lock.json")]
    public void DockerignoreKeepsWhatTheBuildNeeds(string path)
    {
        Assert.False(DockerIgnore.Load().IsIgnored(path), $"{path} is needed by the Docker build but left out of the context.");
    }
}
