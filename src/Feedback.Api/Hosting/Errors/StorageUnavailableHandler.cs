using Feedback.Api.Hosting.Security;
using Feedback.Api.Hosting.Storage;
using Feedback.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Feedback.Api.Hosting.Errors;

/// <summary>
/// A store that cannot take the request (full disk, read-only or locked, I/O error) is a 503 with <c>Retry-After</c>, not
/// a 500: nothing of the request was stored and repeating it later will do. One warning line, without a stack trace
/// (the fault is the disk's, not the code's), and <see cref="StorageHealth"/> learns of it for <c>/readyz</c> and the metric.
/// </summary>
public sealed class StorageUnavailableHandler(IProblemDetailsService problems, StorageHealth health, ILogger<StorageUnavailableHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is not { } unavailable)
        {
            return false;
        }
        health.Refused(unavailable);
        logger.LogWarning("The store refused {Method} {Path}, answered 503: {Reason}",
            context.Request.Method, RequestLogScope.Redact(context.Request.Path), unavailable.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = StorageHealth.RetryAfterHeader;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Storage unavailable", Detail = Detail(unavailable.Fault) },
        });
    }

    /// <summary>What a caller is told: the kind of fault, that nothing was stored, and to try again.</summary>
    public static string Detail(StorageFault fault) => fault switch
    {
        StorageFault.DiskFull => "The service's disk is full. Nothing of this request was stored; send it again after Retry-After.",
        StorageFault.ReadOnly => "The service's store is read-only. Nothing of this request was stored; send it again after Retry-After.",
        StorageFault.Locked => "The service's store is locked by another process. Nothing of this request was stored; send it again after Retry-After.",
        _ => "The service's store could not be read or written. Nothing of this request was stored; send it again after Retry-After.",
    };

    private static StorageUnavailableException? Find(Exception? exception) => exception switch
    {
        null => null,
        StorageUnavailableException unavailable => unavailable,
        AggregateException all => all.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        _ => Find(exception.InnerException),
    };
}
