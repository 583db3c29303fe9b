using System.Text.Json;

namespace Feedback.Api.Hosting.OpenApi;

/// <summary>
/// The one spelling of an enum value on the wire, in bodies, query strings and routes alike: its camelCase name, matched
/// exactly (<c>nps</c>; not <c>NPS</c>, <c>Nps</c>, <c>0</c> or <c>"nps, csat"</c>). The OpenAPI document lists the same
/// names (<see cref="EnumSchemaTransformer"/>), so a client generated from it always sends one the service reads.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var (candidate, name) in Names<T>.All)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Every name of <typeparamref name="T"/>, for messages: "nps, csat or ces".</summary>
    public static string List<T>() where T : struct, Enum => List(Names<T>.All.Select(n => n.Name).ToList());

    /// <summary>Every name of <paramref name="type"/>, an enum, for messages.</summary>
    public static string List(Type type) => List(Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName).ToList());

    private static string List(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";

    private static class Names<T> where T : struct, Enum
    {
        public static readonly (T Value, string Name)[] All =
            Enum.GetValues<T>().Select(v => (v, JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))).ToArray();
    }
}
