using System.ComponentModel.DataAnnotations;
using MongoDB.Driver;

namespace Feedback.Storage.MongoDb;

/// <summary>Settings of the MongoDB store (section <c>Feedback:Storage:MongoDb</c>).</summary>
public sealed class MongoStorageOptions : IValidatableObject
{
    public const string SectionName = "Feedback:Storage:MongoDb";

    /// <summary>How long start-up and each operation wait for a reachable server unless the connection string sets <c>serverSelectionTimeoutMS</c>.</summary>
    public static readonly TimeSpan DefaultServerSelectionTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A <c>mongodb://</c> or <c>mongodb+srv://</c> connection string; a replica set is recommended.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feedback:Storage:MongoDb:ConnectionString is required when Feedback:Storage:Provider is mongodb")]
    public string? ConnectionString { get; set; }

    /// <summary>The database that holds the collections; created on first write.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feedback:Storage:MongoDb:Database must not be empty")]
    [RegularExpression(@"^[^/\\. ""$*<>:|?]{1,63}$", ErrorMessage = "Feedback:Storage:MongoDb:Database must be 1–63 characters without /\\. \"$*<>:|?")]
    public string Database { get; set; } = "feedback";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(ConnectionString) && !IsParsable(ConnectionString))
        {
            // The driver's own message quotes the whole string, password included, so it is not passed on.
            yield return new ValidationResult(
                "Feedback:Storage:MongoDb:ConnectionString is not a valid MongoDB connection string (mongodb://host:port/… or mongodb+srv://…)",
                [nameof(ConnectionString)]);
        }
    }

    private static bool IsParsable(string connectionString)
    {
        try
        {
            _ = MongoUrl.Create(connectionString);
            return true;
        }
        catch (Exception e) when (e is MongoConfigurationException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Client settings from the connection string, with a short server selection timeout so start-up fails fast.</summary>
    internal MongoClientSettings ToClientSettings()
    {
        var url = MongoUrl.Create(ConnectionString);
        var settings = MongoClientSettings.FromUrl(url);
        // MongoUrl reports the driver's 30 s default when the option is absent, so only the text tells an explicit value apart.
        if (!ConnectionString!.Contains("serverSelectionTimeoutMS=", StringComparison.OrdinalIgnoreCase))
        {
            settings.ServerSelectionTimeout = DefaultServerSelectionTimeout;
        }
        return settings;
    }
}
