namespace Grid.Grains.Text;

/// <summary>
/// Takes a scraped news page apart into date line, title, byline, body paragraphs and the cruft around
/// them. Works line by line on the normalized text; every non-empty line ends up in exactly one place,
/// and a line the rules are unsure about stays in the body rather than being thrown away.
/// </summary>
public static class ArticleParser
{
    /// <summary>Parses <paramref name="text"/>, normalizing it first with <see cref="TextNormalizer.Normalize"/>.</summary>
    public static ParsedArticle Parse(string text)
    {
        var lines = TextNormalizer.Normalize(text)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => new LineTraits(line))
            .ToArray();
        var roles = new LineRoles(lines);

        var bodyStart = ReadHeader(lines, roles);
        ReadBody(lines, roles, bodyStart);
        OmitTrailingFragments(lines, roles, bodyStart);
        return roles.ToParsedArticle();
    }

    /// <summary>Assigns the lines before the body; returns the index of the first body line.</summary>
    private static int ReadHeader(LineTraits[] lines, LineRoles roles)
    {
        var lastPossibleBody = Array.FindLastIndex(lines, line => line.LooksLikeBody && KnownCruft.Match(line) is null);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (KnownCruft.Match(line) is { } cruft)
            {
                roles.Omit(i, cruft.Reason);
            }
            else if (DateLineDetector.IsDateLine(line))
            {
                roles.TakeDateLine(i);
            }
            else if (BylineDetector.IsByline(line))
            {
                roles.TakeByline(i);
            }
            else if (!line.HasArabic && !line.IsProse)
            {
                roles.Omit(i, OmissionReason.NonArabic);
            }
            else if (i >= lastPossibleBody)
            {
                // Nothing after this line could be body, so this line is: an article always keeps its text.
                return i;
            }
            else if (!roles.HasTitle && line.IsHeadlineLike)
            {
                roles.SetTitle(i);
            }
            else if (line.IsLabel)
            {
                roles.Omit(i, OmissionReason.Navigation);
            }
            else
            {
                return i;
            }
        }
        return lines.Length;
    }

    private static void ReadBody(LineTraits[] lines, LineRoles roles, int bodyStart)
    {
        string? openSection = null;
        var expectLinkedHeadline = false;
        for (var i = bodyStart; i < lines.Length; i++)
        {
            var line = lines[i];
            if (KnownCruft.Match(line) is { } cruft)
            {
                roles.Omit(i, cruft.Reason);
                openSection = cruft.OpensSection ? cruft.Reason : openSection;
                expectLinkedHeadline = cruft.IntroducesNextLine;
                continue;
            }

            // Inside a block of links, only a full prose sentence shows that the article goes on.
            if (openSection is not null && !(line.IsProse && line.EndsWithFullStop))
            {
                roles.Omit(i, openSection);
                continue;
            }
            openSection = null;

            if (expectLinkedHeadline && !line.EndsLikeSentence)
            {
                roles.Omit(i, OmissionReason.Related);
            }
            else if (!line.HasArabic && !line.IsProse)
            {
                roles.Omit(i, OmissionReason.NonArabic);
            }
            else if (DateLineDetector.IsDateLine(line))
            {
                roles.Omit(i, OmissionReason.Date);
            }
            else if (BylineDetector.IsByline(line))
            {
                // Some sites credit the source at the end ("المصدر : الجزيرة + وكالات").
                roles.TakeByline(i);
            }
            else
            {
                roles.MarkBody(i);
            }
            expectLinkedHeadline = false;
        }
    }

    /// <summary>
    /// Site sections and labels after the last paragraph ("كتابات الثقافية", "عطر الكتب") look like short
    /// body lines; anything after the last line that could be prose is one of them.
    /// </summary>
    private static void OmitTrailingFragments(LineTraits[] lines, LineRoles roles, int bodyStart)
    {
        var lastBodyProse = Enumerable.Range(bodyStart, lines.Length - bodyStart)
            .LastOrDefault(i => roles.IsBody(i) && lines[i].LooksLikeBody, -1);
        if (lastBodyProse < 0)
        {
            return;
        }
        for (var i = lastBodyProse + 1; i < lines.Length; i++)
        {
            if (roles.IsBody(i))
            {
                roles.Omit(i, OmissionReason.Trailing);
            }
        }
    }
}
