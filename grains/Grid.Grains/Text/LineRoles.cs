using System.Collections.Immutable;

namespace Grid.Grains.Text;

/// <summary>
/// What the parser decided for each line, kept by line number so a later rule can move a line
/// (a tentative body line found to be trailing cruft) and the result still comes out in source order.
/// </summary>
internal sealed class LineRoles(IReadOnlyList<LineTraits> lines)
{
    private const int None = -1;

    private readonly bool[] body = new bool[lines.Count];
    private readonly string?[] omissionReasons = new string?[lines.Count];

    private int dateLine = None;
    private int title = None;
    private int byline = None;

    public bool HasTitle => title != None;

    public void SetTitle(int line) => title = line;

    /// <summary>Makes the line the date line, or omits it as a date when the article already has one.</summary>
    public void TakeDateLine(int line)
    {
        if (dateLine == None)
        {
            dateLine = line;
        }
        else
        {
            Omit(line, OmissionReason.Date);
        }
    }

    /// <summary>Makes the line the byline, or omits it as a byline when the article already has one.</summary>
    public void TakeByline(int line)
    {
        if (byline == None)
        {
            byline = line;
        }
        else
        {
            Omit(line, OmissionReason.Byline);
        }
    }

    public void MarkBody(int line) => body[line] = true;

    public bool IsBody(int line) => body[line];

    public void Omit(int line, string reason)
    {
        body[line] = false;
        omissionReasons[line] = reason;
    }

    public ParsedArticle ToParsedArticle()
    {
        var paragraphs = ImmutableArray.CreateBuilder<string>();
        var omitted = ImmutableArray.CreateBuilder<OmittedLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (body[i])
            {
                paragraphs.Add(lines[i].Text);
            }
            else if (omissionReasons[i] is { } reason)
            {
                omitted.Add(new OmittedLine(lines[i].Text, reason));
            }
        }

        return new ParsedArticle(
            TextOf(dateLine), TextOf(title), TextOf(byline), paragraphs.ToImmutable(), omitted.ToImmutable());
    }

    private string? TextOf(int line) => line == None ? null : lines[line].Text;
}
