namespace Feedback.Core.Common;

/// <summary>Errors per field (JSON path in camelCase, e.g. <c>content.en.subject</c>), the shape of a 400 Problem Details.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>How many messages have been added (to tell whether a step added any).</summary>
    public int Count => _errors.Values.Sum(v => v.Count);

    public void Add(string field, string message)
    {
        if (IsSettled(field))
        {
            return;
        }
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>
    /// Makes the messages of <paramref name="field"/> final: later ones for it, or for anything inside it
    /// (<c>customer.email</c> in <c>customer</c>, <c>events[2].id</c> in <c>events</c>), are dropped. A field whose value
    /// could not be read is settled after its one message, so checks that would only see it as missing add nothing.
    /// </summary>
    public void Settle(string field) => _settled.Add(field);

    public void AddRange(ValidationErrors other)
    {
        foreach (var (field, messages) in other._errors)
        {
            messages.ForEach(m => Add(field, m));
        }
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    // The field itself or a field it lies in: each prefix ending before a '.' or a '['.
    private bool IsSettled(string field)
    {
        if (_settled.Count == 0)
        {
            return false;
        }
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] is '.' or '[' && _settled.Contains(field[..i]))
            {
                return true;
            }
        }
        return _settled.Contains(field);
    }
}
