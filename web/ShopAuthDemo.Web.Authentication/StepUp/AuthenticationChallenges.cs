namespace ShopAuthDemo.Web.Authentication.StepUp;

/// <summary>One challenge of a <c>WWW-Authenticate</c> header: a scheme and its parameters (or a token68).</summary>
public sealed record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters, string? Token68 = null);

/// <summary>
/// Reads a <c>WWW-Authenticate</c> header value by the grammar of RFC 9110 (section 11.6.1): one value may hold
/// several challenges ("Basic realm="a", Bearer error="…""), and a parameter's value may be a quoted string
/// that itself contains commas, equals signs or the name of another parameter. Looking for a substring in the
/// whole header would take a <c>max_age</c> from another scheme, or from inside an error description, as ours.
/// A malformed challenge ends the reading; the challenges before it are kept.
/// </summary>
public static class AuthenticationChallenges
{
    public static IReadOnlyList<AuthenticationChallenge> Parse(string? headerValue)
    {
        var challenges = new List<AuthenticationChallenge>();
        if (string.IsNullOrEmpty(headerValue)) return challenges;
        var reader = new Reader(headerValue);
        while (true)
        {
            reader.SkipListSeparators();
            if (reader.AtEnd) return challenges;
            var scheme = reader.ReadToken();
            if (scheme.Length == 0) return challenges;
            var challenge = ReadChallenge(scheme, ref reader);
            if (challenge is null) return challenges;
            challenges.Add(challenge);
        }
    }

    // challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
    private static AuthenticationChallenge? ReadChallenge(string scheme, ref Reader reader)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var challenge = new AuthenticationChallenge(scheme, parameters);
        if (!reader.SkipSpaces() || reader.AtListEnd) return challenge;

        // Right after the scheme, what is not a parameter is a token68 ("Negotiate abc==").
        var start = reader.Position;
        switch (TryReadParameter(ref reader, parameters))
        {
            case null: return null;
            case false: return ReadToken68(scheme, ref reader, start);
        }

        while (true)
        {
            reader.SkipWhitespace();
            if (reader.AtEnd) return challenge;
            if (reader.Peek != ',') return null;
            reader.SkipListSeparators();
            var next = reader.Position;
            // After a comma, what is not a parameter starts the next challenge ("…, Basic realm=y").
            switch (TryReadParameter(ref reader, parameters))
            {
                case null: return null;
                case false:
                    reader.Position = next;
                    return challenge;
            }
        }
    }

    // auth-param = token BWS "=" BWS ( token / quoted-string ). Null: malformed (a quote left open).
    private static bool? TryReadParameter(ref Reader reader, Dictionary<string, string> parameters)
    {
        var name = reader.ReadToken();
        if (name.Length == 0) return false;
        reader.SkipWhitespace();
        if (reader.Peek != '=') return false;
        reader.Position++;
        reader.SkipWhitespace();
        string? value;
        if (reader.Peek == '"')
        {
            value = reader.ReadQuotedString();
            if (value is null) return null;
        }
        else
        {
            value = reader.ReadToken();
            if (value.Length == 0) return false;
        }
        // A parameter named twice is ambiguous (RFC 9110 forbids it): the first one counts.
        parameters.TryAdd(name, value);
        return true;
    }

    // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    private static AuthenticationChallenge? ReadToken68(string scheme, ref Reader reader, int start)
    {
        reader.Position = start;
        var token68 = reader.ReadToken68();
        reader.SkipWhitespace();
        return token68.Length > 0 && reader.AtListEnd
            ? new(scheme, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), token68)
            : null;
    }

    private ref struct Reader(string text)
    {
        private readonly string _text = text;

        public int Position;

        public readonly bool AtEnd => Position >= _text.Length;

        public readonly char? Peek => AtEnd ? null : _text[Position];

        public readonly bool AtListEnd => AtEnd || _text[Position] == ',';

        public void SkipWhitespace()
        {
            while (!AtEnd && _text[Position] is ' ' or '\t') Position++;
        }

        /// <returns>True when at least one space was skipped and something follows.</returns>
        public bool SkipSpaces()
        {
            var start = Position;
            SkipWhitespace();
            return Position > start && !AtEnd;
        }

        public void SkipListSeparators()
        {
            while (!AtEnd && _text[Position] is ' ' or '\t' or ',') Position++;
        }

        public string ReadToken()
        {
            var start = Position;
            while (!AtEnd && IsTokenChar(_text[Position])) Position++;
            return _text[start..Position];
        }

        public string ReadToken68()
        {
            var start = Position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(_text[Position]) || _text[Position] is '-' or '.' or '_' or '~' or '+' or '/')) Position++;
            if (Position == start) return "";
            while (!AtEnd && _text[Position] == '=') Position++;
            return _text[start..Position];
        }

        /// <returns>The unescaped content, or null when the closing quote is missing.</returns>
        public string? ReadQuotedString()
        {
            var value = new System.Text.StringBuilder();
            Position++;
            while (!AtEnd)
            {
                var c = _text[Position++];
                if (c == '"') return value.ToString();
                if (c == '\\')
                {
                    if (AtEnd) return null;
                    c = _text[Position++];
                }
                value.Append(c);
            }
            return null;
        }

        // tchar (RFC 9110 section 5.6.2).
        private static bool IsTokenChar(char c) =>
            char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
    }
}
