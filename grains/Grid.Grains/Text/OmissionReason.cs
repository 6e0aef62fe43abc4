namespace Grid.Grains.Text;

/// <summary>The reasons <see cref="ArticleParser"/> gives for keeping a line out of the article.</summary>
public static class OmissionReason
{
    /// <summary>Site navigation: search boxes, menus, "read more", breadcrumbs and other short labels.</summary>
    public const string Navigation = "navigation";

    /// <summary>Share buttons: Facebook, Twitter, WhatsApp, print, "مشاركة"...</summary>
    public const string Share = "share";

    /// <summary>"Follow us" prompts.</summary>
    public const string Follow = "follow";

    /// <summary>Related, latest or most-read links, "اقرأ أيضا" and the headlines they list.</summary>
    public const string Related = "related";

    /// <summary>Tag lists.</summary>
    public const string Tags = "tags";

    /// <summary>Comment prompts and the section they open.</summary>
    public const string Comments = "comments";

    /// <summary>Advertisement labels.</summary>
    public const string Advert = "advert";

    /// <summary>Copyright notices.</summary>
    public const string Copyright = "copyright";

    /// <summary>A date line other than the one kept as the article's date line.</summary>
    public const string Date = "date";

    /// <summary>A byline or source line other than the one kept as the article's byline.</summary>
    public const string Byline = "byline";

    /// <summary>A short line with no Arabic letters outside the body prose.</summary>
    public const string NonArabic = "non-arabic";

    /// <summary>Short lines without sentence punctuation after the last body paragraph (site sections, labels).</summary>
    public const string Trailing = "trailing";
}
