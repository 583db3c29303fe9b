using System.Text.Json;

namespace Feedback.Deploy.Tests;

/// <summary>One Dockerfile instruction, continuation lines joined, e.g. ("COPY", "--link src/ src/").</summary>
internal sealed record DockerInstruction(int Index, string Keyword, string Arguments)
{
    private string[] Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The leading <c>--name=value</c> flags (<c>--link</c> has the value "").</summary>
    public IReadOnlyDictionary<string, string> Flags =>
        Words.TakeWhile(word => word.StartsWith("--", StringComparison.Ordinal))
            .Select(word => word[2..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : "", StringComparer.Ordinal);

    /// <summary>The arguments after the flags, split at spaces.</summary>
    public IReadOnlyList<string> Operands => Words.SkipWhile(word => word.StartsWith("--", StringComparison.Ordinal)).ToList();

    /// <summary>The exec (JSON array) form of ENTRYPOINT, CMD, SHELL or RUN.</summary>
    public IReadOnlyList<string> JsonArray() =>
        JsonSerializer.Deserialize<string[]>(Arguments)
        ?? throw new InvalidDataException($"{Keyword} {Arguments} is not a JSON array.");

    /// <summary>The <c>KEY=value</c> pairs of ENV or ARG (values without spaces or quotes, as this Dockerfile writes them).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Pairs() =>
        Words.Select(word => word.Split('=', 2))
            .Select(pair => KeyValuePair.Create(pair[0], pair.Length == 2 ? pair[1] : null))
            .ToList();
}

/// <summary>One build stage: its FROM (image, optional --platform and name) and the instructions up to the next FROM.</summary>
internal sealed record DockerStage(string Image, string? Platform, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> Where(string keyword) => Instructions.Where(i => i.Keyword == keyword);
}

/// <summary>The repository's Dockerfile as a list of instructions (comments and parser directives dropped).</summary>
internal static class DockerfileReader
{
    public static IReadOnlyList<DockerInstruction> Read()
    {
        var instructions = new List<DockerInstruction>();
        var pending = "";
        foreach (var raw in File.ReadLines(Repo.Combine("Dockerfile")))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var text = (pending + line).Trim();
            pending = "";
            var space = text.IndexOf(' ');
            instructions.Add(new DockerInstruction(
                instructions.Count,
                (space < 0 ? text : text[..space]).ToUpperInvariant(),
                space < 0 ? "" : text[(space + 1)..].Trim()));
        }

        return instructions;
    }

    public static IReadOnlyList<DockerStage> Stages(IReadOnlyList<DockerInstruction> all)
    {
        var stages = new List<DockerStage>();
        var froms = all.Where(i => i.Keyword == "FROM").ToList();
        for (var n = 0; n < froms.Count; n++)
        {
            var from = froms[n];
            var end = n + 1 < froms.Count ? froms[n + 1].Index : all.Count;
            var operands = from.Operands;
            var name = operands.Count == 3 && operands[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? operands[2] : null;
            stages.Add(new DockerStage(
                operands[0],
                from.Flags.GetValueOrDefault("platform"),
                name,
                all.Skip(from.Index).Take(end - from.Index).ToList()));
        }

        return stages;
    }

    /// <summary>The instructions of the last stage (from its FROM on): what the running image is made of.</summary>
    public static IReadOnlyList<DockerInstruction> FinalStage(IReadOnlyList<DockerInstruction> all) => Stages(all)[^1].Instructions;

    /// <summary>The sources of a COPY (all operands but the destination).</summary>
    public static IReadOnlyList<string> CopySources(DockerInstruction copy) => copy.Operands.SkipLast(1).ToList();
}
