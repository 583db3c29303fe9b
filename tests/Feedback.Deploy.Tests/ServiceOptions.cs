using System.Reflection;

namespace Feedback.Deploy.Tests;

/// <summary>The configuration keys the service binds: every public settable property of an options class with a <c>SectionName</c>.</summary>
public static class ServiceOptions
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Feedback.Api.Operations.FeedbackOptions).Assembly,
        typeof(Feedback.Storage.Sqlite.SqliteStorageOptions).Assembly,
        typeof(Feedback.Storage.MongoDb.MongoStorageOptions).Assembly,
        typeof(Feedback.Email.SendGrid.SendGridOptions).Assembly,
    ];

    public static IReadOnlySet<string> Keys() =>
        Assemblies.SelectMany(a => a.GetExportedTypes())
            .Select(t => (Type: t, Section: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null)
            .SelectMany(t => t.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => $"{t.Section}:{p.Name}"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
