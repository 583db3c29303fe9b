using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Feedback.Deploy.Tests;

/// <summary>
/// <c>docker build</c> without a daemon: each stage of the Dockerfile gets a directory standing for its root file system,
/// and its WORKDIR, ARG, ENV, SHELL, COPY (from the context through .dockerignore, or <c>--from</c> an earlier stage) and
/// RUN act on that directory as they would in the image. This machine stands in for the base images: RUN commands run
/// here, with the absolute paths they name moved into the stage's directory, and package installs (<c>apt-get</c>) are
/// skipped, so what they install (node and npm) must be here already. Ownership (<c>--chown</c>), VOLUME, EXPOSE and
/// USER change nothing on disk and are left to <see cref="DockerfileTests"/>.
/// </summary>
internal sealed partial class DockerBuildReplay(string workDir, IReadOnlyDictionary<string, string> buildArgs)
{
    private readonly Dictionary<string, ReplayedStage> stages = new(StringComparer.OrdinalIgnoreCase);
    private readonly DockerIgnore dockerIgnore = DockerIgnore.Load();

    /// <summary>The build arguments Docker itself defines for a build on and for this machine's architecture.</summary>
    public static IReadOnlyDictionary<string, string> PlatformArgs()
    {
        // Docker's names for the architectures .NET calls x64, arm64 and arm.
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "amd64",
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            System.Runtime.InteropServices.Architecture.Arm => "arm",
            var other => throw new PlatformNotSupportedException($"No Docker architecture name for {other}."),
        };
        return new Dictionary<string, string>
        {
            ["BUILDPLATFORM"] = $"linux/{arch}", ["BUILDOS"] = "linux", ["BUILDARCH"] = arch,
            ["TARGETPLATFORM"] = $"linux/{arch}", ["TARGETOS"] = "linux", ["TARGETARCH"] = arch,
        };
    }

    /// <summary>The RUN commands left out (package installs).</summary>
    public List<string> Skipped { get; } = [];

    public ReplayedStage this[string name] => stages[name];

    public async Task<ReplayedStage> BuildAsync(IReadOnlyList<DockerStage> dockerStages, TimeSpan runTimeout, CancellationToken cancellationToken)
    {
        ReplayedStage? last = null;
        foreach (var (stage, n) in dockerStages.Select((stage, n) => (stage, n)))
        {
            if (stages.ContainsKey(stage.Image))
            {
                throw new NotSupportedException($"FROM {stage.Image}: a stage built on another stage is not replayed yet.");
            }

            last = new ReplayedStage(Path.Combine(workDir, stage.Name ?? $"stage{n}"));
            Directory.CreateDirectory(last.Root);
            foreach (var instruction in stage.Instructions.Skip(1))
            {
                await ApplyAsync(last, instruction, runTimeout, cancellationToken);
            }

            stages[stage.Name ?? n.ToString(System.Globalization.CultureInfo.InvariantCulture)] = last;
        }

        return last ?? throw new InvalidDataException("The Dockerfile has no FROM.");
    }

    private async Task ApplyAsync(ReplayedStage stage, DockerInstruction instruction, TimeSpan runTimeout, CancellationToken cancellationToken)
    {
        switch (instruction.Keyword)
        {
            case "WORKDIR":
                stage.WorkDir = instruction.Arguments.StartsWith('/') ? instruction.Arguments : $"{stage.WorkDir.TrimEnd('/')}/{instruction.Arguments}";
                Directory.CreateDirectory(stage.Map(stage.WorkDir));
                break;
            case "ARG":
                foreach (var (name, fallback) in instruction.Pairs())
                {
                    stage.Args[name] = buildArgs.GetValueOrDefault(name) ?? fallback ?? "";
                }

                break;
            case "ENV":
                foreach (var (name, value) in instruction.Pairs())
                {
                    stage.Env[name] = value ?? throw new NotSupportedException($"ENV {instruction.Arguments}: write ENV KEY=value.");
                }

                break;
            case "SHELL":
                stage.Shell = instruction.JsonArray();
                break;
            case "COPY":
                Copy(stage, instruction);
                break;
            case "RUN":
                await RunAsync(stage, instruction.Arguments, runTimeout, cancellationToken);
                break;
            case "ADD" or "ONBUILD":
                throw new NotSupportedException($"{instruction.Keyword} is not replayed; use COPY.");
            case "ENTRYPOINT":
                stage.Entrypoint = instruction.JsonArray();
                break;
            default:
                // EXPOSE, VOLUME, USER, LABEL, CMD, HEALTHCHECK, STOPSIGNAL: image metadata only.
                break;
        }
    }

    private void Copy(ReplayedStage stage, DockerInstruction copy)
    {
        var operands = copy.Operands;
        if (operands.Count < 2 || operands.Any(word => word.IndexOfAny(['*', '?', '$']) >= 0))
        {
            throw new NotSupportedException($"COPY {copy.Arguments}: only literal sources and a destination are replayed.");
        }

        var sources = operands.SkipLast(1).ToList();
        var destination = operands[^1];
        var into = destination.EndsWith('/') || destination is "." or ".." || sources.Count > 1;
        if (sources.Count > 1 && !destination.EndsWith('/'))
        {
            throw new InvalidDataException($"COPY {copy.Arguments}: with several sources the destination must end in '/'.");
        }

        var from = copy.Flags.GetValueOrDefault("from");
        foreach (var source in sources)
        {
            var (path, ignored) = from is null
                ? (Path.Combine(Repo.Root, source.Trim('/')), (Func<string, bool>)(p => dockerIgnore.IsIgnored(Path.GetRelativePath(Repo.Root, p))))
                : (stages[from].Map(source.StartsWith('/') ? source : "/" + source), _ => false);
            var target = stage.Map(destination);
            if (Directory.Exists(path))
            {
                CopyDirectory(path, target, ignored);
            }
            else if (File.Exists(path) && !ignored(path))
            {
                var file = into ? Path.Combine(target, Path.GetFileName(path)) : target;
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.Copy(path, file, overwrite: true);
            }
            else
            {
                throw new FileNotFoundException($"COPY {copy.Arguments}: {source} is not in the {(from is null ? "build context" : $"stage {from}")}.", path);
            }
        }
    }

    private void CopyDirectory(string source, string target, Func<string, bool> ignored)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            if (!ignored(file))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            // A directory left out is left out whole, unless a '!' line could bring part of it back.
            if (!ignored(directory) || dockerIgnore.HasExceptions)
            {
                CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)), ignored);
            }
        }
    }

    private async Task RunAsync(ReplayedStage stage, string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (command.StartsWith('['))
        {
            throw new NotSupportedException($"RUN {command}: the exec form is not replayed; write a shell command.");
        }

        if (command.StartsWith("apt-get ", StringComparison.Ordinal))
        {
            Skipped.Add(command);
            return;
        }

        var start = new ProcessStartInfo(stage.Shell[0]) { WorkingDirectory = stage.Map(stage.WorkDir) };
        foreach (var argument in stage.Shell.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(AbsolutePath().Replace(command, match => stage.Root + match.Value));
        // This machine's environment stands in for the SDK image's (PATH, HOME, the NuGet and npm caches), without what
        // `dotnet test` set for itself: MSBuild variables would steer the nested build.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in stage.Args.Concat(stage.Env))
        {
            start.Environment[name] = value;
        }

        var (exitCode, output) = await ChildProcess.RunAsync(start, timeout, cancellationToken);
        Assert.True(exitCode == 0, $"RUN {command}\nfailed ({exitCode}):\n{output}");
    }

    // An absolute path in a shell command: a slash that starts a word (or follows '=') and is followed by a name.
    [GeneratedRegex(@"(?<=^|[\s=])/(?=[\w.])")]
    private static partial Regex AbsolutePath();
}

/// <summary>A replayed stage: its root directory, working directory and environment.</summary>
internal sealed class ReplayedStage(string root)
{
    public string Root { get; } = root;

    public string WorkDir { get; set; } = "/";

    public Dictionary<string, string> Args { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Shell { get; set; } = ["/bin/sh", "-c"];

    public IReadOnlyList<string> Entrypoint { get; set; } = [];

    /// <summary>A path inside the image (absolute, or relative to WORKDIR) as a path on this machine.</summary>
    public string Map(string path)
    {
        var absolute = path.StartsWith('/') ? path : $"{WorkDir.TrimEnd('/')}/{path}";
        return Path.GetFullPath(Path.Combine(Root, absolute.TrimStart('/')));
    }
}
