namespace Grid.Grains.Text;

/// <summary>How a known cruft line was recognised and what it says about the lines after it.</summary>
/// <param name="Reason">One of <see cref="OmissionReason"/>.</param>
/// <param name="OpensSection">The line heads a block of links ("أخبار ذات صلة"): the lines after it are links too, until real prose resumes.</param>
/// <param name="IntroducesNextLine">The line is a bare "اقرأ أيضا": the next line is the linked headline.</param>
internal readonly record struct CruftMatch(string Reason, bool OpensSection = false, bool IntroducesNextLine = false);
