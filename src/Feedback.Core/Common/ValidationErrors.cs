namespace Feedback.Core.Common;

/// <summary>Errors per field (JSON path in camelCase, e.g. <c>content.en.subject</c>), the shape of a 400 Problem Details.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>How many messages have been added (to tell whether a step added any).</summary>
    public int Count => _errors.Values.Sum(v => v.Count);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public void AddRange(ValidationErrors other)
    {
        foreach (var (field, messages) in other._errors)
        {
            messages.ForEach(m => Add(field, m));
        }
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
