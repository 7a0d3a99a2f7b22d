using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace Drills.Orchestrator.Docker;

/// <summary>Translates what Docker.DotNet throws into the two exceptions the drill understands.</summary>
internal static class DockerErrors
{
    private const string StartEngine = "start it with ./drills setup (or set DOCKER_HOST)";

    private static DockerUnavailableException Unavailable(string endpoint, string detail, Exception error) =>
        new($"Docker Engine at {endpoint} does not answer ({detail}).", StartEngine, error);

    /// <summary>
    /// The exception to throw instead of <paramref name="error"/>, or null when it must pass unchanged
    /// (the caller cancelled, or it is not an engine error at all).
    /// </summary>
    public static Exception? Map(Exception error, DockerCall call, string endpoint, CancellationToken cancellationToken)
    {
        if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return error switch
        {
            DockerOperationException or DockerUnavailableException => null,
            // Not cancelled by our caller: the HTTP client gave up waiting for the engine.
            OperationCanceledException or TimeoutException => Unavailable(endpoint, $"{call.Verb} {call.Target} timed out", error),
            HttpRequestException or SocketException or IOException => Unavailable(endpoint, TransportReason(error), error),
            DockerApiException api => MapApiError(api, call),
            _ => null,
        };
    }

    /// <summary>The socket error in words a user can act on; .NET reports a missing unix socket as "Cannot assign requested address".</summary>
    private static string TransportReason(Exception error) => error.GetBaseException() switch
    {
        SocketException { SocketErrorCode: SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported } =>
            "no socket at that path",
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        var inner => inner.Message,
    };

    private static DockerOperationException MapApiError(DockerApiException error, DockerCall call)
    {
        var reason = EngineMessage(error.ResponseBody) ?? error.Message;
        const string Build = "build the sample images with ./drills setup, or the image yourself with docker build";
        var (problem, fix) = (int)error.StatusCode switch
        {
            404 when call.IsImage => ($"Image {call.Target} is not on this machine.", Build),
            404 when reason.Contains("image", StringComparison.OrdinalIgnoreCase) => ($"Cannot {call.Verb} {call.Target}: {reason}.", Build),
            404 => ($"Cannot {call.Verb} {call.Target}: no such container or path ({reason}).", "check the container's name and data paths in the catalogue"),
            409 => ($"Cannot {call.Verb} {call.Target}: it is in the wrong state or the name is taken ({reason}).",
                "check the container with docker ps -a; remove a stray container of that name if drills did not create it"),
            _ => ($"Cannot {call.Verb} {call.Target}: the engine answered {(int)error.StatusCode} ({reason}).", "check the engine's log and health (docker info)"),
        };
        return new DockerOperationException(problem, fix, error);
    }

    /// <summary>The engine explains failures as <c>{"message": "..."}</c>; anything else is kept raw.</summary>
    private static string? EngineMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through and show the body as the engine sent it.
        }

        return body.Trim();
    }
}

/// <summary>What was being attempted, for error messages: "kill drills-citizen-portal".</summary>
internal readonly record struct DockerCall(string Verb, string Target, bool IsImage = false);
