namespace Feedback.Api.Hosting.Demo;

/// <summary>
/// Demo comments by language and by how the customer scored (low, middling, high). A comment is one topic sentence of its
/// band, in varying word forms, and now and then a neutral sentence any band may add, so the themes panel has something to
/// find: low scores keep coming back to refunds, late deliveries, couriers and unanswered support; high scores to quick,
/// friendly help.
/// </summary>
public static class DemoComments
{
    public static readonly IReadOnlyList<string> Locales = ["en", "sk", "pl", "he"];

    private static readonly Dictionary<string, (string[][] Topics, string[] Asides)> Texts = new()
    {
        ["en"] = (
        [
            ["The refund is still pending.", "Still waiting for my refund.", "Refunds take forever here.", "You refunded only half of it.",
             "Late delivery again.", "The delivery was late by a week.", "Deliveries are always late.",
             "The courier never rang the bell.", "Your courier left the parcel outside.", "The couriers were rude.",
             "Nobody answered my emails for three days.", "Your agent closed the ticket without fixing anything."],
            ["It was fine, but it took longer than promised.", "Helpful in the end, the first answer missed my point.",
             "OK. The app could tell me where my order is."],
            ["Quick and friendly, thank you!", "Solved in one call, great service.", "Delivery was a day early, very happy.",
             "Maria explained everything clearly.", "Friendly agent and a quick answer.", "Quick help from friendly staff."],
        ], ["", "", "I ordered a jacket.", "It was my second order.", "Ordered through the app."]),
        ["sk"] = (
        [
            ["Vrátenie peňazí stále nevidím.", "Čakám na vrátenie peňazí už mesiac.", "Bez vrátenia peňazí to nie je riešenie.",
             "Kuriér nezazvonil.", "Kuriéra som vôbec nevidel.", "S kuriérom sa nedalo dohodnúť.",
             "Meškanie doručenia bol celý týždeň.", "Doručenie zase meškalo.", "Tri dni mi nikto neodpovedal."],
            ["Celkom v poriadku, ale trvalo to dlhšie, ako ste sľúbili.", "Nakoniec pomohli, prvá odpoveď však nesedela."],
            ["Rýchlo a milo, ďakujem!", "Vyriešené jedným telefonátom, výborný servis.", "Doručenie o deň skôr, som veľmi spokojný.",
             "Milý operátor a rýchla odpoveď."],
        ], ["", "", "Objednal som si bundu.", "Bola to moja druhá objednávka."]),
        ["pl"] = (
        [
            ["Zwrot pieniędzy nadal nie dotarł.", "Czekam na zwrot od miesiąca.", "Brak zwrotu za uszkodzoną paczkę.",
             "Ze zwrotem same problemy.", "Kurier nie zadzwonił.", "Kurier zostawił paczkę pod drzwiami.",
             "Z kurierem nie dało się dogadać.", "Opóźnienie dostawy o tydzień.", "Dostawa znowu opóźniona.",
             "Nikt nie odpowiadał przez trzy dni."],
            ["W porządku, ale trwało dłużej niż obiecano.", "Ostatecznie pomogli, choć pierwsza odpowiedź była nietrafiona."],
            ["Szybko i miło, dziękuję!", "Rozwiązane w jednej rozmowie, świetna obsługa.", "Dostawa dzień wcześniej, jestem bardzo zadowolony.",
             "Miły konsultant i szybka odpowiedź."],
        ], ["", "", "Zamówiłem kurtkę.", "To było moje drugie zamówienie."]),
        ["he"] = (
        [
            ["ההחזר עדיין לא התקבל.", "מחכה להחזר כבר חודש.", "בלי החזר כספי על חבילה פגומה.",
             "השליח לא התקשר.", "השליח השאיר את החבילה בחוץ.", "עם השליח אי אפשר לדבר.",
             "המשלוח התעכב בשבוע.", "עיכוב במשלוח שוב.", "אף אחד לא ענה שלושה ימים."],
            ["היה בסדר, אבל זה לקח יותר זמן ממה שהובטח.", "בסוף עזרו, אבל התשובה הראשונה לא הייתה לעניין."],
            ["מהיר ואדיב, תודה!", "נפתר בשיחה אחת, שירות מצוין.", "המשלוח הגיע יום מוקדם, מרוצה מאוד.", "נציג אדיב ותשובה מהירה."],
        ], ["", "", "הזמנתי מעיל.", "זו הייתה ההזמנה השנייה שלי."]),
    };

    /// <summary>A comment in <paramref name="locale"/> for a score in band 0 (low), 1 (middling) or 2 (high).</summary>
    public static string Pick(Random random, string locale, int band)
    {
        var (topics, asides) = Texts[locale];
        var choices = topics[band];
        // One draw picks both sentences, so the rest of the demo's random sequence is what it always was.
        var n = random.Next(choices.Length * asides.Length);
        var aside = asides[n / choices.Length];
        return aside.Length == 0 ? choices[n % choices.Length] : $"{choices[n % choices.Length]} {aside}";
    }
}
