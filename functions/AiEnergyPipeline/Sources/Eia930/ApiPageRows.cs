using System.Globalization;
using System.Text.Json;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// The rows of an EIA API v2 page (<c>response.data</c>) read one at a time from a stream with
/// <see cref="Utf8JsonReader"/> over a buffer that is refilled as it is consumed: memory holds one
/// row and a buffer, whatever the page's length. The rest of the page is read past token by token
/// (the request echo, warnings), <c>response.total</c> kept where it comes; the whole page is still
/// checked to be JSON, as parsing it whole did.
/// </summary>
/// <exception cref="JsonException">The page is not JSON (thrown by <see cref="TryReadRow"/> where it goes wrong).</exception>
/// <exception cref="InvalidDataException">The page is JSON, but no API v2 data response.</exception>
internal sealed class ApiPageRows(Stream page)
{
    /// <summary>The largest single token or row held: a page of sane rows never comes near it.</summary>
    private const int MaxBuffer = 16 << 20;

    private const string NoResponse = "not an EIA API v2 response: no 'response' object.";
    private const string NoData = "not an EIA API v2 response: no 'response.data' array.";

    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private bool _started;
    private JsonReaderState _state;
    private PagePart _part;
    private Awaiting _awaiting;
    private bool _inResponse;
    private bool _sawResponse;
    private bool _sawData;
    private bool _rootClosed;

    private enum PagePart { BeforeData, InData, AfterData, Done }

    private enum Awaiting { Nothing, Response, Total, Data }

    /// <summary><c>response.total</c>, once read past (it usually comes before the rows).</summary>
    public double? Total { get; private set; }

    /// <summary>The size of the read buffer: what memory the page itself takes, whatever its length.</summary>
    public int BufferBytes => _buffer.Length;

    /// <summary>How many rows have been handed out.</summary>
    public int Rows { get; private set; }

    /// <summary>The next row as a small document of its own (the caller disposes it), or false after the last one and the end of the page.</summary>
    public bool TryReadRow(out JsonDocument? row)
    {
        row = null;
        if (_part == PagePart.BeforeData)
        {
            Walk(untilData: true);
        }

        while (_part == PagePart.InData)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    Commit(ref reader);
                    _part = PagePart.AfterData;
                    break;
                }

                if (JsonDocument.TryParseValue(ref reader, out row))
                {
                    Commit(ref reader);
                    Rows++;
                    return true;
                }
            }

            // The row (or its first token) is not all in the buffer yet.
            Refill();
        }

        if (_part == PagePart.AfterData)
        {
            Walk(untilData: false);
        }

        return false;
    }

    /// <summary>Reads the whole page: every row counted, none kept.</summary>
    public void ReadToEnd()
    {
        while (TryReadRow(out var row))
        {
            row!.Dispose();
        }
    }

    /// <summary>Reads token by token: to the start of <c>response.data</c>, or (after it) to the end of the page.</summary>
    private void Walk(bool untilData)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            while (reader.Read())
            {
                if (Token(ref reader) && untilData)
                {
                    Commit(ref reader);
                    return;
                }
            }

            Commit(ref reader);
            if (_final)
            {
                if (_rootClosed)
                {
                    _part = PagePart.Done;
                    return;
                }

                throw new JsonException("the page ends in the middle of its JSON.");
            }

            Refill();
        }
    }

    /// <summary>One token outside the rows; true when it opens <c>response.data</c>.</summary>
    private bool Token(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var awaiting = _awaiting;
        _awaiting = Awaiting.Nothing;
        if (!_started)
        {
            _started = true;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidDataException(NoResponse);
            }

            return false;
        }

        switch (awaiting)
        {
            case Awaiting.Response when reader.TokenType != JsonTokenType.StartObject:
                throw new InvalidDataException(NoResponse);
            case Awaiting.Response:
                _inResponse = true;
                return false;
            case Awaiting.Total:
                Total = reader.TokenType switch
                {
                    JsonTokenType.Number => reader.GetDouble(),
                    JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) => v,
                    _ => null,
                };
                return false;
            case Awaiting.Data when reader.TokenType != JsonTokenType.StartArray:
                throw new InvalidDataException(NoData);
            case Awaiting.Data:
                _sawData = true;
                _part = PagePart.InData;
                return true;
        }

        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            if (depth == 1 && !_inResponse && !_sawResponse && reader.ValueTextEquals("response"u8))
            {
                _awaiting = Awaiting.Response;
                _sawResponse = true;
            }
            else if (depth == 2 && _inResponse && reader.ValueTextEquals("total"u8))
            {
                _awaiting = Awaiting.Total;
            }
            else if (depth == 2 && _inResponse && !_sawData && reader.ValueTextEquals("data"u8))
            {
                _awaiting = Awaiting.Data;
            }
        }
        else if (reader.TokenType == JsonTokenType.EndObject && depth == 1 && _inResponse)
        {
            _inResponse = false;
            if (!_sawData)
            {
                throw new InvalidDataException(NoData);
            }
        }
        else if (reader.TokenType == JsonTokenType.EndObject && depth == 0)
        {
            _rootClosed = true;
            if (!_sawResponse)
            {
                throw new InvalidDataException(NoResponse);
            }
        }

        return false;
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private void Refill()
    {
        if (_final)
        {
            throw new JsonException("the page ends in the middle of its JSON.");
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxBuffer)
            {
                throw new JsonException($"a value of the page is larger than {MaxBuffer >> 20} MB.");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = page.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
            return;
        }

        var first = _end == 0 && _start == 0 && !_started;
        _end += read;
        // A UTF-8 byte order mark is tolerated, as JsonDocument.Parse(Stream) does.
        if (first && _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
        }
    }
}
