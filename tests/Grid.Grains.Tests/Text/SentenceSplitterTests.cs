using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void ArabicSentencesEndAtAFullStopAnArabicQuestionMarkAnExclamationAndAnEllipsis() =>
        Assert.Equal(
            ["وصل الوفد إلى بغداد.", "هل سيبحث الملفات الأربعة؟", "نعم!", "ثم غادر…", "وانتهت الزيارة."],
            SentenceSplitter.Split("وصل الوفد إلى بغداد. هل سيبحث الملفات الأربعة؟ نعم! ثم غادر… وانتهت الزيارة."));

    [Fact]
    public void EnglishSentencesEndAtAFullStopAQuestionMarkAndAnExclamationARunOfThemOnce() =>
        Assert.Equal(
            ["The delegation arrived.", "Will it stay?!", "Nobody knows...", "It left on Friday."],
            SentenceSplitter.Split("The delegation arrived. Will it stay?! Nobody knows... It left on Friday."));

    [Fact]
    public void NumbersWithADecimalPointOrADateDoNotCut() =>
        Assert.Equal(
            ["Growth was 3.5 percent in 2023.", "It was 2.75 on 12.05.2024 and ٣٫٥ after."],
            SentenceSplitter.Split("Growth was 3.5 percent in 2023. It was 2.75 on 12.05.2024 and ٣٫٥ after."));

    [Fact]
    public void AbbreviationsAndInitialsDoNotCut()
    {
        Assert.Equal(
            ["Mr. Kirby met U.S. officials and Gen. J. Smith on Jan. 5, e.g. at No. 10.", "Then he left."],
            SentenceSplitter.Split("Mr. Kirby met U.S. officials and Gen. J. Smith on Jan. 5, e.g. at No. 10. Then he left."));
        Assert.Equal(["وقال د. محمد علي إن الاجتماع انتهى.", "ثم غادر."], SentenceSplitter.Split("وقال د. محمد علي إن الاجتماع انتهى. ثم غادر."));
    }

    [Fact]
    public void QuotesAndBracketsAfterAnEndStayWithTheirSentence()
    {
        Assert.Equal(["قال: «وصلنا.»", "ثم صمت."], SentenceSplitter.Split("قال: «وصلنا.» ثم صمت."));
        Assert.Equal(["He said: \"We arrived.\"", "(He was tired.)", "“Then he left!”", "Done."],
            SentenceSplitter.Split("He said: \"We arrived.\" (He was tired.) “Then he left!” Done."));
    }

    [Fact]
    public void AParagraphWithNoSentenceEndIsOneSentenceAndBlankTextNone()
    {
        Assert.Equal(["وصل الوفد الأمريكي إلى بغداد مساء الخميس"], SentenceSplitter.Split("  وصل الوفد الأمريكي إلى بغداد مساء الخميس "));
        Assert.Equal(["وصل الوفد.", "ثم غادر دون بيان"], SentenceSplitter.Split("وصل الوفد. ثم غادر دون بيان"));
        Assert.Empty(SentenceSplitter.Split(" \n "));
    }

    [Fact]
    public void ALineBreakIsNotASentenceEnd() =>
        Assert.Equal(["السطر الأول\nوالسطر الثاني."], SentenceSplitter.Split("السطر الأول\nوالسطر الثاني."));

    [Fact]
    public void TheSentencesHoldEveryCharacterButTheSpacesBetweenThem()
    {
        const string paragraph = "أعلن البنتاغون أن الوفد العراقي سيصل غدا. وقال المتحدث: «الملفات أربعة». هل يتفقان؟";
        Assert.Equal(paragraph.Replace(" ", ""), string.Concat(SentenceSplitter.Split(paragraph)).Replace(" ", ""));
        Assert.Equal(3, SentenceSplitter.Split(paragraph).Count);
    }
}
