using System.ClientModel;
using System.Net;
using Grid.Abstractions.Translation;
using OllamaSharp.Models.Exceptions;

namespace Grid.Grains.Llm;

/// <summary>
/// Turns what OllamaSharp throws into retry decisions: only 400 arrives as <see cref="OllamaException"/>;
/// 404, 499, 5xx are plain <see cref="HttpRequestException"/> with a status code, and a refused
/// connection is one without. The OpenAI client raises <see cref="ClientResultException"/> with the
/// status (0 when no answer came). A backend that is not there (connection refused, name unknown) or
/// says "not now" (503, 429) is <see cref="LlmCallFailure.BackendAbsent"/>: the work waits for it
/// instead of spending an attempt.
/// </summary>
public static class LlmFailureClassifier
{
    public static LlmCallFailure Classify(Exception error, string endpoint, LlmEndpointKind kind, string model) => error switch
    {
        ClientResultException { Status: 404 } missing => new(
            $"model '{model}' is not served by {endpoint}: start the server with it (vLLM: --model or --served-model-name {model}), or set Grid:Llm:Model to one it lists at /v1/models.",
            retryable: false, LlmFailureKind.ModelMissing, missing),
        ClientResultException { Status: 400 or 401 or 403 or 422 } rejected => new(
            $"{endpoint} refused the request ({rejected.Status}): {rejected.Message}", retryable: false, LlmFailureKind.Rejected, rejected),
        ClientResultException { Status: 0 } unreachable => new(
            $"{endpoint} is unreachable: {unreachable.InnerException?.Message ?? unreachable.Message}", retryable: true, LlmFailureKind.BackendUnavailable, unreachable) { BackendAbsent = true },
        ClientResultException { Status: 503 or 429 } notNow => new(
            $"{endpoint} answered {notNow.Status} (not now)", retryable: true, LlmFailureKind.BackendUnavailable, notNow) { BackendAbsent = true },
        ClientResultException failed => new(
            $"{endpoint} answered {failed.Status}", retryable: true, LlmFailureKind.BackendUnavailable, failed),
        OllamaException rejected => new(
            $"{endpoint} refused the request (400): {rejected.Message}", retryable: false, LlmFailureKind.Rejected, rejected),
        HttpRequestException { StatusCode: HttpStatusCode.NotFound } missing when kind == LlmEndpointKind.Ollama => new(
            $"model '{model}' not found on {endpoint}: run 'ollama pull {model}' there (or set Grid:Llm:PullMissingModel=true), or set Grid:Llm:Model to a model it serves ('ollama list').",
            retryable: false, LlmFailureKind.ModelMissing, missing),
        HttpRequestException { StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests } notNow => new(
            $"{endpoint} answered {(int)notNow.StatusCode!} ({notNow.StatusCode}): not now", retryable: true, LlmFailureKind.BackendUnavailable, notNow) { BackendAbsent = true },
        HttpRequestException { StatusCode: { } status } http => new(
            $"{endpoint} answered {(int)status} ({status})", retryable: true, LlmFailureKind.BackendUnavailable, http),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } unreachable => new(
            $"{endpoint} is unreachable: {unreachable.Message}", retryable: true, LlmFailureKind.BackendUnavailable, unreachable) { BackendAbsent = true },
        HttpRequestException broken => new(
            $"the request to {endpoint} broke: {broken.Message}", retryable: true, LlmFailureKind.BackendUnavailable, broken),
        TaskCanceledException or TimeoutException => new(
            $"{endpoint} did not answer in time", retryable: true, LlmFailureKind.BackendUnavailable, error),
        IOException io => new(
            $"the connection to {endpoint} broke: {io.Message}", retryable: true, LlmFailureKind.BackendUnavailable, io),
        _ => new($"{endpoint} failed: {error.Message}", retryable: true, LlmFailureKind.BackendUnavailable, error),
    };
}
