using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Feedback.Deploy.Tests;

/// <summary>One setting the service binds, e.g. <c>Feedback:Dispatch:Lease</c>, with the property that receives it.</summary>
internal sealed record ServiceOption(string Key, PropertyInfo Property, object? Default)
{
    /// <summary>Feedback:Dispatch:Lease is set from the environment as Feedback__Dispatch__Lease.</summary>
    public string EnvironmentName => ServiceOptions.ToEnvironmentName(Key);

    public Type ValueType => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    public RangeAttribute? Range => Property.GetCustomAttribute<RangeAttribute>();
}

/// <summary>
/// The configuration keys of the service, read from its options classes: every class with a <c>SectionName</c> constant
/// in the host assembly or any Feedback assembly it references, and every public settable property of it (a property
/// whose type is itself a Feedback class is a sub-section). Found by reflection, so a new options class or property is
/// here as soon as it compiles.
/// </summary>
internal static class ServiceOptions
{
    public static IReadOnlyList<Assembly> Assemblies { get; } = LoadAssemblies();

    public static IReadOnlyList<ServiceOption> All { get; } = Assemblies
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false })
        .Select(type => (Type: type, Section: SectionName(type)))
        .Where(options => options.Section is not null)
        .SelectMany(options => Properties(options.Type, options.Section!, New(options.Type)))
        .OrderBy(option => option.Key, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlySet<string> Keys() => All.Select(option => option.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static string ToEnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    public static string FromEnvironmentName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    private static string? SectionName(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field
            ? field.GetRawConstantValue() as string
            : null;

    private static IEnumerable<ServiceOption> Properties(Type type, string section, object? instance) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            .SelectMany(property =>
            {
                var key = $"{section}:{property.Name}";
                var value = instance is null ? null : property.GetValue(instance);
                return IsSubSection(property.PropertyType)
                    ? Properties(property.PropertyType, key, value ?? New(property.PropertyType))
                    : [new ServiceOption(key, property, value)];
            });

    // The defaults are what a parameterless constructor leaves; without one there are none to compare.
    private static object? New(Type type) =>
        type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is { } constructor
            ? constructor.Invoke(null)
            : null;

    private static bool IsSubSection(Type type) =>
        type.IsClass && type != typeof(string) && Assemblies.Contains(type.Assembly);

    // The host and, transitively, every Feedback assembly it references; loaded by name, so no options type is named here.
    private static List<Assembly> LoadAssemblies()
    {
        var found = new List<Assembly>();
        var pending = new Queue<AssemblyName>([new AssemblyName("Feedback.Api")]);
        while (pending.TryDequeue(out var name))
        {
            if (found.Any(assembly => assembly.GetName().Name == name.Name))
            {
                continue;
            }

            var assembly = Assembly.Load(name);
            found.Add(assembly);
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("Feedback.", StringComparison.Ordinal) == true))
            {
                pending.Enqueue(reference);
            }
        }

        return found;
    }
}
