using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LoanWebhooks.Sdk.AspNetCore.Endpoints;

/// <summary>Reads a request body of at most a given size, refusing a larger one as early as possible.</summary>
internal static class WebhookRequestBody
{
    private const int InitialBufferBytes = 16 * 1024;

    /// <summary>The body in an array of its own (the event keeps it), or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async ValueTask<byte[]?> ReadAsync(HttpContext context, int maxBytes, CancellationToken cancellationToken)
    {
        // Declared too large: answer without reading a byte of it.
        if (context.Request.ContentLength > maxBytes)
        {
            return null;
        }

        // Let the server enforce the limit too (Kestrel then stops reading a chunked body early).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        try
        {
            return await ReadLimitedAsync(context.Request.Body, maxBytes, context.Request.ContentLength, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static async ValueTask<byte[]?> ReadLimitedAsync(System.IO.Stream body, int maxBytes, long? declaredLength, CancellationToken cancellationToken)
    {
        // One more byte than allowed tells "exactly at the limit" from "over it".
        int capacity = (int)Math.Min(maxBytes + 1L, declaredLength is long declared ? declared + 1 : InitialBufferBytes);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1));
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
