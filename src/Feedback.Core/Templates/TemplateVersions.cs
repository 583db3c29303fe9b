using System.Collections.Concurrent;
using Feedback.Core.Storage;

namespace Feedback.Core.Templates;

/// <summary>
/// Template versions as the answer pages need them for every answer, kept in this process without expiry. Always
/// correct, on any number of replicas: a stored version never changes — a replace and an archive each store the next
/// version, and nothing deletes one — so what was read for (id, version) is what every later read would return.
/// A version not found is not kept (the caller falls back to the current template).
/// </summary>
public sealed class TemplateVersions(ITemplateStore templates)
{
    // Past this many versions the cache starts over instead of growing.
    private const int MaxVersions = 10_000;

    private readonly ConcurrentDictionary<(string Id, int Version), SurveyTemplate> _kept = new();

    public async Task<SurveyTemplate?> GetAsync(string id, int version, CancellationToken ct = default)
    {
        if (_kept.TryGetValue((id, version), out var kept))
        {
            return kept;
        }
        var read = await templates.GetVersionAsync(id, version, ct);
        if (read is null)
        {
            return null;
        }
        if (_kept.Count >= MaxVersions)
        {
            _kept.Clear();
        }
        _kept[(id, version)] = read;
        return read;
    }
}
