using Feedback.Core.Scoring;
using Feedback.Core.Surveys;
using Feedback.Core.Templates;

namespace Feedback.Api.Hosting.Demo;

/// <summary>
/// One generated survey: sent by e-mail (<see cref="SentAt"/> set) and answered or not (<see cref="Score"/> null), or an
/// answer collected elsewhere (<see cref="SentAt"/> null, <see cref="Channel"/> phone, chat …).
/// </summary>
public sealed record DemoItem(
    int Number, SurveyTemplate Template, Customer Customer, string SubjectId, IReadOnlyDictionary<string, string> Properties,
    string Channel, DateTimeOffset? SentAt, int? Score, string? Comment, DateTimeOffset AnsweredAt)
{
    /// <summary>
    /// The reasons a low answer was given with, when its template asks for them: from its properties and number, not the
    /// random stream, so adding them left every other demo value as it was.
    /// </summary>
    public IReadOnlyList<string> Reasons => Score is { } score && Template.Reasons is { } asked && asked.Asks(score)
        ? asked.Keep(score, DemoGenerator.ReasonsOf(Number, Properties))
        : [];
}

/// <summary>
/// A deterministic, plausible history: every answer's score comes from its agent, category, product, resolution time and
/// a slow improvement over the period, plus noise, so breakdowns and trends show something to find.
/// </summary>
public sealed class DemoGenerator(DemoOptions options, IReadOnlyList<SurveyTemplate> templates, DateTimeOffset now)
{
    public const int RandomSeed = 20261123;

    private static readonly string[] Agents = ["maria", "jan", "ewa", "david", "noa", "peter", "zuzana", "tomasz", "lucia", "avi"];
    private static readonly (string Name, double Effect)[] Categories =
        [("delivery", -0.06), ("billing", 0.02), ("returns", -0.03), ("technical", -0.01), ("account", 0.04)];
    private static readonly (string Name, double Effect)[] Products = [("X1", 0.02), ("X2", -0.02), ("Pro", 0.05), ("Lite", -0.04), ("Cloud", 0)];
    private static readonly string[] ElsewhereChannels = ["phone", "chat", "web", "in_person"];
    private static readonly string[][] Names = [["Alex", "Sam", "Kate"], ["Ján", "Zuzana", "Peter"], ["Kasia", "Tomasz", "Ewa"], ["נועה", "אבי", "דוד"]];
    private const int Customers = 4000;
    private const double ElsewhereShare = 0.25;
    private const double UnansweredPerAnswer = 0.8;

    public IEnumerable<DemoItem> Items()
    {
        var random = new Random(RandomSeed);
        var span = TimeSpan.FromDays(options.Days);
        for (var i = 0; i < options.Answers; i++)
        {
            var progress = (i + random.NextDouble()) / options.Answers;
            var answeredAt = now - span + span * progress;
            var template = templates[random.NextDouble() switch { < 0.35 => 0, < 0.75 => 1, _ => 2 }];
            var customer = NewCustomer(random.Next(Customers));
            var properties = NewProperties(random, template.Kind);
            var score = Score(random, template.Kind, properties, progress);
            var comment = random.NextDouble() < CommentChance(template.Kind, score)
                ? DemoComments.Pick(random, customer.Locale!, Band(template.Kind, score))
                : null;
            var subject = template.Kind == SurveyKind.Nps ? $"order-{100000 + i}" : $"ticket-{100000 + i}";
            if (random.NextDouble() < ElsewhereShare)
            {
                var channel = ElsewhereChannels[random.Next(ElsewhereChannels.Length)];
                yield return new(i, template, customer, subject, properties, channel, null, score, comment, answeredAt);
                continue;
            }
            var sentAt = answeredAt - TimeSpan.FromMinutes(10 + random.Next(2 * 24 * 60));
            yield return new(i, template, customer, subject, properties, "email", sentAt, score, comment, answeredAt);
            if (random.NextDouble() < UnansweredPerAnswer)
            {
                var other = NewCustomer(random.Next(Customers));
                yield return new(i, template, other, $"{subject}-b", NewProperties(random, template.Kind), "email", sentAt, null, null, sentAt);
            }
        }
    }

    private static Customer NewCustomer(int n)
    {
        // 40 % English, 25 % Slovak, 20 % Polish, 15 % Hebrew.
        var language = (n % 20) switch { < 8 => 0, < 13 => 1, < 17 => 2, _ => 3 };
        var locale = DemoComments.Locales[language];
        return new Customer($"demo-c-{n:D4}", $"customer{n:D4}@example.com", Names[language][n % 3], locale, null);
    }

    private static Dictionary<string, string> NewProperties(Random random, SurveyKind kind)
    {
        var properties = new Dictionary<string, string>
        {
            ["agent"] = Agents[random.Next(Agents.Length)],
            ["category"] = Categories[random.Next(Categories.Length)].Name,
            ["product"] = Products[random.Next(Products.Length)].Name,
        };
        if (kind != SurveyKind.Nps)
        {
            // Long-tailed like real support queues: most tickets close within a day, some take weeks.
            var hours = (int)Math.Round(Math.Clamp(Math.Exp(Math.Log(12) + 1.1 * Gaussian(random)), 1, 500));
            properties[ResolutionTime.HoursProperty] = hours.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // The bucket the scheduler derives for events that carry resolutionHours.
            properties[ResolutionTime.Property] = ResolutionTime.Bucket(hours);
        }
        return properties;
    }

    private static int Score(Random random, SurveyKind kind, Dictionary<string, string> properties, double progress)
    {
        var quality = kind switch { SurveyKind.Nps => 0.78, SurveyKind.Csat => 0.74, _ => 0.70 }
            + (Array.IndexOf(Agents, properties["agent"]) % 5 - 2) * 0.03
            + Categories.First(c => c.Name == properties["category"]).Effect
            + Products.First(p => p.Name == properties["product"]).Effect
            + (progress - 0.5) * 0.1
            + ResolutionEffect(properties)
            + 0.2 * Gaussian(random);
        var (min, max) = kind.Range();
        return Math.Clamp((int)Math.Round(min + quality * (max - min)), min, max);
    }

    private static double ResolutionEffect(Dictionary<string, string> properties) =>
        !properties.TryGetValue(ResolutionTime.Property, out var bucket) ? 0 : Array.IndexOf(ResolutionTime.Buckets, bucket) switch
        {
            0 => 0.06,
            1 => 0.02,
            2 => -0.04,
            _ => -0.1,
        };

    /// <summary>Slow tickets were slow, deliveries and returns often not solved, a few were rude; one in five gives none.</summary>
    public static IEnumerable<string> ReasonsOf(int number, IReadOnlyDictionary<string, string> properties)
    {
        if (number % 5 == 0)
        {
            yield break;
        }
        if (properties.GetValueOrDefault(ResolutionTime.Property) is { } bucket && Array.IndexOf(ResolutionTime.Buckets, bucket) >= 2 || number % 3 == 0)
        {
            yield return "slow_response";
        }
        if (properties.GetValueOrDefault("category") is "delivery" or "returns" || number % 4 == 1)
        {
            yield return "not_solved";
        }
        if (number % 7 == 2)
        {
            yield return "rude";
        }
    }

    /// <summary>0 low (NPS detractor, CSAT 1–2, CES 1–3), 1 middling, 2 high.</summary>
    public static int Band(SurveyKind kind, int score) => kind switch
    {
        SurveyKind.Nps => score <= 6 ? 0 : score <= 8 ? 1 : 2,
        SurveyKind.Csat => score <= 2 ? 0 : score == 3 ? 1 : 2,
        _ => score <= 3 ? 0 : score <= 5 ? 1 : 2,
    };

    // Unhappy customers write more often.
    private static double CommentChance(SurveyKind kind, int score) => Band(kind, score) switch { 0 => 0.55, 1 => 0.25, _ => 0.3 };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
