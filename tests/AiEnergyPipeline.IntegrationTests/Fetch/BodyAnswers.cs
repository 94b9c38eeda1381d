using AiEnergyPipeline.Fetch;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.IntegrationTests.Fetch;

/// <summary>
/// Answers of a <see cref="Infrastructure.LocalHttpServer"/> to the fetch layer's tests, and the client
/// they are fetched with: <see cref="WholeBodyRetryHandler"/> over a real <see cref="SocketsHttpHandler"/>,
/// so that every cut, stall and limit happens on a socket, as it does in a run.
/// </summary>
internal static class BodyAnswers
{
    /// <summary>The handler under test with the real HTTP stack inside it (the resilience handler is left out: it retries only up to the headers).</summary>
    public static HttpMessageInvoker Client(SourceHttpOptions settings) =>
        new(new WholeBodyRetryHandler(Options.Create(settings), TimeProvider.System, NullLogger<WholeBodyRetryHandler>.Instance) { InnerHandler = new SocketsHttpHandler() });

    /// <summary>Answers each request with the next answer, the last one repeating: the server-side script of a retry.</summary>
    public static Func<HttpContext, Task> InTurn(params Func<HttpContext, Task>[] answers)
    {
        var calls = 0;
        return context => answers[Math.Min(Interlocked.Increment(ref calls), answers.Length) - 1](context);
    }

    /// <summary>
    /// The whole Content-Length announced, only the first <paramref name="sent"/> bytes written, then the
    /// response ends. Kestrel then closes the connection (it cannot be reused) after sending those bytes:
    /// the client has exactly them, then the end of the stream, with no race against an abort.
    /// </summary>
    public static async Task ShortAsync(HttpContext context, byte[] body, int sent)
    {
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, sent));
    }

    /// <summary>
    /// The whole Content-Length announced, the first <paramref name="first"/> bytes sent, then nothing until
    /// <paramref name="goOn"/> completes (the test has seen those bytes arrive); then the rest, or the
    /// connection aborted as a reset would.
    /// </summary>
    public static async Task HeldBackAsync(HttpContext context, byte[] body, int first, Task goOn, bool abort)
    {
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, first));
        await context.Response.Body.FlushAsync();
        await goOn.WaitAsync(context.RequestAborted);
        if (abort)
        {
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(body.AsMemory(first));
    }
}
