using Feedback.Core.Common;

namespace Feedback.Core.Tests.Common;

public sealed class LocalesTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("EN")]
    [InlineData("sk")]
    [InlineData("fil")]
    [InlineData("pt-BR")]
    [InlineData("sr-Latn-RS")]
    [InlineData("zh-Hant-TW")]
    [InlineData("es-419")]
    public void LanguageTagIsValid(string tag) => Assert.True(Locales.IsValid(tag));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("engl")]
    [InlineData("english!")]
    [InlineData("en_US")]
    [InlineData("en-")]
    [InlineData("-en")]
    [InlineData("en--US")]
    [InlineData("en-toolongsub")]
    [InlineData("not a locale")]
    public void MalformedTagIsNotValid(string? tag) => Assert.False(Locales.IsValid(tag));

    [Fact]
    public void TagsAreLimitedTo35Characters()
    {
        Assert.True(Locales.IsValid("en-aaaaaaaa-bbbbbbbb-cccccccc-ddddd"));
        Assert.False(Locales.IsValid("en-aaaaaaaa-bbbbbbbb-cccccccc-dddddd"));
    }

    [Theory]
    [InlineData("pl-PL", "pl")]
    [InlineData("PL-pl", "pl")]
    [InlineData("sk", "sk")]
    [InlineData("sr-Latn-RS", "sr")]
    public void LanguageIsTheLowercasePrimarySubtag(string tag, string language) => Assert.Equal(language, Locales.Language(tag));

    [Theory]
    [InlineData("pl-PL", new[] { "pl-PL", "pl" })]
    [InlineData("sk", new[] { "sk" })]
    [InlineData("sr-Latn-RS", new[] { "sr-Latn-RS", "sr-Latn", "sr" })]
    public void FallbacksGoFromTheFullTagToTheLanguage(string tag, string[] expected) => Assert.Equal(expected, Locales.Fallbacks(tag));

    [Theory]
    [InlineData("he")]
    [InlineData("he-IL")]
    [InlineData("ar")]
    [InlineData("ar-EG")]
    [InlineData("AR")]
    [InlineData("fa")]
    [InlineData("fa-IR")]
    [InlineData("ur")]
    [InlineData("ur-PK")]
    public void RightToLeftLanguagesAreRightToLeft(string tag) => Assert.True(Locales.IsRightToLeft(tag));

    [Theory]
    [InlineData("sk")]
    [InlineData("sk-SK")]
    [InlineData("pl")]
    [InlineData("en")]
    [InlineData("de-AT")]
    [InlineData("hr")]
    public void LeftToRightLanguagesAreNot(string tag) => Assert.False(Locales.IsRightToLeft(tag));
}
