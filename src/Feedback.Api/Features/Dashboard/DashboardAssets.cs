using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Feedback.Api.Features.Dashboard;

public sealed record DashboardAsset(string Name, byte[] Content, string ContentType, string ETag);

/// <summary>The dashboard's files, embedded in this assembly by the build (the chart library is copied there from npm).</summary>
public static class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, DashboardAsset> All = Load().ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    public static DashboardAsset Page { get; } = All["index.html"];

    public static DashboardAsset? Find(string name) => All.GetValueOrDefault(name);

    private static IEnumerable<DashboardAsset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            yield return new DashboardAsset(name, content, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }
    }
}
