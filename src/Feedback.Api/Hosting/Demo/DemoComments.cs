namespace Feedback.Api.Hosting.Demo;

/// <summary>Demo comments by language and by how the customer scored (low, middling, high).</summary>
public static class DemoComments
{
    public static readonly IReadOnlyList<string> Locales = ["en", "sk", "pl", "he"];

    private static readonly Dictionary<string, string[][]> Texts = new()
    {
        ["en"] =
        [
            ["Nobody answered for three days, I had to call twice.", "The parcel arrived damaged and the refund is still pending.",
             "Your agent closed the ticket without fixing anything.", "Too many forms just to return one item."],
            ["It was fine, but it took longer than promised.", "Helpful in the end, the first answer missed my point.",
             "OK. The app could tell me where my order is."],
            ["Quick and friendly, thank you!", "Solved in one call, great service.",
             "Delivery was a day early, very happy.", "Maria explained everything clearly."],
        ],
        ["sk"] =
        [
            ["Tri dni mi nikto neodpovedal, musel som volať dvakrát.", "Balík prišiel poškodený a peniaze mi stále nevrátili.",
             "Tiket ste zavreli bez toho, aby sa niečo vyriešilo."],
            ["Celkom v poriadku, ale trvalo to dlhšie, ako ste sľúbili.", "Nakoniec pomohli, prvá odpoveď však nesedela."],
            ["Rýchlo a milo, ďakujem!", "Vyriešené jedným telefonátom, výborný servis.", "Doručenie o deň skôr, som veľmi spokojný."],
        ],
        ["pl"] =
        [
            ["Nikt nie odpowiadał przez trzy dni, musiałem dzwonić dwa razy.", "Paczka przyszła uszkodzona, a zwrotu nadal nie ma.",
             "Zgłoszenie zamknięto bez rozwiązania problemu."],
            ["W porządku, ale trwało dłużej niż obiecano.", "Ostatecznie pomogli, choć pierwsza odpowiedź była nietrafiona."],
            ["Szybko i miło, dziękuję!", "Rozwiązane w jednej rozmowie, świetna obsługa.", "Dostawa dzień wcześniej, jestem bardzo zadowolony."],
        ],
        ["he"] =
        [
            ["אף אחד לא ענה שלושה ימים, נאלצתי להתקשר פעמיים.", "החבילה הגיעה פגומה וההחזר עדיין לא התקבל.",
             "סגרתם את הפנייה בלי לפתור שום דבר."],
            ["היה בסדר, אבל זה לקח יותר זמן ממה שהובטח.", "בסוף עזרו, אבל התשובה הראשונה לא הייתה לעניין."],
            ["מהיר ואדיב, תודה!", "נפתר בשיחה אחת, שירות מצוין.", "המשלוח הגיע יום מוקדם, מרוצה מאוד."],
        ],
    };

    /// <summary>A comment in <paramref name="locale"/> for a score in band 0 (low), 1 (middling) or 2 (high).</summary>
    public static string Pick(Random random, string locale, int band)
    {
        var choices = Texts[locale][band];
        return choices[random.Next(choices.Length)];
    }
}
