using Feedback.Core.Common;
using Microsoft.Net.Http.Headers;

namespace Feedback.Api.Features.Answers;

/// <summary>
/// The fixed words of the customer pages, by language. Templates may override <see cref="ThankYou"/> and
/// <see cref="CommentPrompt"/> (<c>thankYou</c>, <c>commentPrompt</c>); everything else is ours. Placeholders are
/// <c>string.Format</c> indexes.
/// </summary>
internal sealed record PageStrings(
    string Title,
    string ThankYou,
    string CommentPrompt,
    string Send,
    string YourScore,
    string Saved,
    string NotFound,
    string Expired,
    string BadScore,
    string CommentTooLong,
    string UnsubscribeTitle,
    string UnsubscribeQuestion,
    string UnsubscribeButton,
    string Unsubscribed,
    string ReasonsPrompt,
    string BadReason)
{
    private static readonly Dictionary<string, PageStrings> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new(
            "Your feedback", "Thank you for your feedback!", "Would you like to tell us more?", "Send", "Your score: {0}",
            "Your comment has been saved. Thank you!",
            "This survey link is not valid. Please use the link from your e-mail.",
            "This survey is closed, so answers can no longer be accepted. Thank you for your time.",
            "Please choose a score from {0} to {1}.",
            "Your comment is {0} characters long; the limit is {1}. Please shorten it and send it again — your text is kept below.",
            "Unsubscribe", "Do you want to stop receiving survey e-mails from us?", "Unsubscribe",
            "You have been unsubscribed and will not receive any more survey e-mails from us.",
            "What went wrong? Tick all that apply.", "Please choose only from the reasons listed."),
        ["sk"] = new(
            "Vaša spätná väzba", "Ďakujeme za vašu spätnú väzbu!", "Chcete nám povedať viac?", "Odoslať", "Vaše hodnotenie: {0}",
            "Váš komentár bol uložený. Ďakujeme!",
            "Tento odkaz na prieskum nie je platný. Použite, prosím, odkaz z e-mailu.",
            "Tento prieskum je už uzavretý, odpovede už nie je možné prijať. Ďakujeme za váš čas.",
            "Vyberte, prosím, hodnotenie od {0} do {1}.",
            "Váš komentár má {0} znakov, povolených je najviac {1}. Skráťte ho, prosím, a odošlite znova — váš text zostal zachovaný nižšie.",
            "Odhlásenie z odberu", "Chcete prestať dostávať e-maily s prieskumami od nás?", "Odhlásiť sa z odberu",
            "Odber bol zrušený. Už od nás nedostanete žiadne e-maily s prieskumami.",
            "Čo sa pokazilo? Označte všetko, čo platí.", "Vyberte, prosím, len z uvedených dôvodov."),
        ["cs"] = new(
            "Vaše zpětná vazba", "Děkujeme za vaši zpětnou vazbu!", "Chcete nám říct víc?", "Odeslat", "Vaše hodnocení: {0}",
            "Váš komentář byl uložen. Děkujeme!",
            "Tento odkaz na průzkum není platný. Použijte prosím odkaz z e-mailu.",
            "Tento průzkum je již uzavřen, odpovědi už nelze přijmout. Děkujeme za váš čas.",
            "Vyberte prosím hodnocení od {0} do {1}.",
            "Váš komentář má {0} znaků, povoleno je nejvýše {1}. Zkraťte ho prosím a odešlete znovu — váš text zůstal zachován níže.",
            "Odhlášení odběru", "Chcete přestat dostávat e-maily s průzkumy od nás?", "Odhlásit odběr",
            "Odběr byl zrušen. Už od nás nedostanete žádné e-maily s průzkumy.",
            "Co se pokazilo? Označte vše, co platí.", "Vyberte prosím jen z uvedených důvodů."),
        ["pl"] = new(
            "Twoja opinia", "Dziękujemy za Twoją opinię!", "Chcesz nam powiedzieć coś więcej?", "Wyślij", "Twoja ocena: {0}",
            "Twój komentarz został zapisany. Dziękujemy!",
            "Ten link do ankiety jest nieprawidłowy. Użyj linku z wiadomości e-mail.",
            "Ta ankieta została zamknięta i nie przyjmuje już odpowiedzi. Dziękujemy za poświęcony czas.",
            "Wybierz ocenę od {0} do {1}.",
            "Twój komentarz ma {0} znaków, a limit wynosi {1}. Skróć go i wyślij ponownie — Twój tekst został zachowany poniżej.",
            "Wypisz się", "Czy chcesz przestać otrzymywać od nas e-maile z ankietami?", "Wypisz się",
            "Wypisano Cię z listy. Nie będziesz już otrzymywać od nas e-maili z ankietami.",
            "Co poszło nie tak? Zaznacz wszystko, co pasuje.", "Wybierz tylko spośród podanych powodów."),
        ["de"] = new(
            "Ihr Feedback", "Vielen Dank für Ihr Feedback!", "Möchten Sie uns mehr erzählen?", "Senden", "Ihre Bewertung: {0}",
            "Ihr Kommentar wurde gespeichert. Vielen Dank!",
            "Dieser Umfragelink ist ungültig. Bitte verwenden Sie den Link aus Ihrer E-Mail.",
            "Diese Umfrage ist beendet; Antworten können nicht mehr angenommen werden. Vielen Dank für Ihre Zeit.",
            "Bitte wählen Sie eine Bewertung von {0} bis {1}.",
            "Ihr Kommentar ist {0} Zeichen lang; erlaubt sind höchstens {1}. Bitte kürzen Sie ihn und senden Sie ihn erneut – Ihr Text bleibt unten erhalten.",
            "Abmelden", "Möchten Sie keine Umfrage-E-Mails mehr von uns erhalten?", "Abmelden",
            "Sie wurden abgemeldet und erhalten keine Umfrage-E-Mails mehr von uns.",
            "Was ist schiefgelaufen? Kreuzen Sie alles Zutreffende an.", "Bitte wählen Sie nur aus den aufgeführten Gründen."),
        ["he"] = new(
            "המשוב שלך", "תודה על המשוב שלך!", "רוצה לספר לנו עוד?", "שליחה", "הציון שלך: {0}",
            "ההערה שלך נשמרה. תודה!",
            "קישור הסקר הזה אינו תקף. יש להשתמש בקישור מהדוא״ל.",
            "הסקר הזה נסגר ולא ניתן עוד לקבל תשובות. תודה על הזמן שהקדשת.",
            "יש לבחור ציון בין {0} ל-{1}.",
            "ההערה שלך באורך {0} תווים; המגבלה היא {1}. יש לקצר אותה ולשלוח שוב — הטקסט שלך נשמר למטה.",
            "הסרה מרשימת התפוצה", "האם ברצונך להפסיק לקבל מאיתנו הודעות דוא״ל עם סקרים?", "הסרה מרשימת התפוצה",
            "ההסרה בוצעה. לא יישלחו אליך עוד הודעות דוא״ל עם סקרים מאיתנו.",
            "מה השתבש? יש לסמן את כל מה שמתאים.", "יש לבחור רק מתוך הסיבות המופיעות."),
    };

    public static PageStrings English => ByLanguage["en"];

    public static bool Has(string locale) => ByLanguage.ContainsKey(Locales.Language(locale));

    /// <summary>The words for a locale's language; English when we have none.</summary>
    public static PageStrings For(string locale) => ByLanguage.GetValueOrDefault(Locales.Language(locale)) ?? English;

    /// <summary>
    /// The locale of a page with no survey behind it (unknown token): the browser's most preferred language we have,
    /// else English.
    /// </summary>
    public static string LocaleOf(HttpRequest request) =>
        // TryParseList: a malformed header falls back to English instead of failing the page.
        (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages) ? languages : [])
            .Where(l => l.Quality is not 0 && Locales.IsValid(l.Value.Value) && Has(l.Value.Value!))
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value!)
            .FirstOrDefault() ?? "en";
}
