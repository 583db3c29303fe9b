using Feedback.Core.Common;
using Feedback.Core.Templates;

namespace Feedback.Api.Hosting.Demo;

/// <summary>The three demo templates (NPS after delivery, CSAT and CES after a resolved ticket) in en, sk, pl and he.</summary>
public static class DemoTemplates
{
    public static IReadOnlyList<SurveyTemplate> Create(DateTimeOffset at) =>
    [
        New(at.AddMilliseconds(1), "Relationship NPS after delivery", SurveyKind.Nps, "order.delivered", WithReasons(6, new Dictionary<string, LocaleContent>
        {
            ["en"] = new("How likely are you to recommend us, {{ customer.name }}?", "How likely are you to recommend us to a friend or colleague?",
                "Not at all likely", "Extremely likely", "What is the main reason for your score?", "Thank you!"),
            ["sk"] = new("Odporučili by ste nás, {{ customer.name }}?", "Ako pravdepodobne by ste nás odporučili priateľovi alebo kolegovi?",
                "Vôbec nie", "Určite áno", "Čo je hlavným dôvodom vášho hodnotenia?", "Ďakujeme!"),
            ["pl"] = new("Czy poleciłbyś nas, {{ customer.name }}?", "Jak prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?",
                "Zdecydowanie nie", "Zdecydowanie tak", "Jaki jest główny powód Twojej oceny?", "Dziękujemy!"),
            ["he"] = new("האם תמליצו עלינו, {{ customer.name }}?", "עד כמה סביר שתמליצו עלינו לחבר או לעמית?",
                "בכלל לא סביר", "סביר מאוד", "מה הסיבה העיקרית לציון שנתתם?", "תודה רבה!"),
        })),
        New(at.AddMilliseconds(2), "Post-resolution CSAT", SurveyKind.Csat, "ticket.resolved", WithReasons(2, new Dictionary<string, LocaleContent>
        {
            ["en"] = new("How did we do with {{ subject.id }}?", "How satisfied are you with the resolution of {{ subject.id }}?",
                "Very unsatisfied", "Very satisfied", "What could we do better?", "Thank you!"),
            ["sk"] = new("Ako sme zvládli {{ subject.id }}?", "Ako ste spokojní s vyriešením {{ subject.id }}?",
                "Veľmi nespokojný", "Veľmi spokojný", "Čo by sme mohli zlepšiť?", "Ďakujeme!"),
            ["pl"] = new("Jak nam poszło z {{ subject.id }}?", "Jak bardzo jesteś zadowolony z rozwiązania {{ subject.id }}?",
                "Bardzo niezadowolony", "Bardzo zadowolony", "Co moglibyśmy poprawić?", "Dziękujemy!"),
            ["he"] = new("איך טיפלנו ב-{{ subject.id }}?", "עד כמה אתם מרוצים מהפתרון של {{ subject.id }}?",
                "מאוד לא מרוצה", "מאוד מרוצה", "מה נוכל לשפר?", "תודה רבה!"),
        })),
        New(at.AddMilliseconds(3), "Support effort (CES)", SurveyKind.Ces, "ticket.resolved", new Dictionary<string, LocaleContent>
        {
            ["en"] = new("Was it easy to get help?", "The company made it easy for me to handle my issue.",
                "Strongly disagree", "Strongly agree", "What made it hard or easy?", "Thank you!"),
            ["sk"] = new("Bolo ľahké získať pomoc?", "Spoločnosť mi uľahčila vyriešenie môjho problému.",
                "Úplne nesúhlasím", "Úplne súhlasím", "Čo bolo ťažké alebo ľahké?", "Ďakujeme!"),
            ["pl"] = new("Czy łatwo było uzyskać pomoc?", "Firma ułatwiła mi załatwienie mojej sprawy.",
                "Zdecydowanie się nie zgadzam", "Zdecydowanie się zgadzam", "Co było trudne, a co łatwe?", "Dziękujemy!"),
            ["he"] = new("האם היה קל לקבל עזרה?", "החברה הקלה עליי לטפל בבעיה שלי.",
                "מאוד לא מסכים", "מסכים מאוד", "מה היה קשה או קל?", "תודה רבה!"),
        }),
    ];

    private static readonly Dictionary<string, Dictionary<string, string>> ReasonLabels = new()
    {
        ["en"] = new() { ["slow_response"] = "The answer took too long", ["not_solved"] = "My problem is not solved", ["rude"] = "I was treated rudely" },
        ["sk"] = new() { ["slow_response"] = "Odpoveď trvala príliš dlho", ["not_solved"] = "Môj problém nie je vyriešený", ["rude"] = "Správali sa ku mne neslušne" },
        ["pl"] = new() { ["slow_response"] = "Odpowiedź trwała zbyt długo", ["not_solved"] = "Mój problem nie został rozwiązany", ["rude"] = "Potraktowano mnie niegrzecznie" },
        ["he"] = new() { ["slow_response"] = "התשובה לקחה יותר מדי זמן", ["not_solved"] = "הבעיה שלי לא נפתרה", ["rude"] = "התייחסו אליי בגסות" },
    };

    /// <summary>The content with the reason labels in each of its languages, and the reasons asked up to <paramref name="maxScore"/>.</summary>
    private static (Dictionary<string, LocaleContent> Content, TemplateReasons Reasons) WithReasons(int maxScore, Dictionary<string, LocaleContent> content) =>
        (content.ToDictionary(c => c.Key, c => c.Value with { ReasonLabels = ReasonLabels[c.Key] }),
         new TemplateReasons(maxScore, ["slow_response", "not_solved", "rude"]));

    private static SurveyTemplate New(
        DateTimeOffset at, string name, SurveyKind kind, string trigger, (Dictionary<string, LocaleContent> Content, TemplateReasons Reasons) asked) =>
        New(at, name, kind, trigger, asked.Content) with { Reasons = asked.Reasons };

    private static SurveyTemplate New(DateTimeOffset at, string name, SurveyKind kind, string trigger, Dictionary<string, LocaleContent> content) => new()
    {
        Id = Ids.New("tpl", at),
        Version = 1,
        Status = TemplateStatus.Active,
        Name = name,
        Kind = kind,
        Trigger = trigger,
        Delay = IsoDuration.Parse("PT24H"),
        ExpiresAfter = IsoDuration.Parse("P14D"),
        DefaultLocale = "en",
        Content = content,
        CreatedAt = at,
        UpdatedAt = at,
    };
}
