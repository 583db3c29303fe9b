using Feedback.Core.Common;

namespace Feedback.Core.Delivery;

/// <summary>The few fixed words of the e-mail that templates do not carry; English when a language is missing.</summary>
internal static class EmailStrings
{
    private static readonly Dictionary<string, string> UnsubscribeText = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Unsubscribe",
        ["sk"] = "Odhlásiť sa z odberu",
        ["cs"] = "Odhlásit odběr",
        ["pl"] = "Wypisz się",
        ["de"] = "Abmelden",
        ["fr"] = "Se désabonner",
        ["es"] = "Darse de baja",
        ["hu"] = "Leiratkozás",
        ["he"] = "הסרה מרשימת התפוצה",
        ["ar"] = "إلغاء الاشتراك",
    };

    public static string Unsubscribe(string locale) =>
        Locales.Fallbacks(locale).Select(l => UnsubscribeText.GetValueOrDefault(l)).FirstOrDefault(t => t is not null)
        ?? UnsubscribeText["en"];
}
