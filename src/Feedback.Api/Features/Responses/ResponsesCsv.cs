using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Feedback.Core.Responses;
using Feedback.Core.Storage;
using Microsoft.AspNetCore.Http.Metadata;

namespace Feedback.Api.Features.Responses;

/// <summary>
/// The response list as RFC 4180 CSV, written while the store streams it: rows go through a small buffer that is
/// flushed every <see cref="FlushEvery"/> rows, so memory stays flat and the download starts at once, whatever its size.
/// <list type="bullet">
/// <item>UTF-8 with a byte-order mark: without it Excel reads the file as the local ANSI code page and mangles Hebrew,
/// Slovak and Polish text; every other CSV reader skips the BOM.</item>
/// <item>CRLF line ends; a field is quoted when it holds a comma, quote, CR, LF or leading/trailing space; quotes doubled.</item>
/// <item>Formula-injection safety: a text cell starting with <c>= + - @</c>, tab or CR gets a leading <c>'</c>, so a
/// spreadsheet shows it as text instead of running it. <c>score</c> is a number we produce and stays as it is.</item>
/// <item>Properties vary per row and the header must be written before the rows are read, so they are one
/// <c>properties</c> column holding a JSON object (keys sorted): unambiguous for any value and easy to split later.</item>
/// </list>
/// </summary>
public sealed class ResponsesCsv(IResponseStore responses, ResponseQuery query) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/csv";
    public const int FlushEvery = 100;

    public static readonly string[] Columns =
    [
        "id", "surveyId", "templateId", "kind", "score", "comment", "locale", "customerId", "subjectId", "channel",
        "answeredAt", "updatedAt", "properties", "reasons",
    ];

    private static readonly JsonSerializerOptions PropertiesJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = $"{ContentType}; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"responses.csv\"";
        await http.Response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n");
        var rows = 0;
        await foreach (var response in responses.StreamAsync(query, ct))
        {
            await writer.WriteAsync(Row(response));
            if (++rows % FlushEvery == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
        await writer.FlushAsync(ct);
    }

    public static string Row(SurveyResponse r)
    {
        var fields = new[]
        {
            Text(r.Id), Text(r.SurveyId), Text(r.TemplateId), Text(r.Kind.ToString().ToLowerInvariant()),
            r.Score.ToString(CultureInfo.InvariantCulture), Text(r.Comment), Text(r.Locale), Text(r.CustomerId),
            Text(r.SubjectId), Text(r.Channel), Instant(r.AnsweredAt), Instant(r.UpdatedAt), Text(PropertiesText(r.Properties)),
            // Codes hold no ';' (TemplateReasons), so the list splits back unambiguously.
            Text(string.Join(';', r.Reasons)),
        };
        return string.Join(',', fields) + "\r\n";
    }

    /// <summary>One text cell: defused against formulas, then quoted as RFC 4180 requires.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return quote ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string PropertiesText(IReadOnlyDictionary<string, string> properties) =>
        properties.Count == 0 ? "" : JsonSerializer.Serialize(new SortedDictionary<string, string>(properties.ToDictionary(), StringComparer.Ordinal), PropertiesJson);

    // On the list, whose 200 is the JSON page, CSV is an alternative the summary names; only the .csv route documents it as its 200.
    // Documented as a stream (string, format binary): a generated client hands over the file instead of parsing it as JSON.
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        if (!builder.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status200OK))
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), [ContentType]));
        }
    }
}
