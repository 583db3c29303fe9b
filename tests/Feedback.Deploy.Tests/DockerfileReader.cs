namespace Feedback.Deploy.Tests;

/// <summary>One Dockerfile instruction, continuation lines joined, e.g. ("COPY", "src/ src/").</summary>
internal sealed record DockerInstruction(int Index, string Keyword, string Arguments);

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

    /// <summary>The instructions of the last stage (from its FROM on): what the running image is made of.</summary>
    public static IReadOnlyList<DockerInstruction> FinalStage(IReadOnlyList<DockerInstruction> all) =>
        all.Skip(all.Last(instruction => instruction.Keyword == "FROM").Index).ToList();

    /// <summary>The sources of a COPY (all words but flags and the destination).</summary>
    public static IReadOnlyList<string> CopySources(DockerInstruction copy) =>
        copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !word.StartsWith("--", StringComparison.Ordinal))
            .SkipLast(1)
            .ToList();
}
