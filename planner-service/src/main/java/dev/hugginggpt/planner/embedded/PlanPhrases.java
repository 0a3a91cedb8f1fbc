package dev.hugginggpt.planner.embedded;

import java.util.regex.Pattern;

/** The phrases the plan builder reads in a clause, in every language the planner knows (see the lexicons). */
final class PlanPhrases {
    private PlanPhrases() {
    }

    /** "is it wearing a collar?", "are there people in it?": a question of its own, not a restatement of "what is in it?". */
    static final Pattern YES_NO_QUESTION = Pattern.compile(
            "^(?:is|are|does|do|did|was|were|can|could|has|have) (?:it|this|that|there|they|he|she|the|any)\\b[^.!?]*+\\?\\s*+$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern DEPICTED = Pattern.compile(EnglishLexicon.DEPICTED, Pattern.CASE_INSENSITIVE);
    static final Pattern BACK_REFERENCE = inAnyLanguage(EnglishLexicon.BACK_REFERENCE, KoreanLexicon.BACK_REFERENCE);
    static final Pattern BUILDS_ON = inAnyLanguage(EnglishLexicon.BUILDS_ON, KoreanLexicon.BUILDS_ON);
    static final Pattern MEDIA_AUDIO = inAnyLanguage(EnglishLexicon.MEDIA_AUDIO, KoreanLexicon.MEDIA_AUDIO);
    static final Pattern MEDIA_IMAGE = inAnyLanguage(EnglishLexicon.MEDIA_IMAGE, KoreanLexicon.MEDIA_IMAGE);
    static final Pattern EARLIER_TEXT = Pattern.compile(EnglishLexicon.EARLIER_TEXT, Pattern.CASE_INSENSITIVE);
    static final Pattern READ_ALOUD = Pattern.compile(EnglishLexicon.READ_ALOUD, Pattern.CASE_INSENSITIVE);
    static final Pattern TEXT_IN_PICTURE = inAnyLanguage(EnglishLexicon.TEXT_IN_PICTURE, KoreanLexicon.TEXT_IN_PICTURE);
    static final Pattern LAID_OUT_DOCUMENT = inAnyLanguage(EnglishLexicon.LAID_OUT_DOCUMENT, KoreanLexicon.LAID_OUT_DOCUMENT);
    /** A recording that holds the instruction or the question for a picture: "a voice note specifying the changes". */
    static final Pattern SPOKEN_INSTRUCTIONS = inAnyLanguage(EnglishLexicon.SPOKEN_INSTRUCTIONS, KoreanLexicon.SPOKEN_INSTRUCTIONS);
    static final Pattern THE_ORIGINAL = inAnyLanguage(EnglishLexicon.THE_ORIGINAL, KoreanLexicon.THE_ORIGINAL);
    static final Pattern ORIGINAL_MEDIA = inAnyLanguage(EnglishLexicon.ORIGINAL_MEDIA, KoreanLexicon.ORIGINAL_MEDIA);
    static final Pattern EACH_OF_THEM = inAnyLanguage(EnglishLexicon.EACH_OF_THEM, KoreanLexicon.EACH_OF_THEM);
    static final Pattern BRIEF = Pattern.compile(EnglishLexicon.BRIEF, Pattern.CASE_INSENSITIVE);
    static final Pattern CONCRETE_EDIT = inAnyLanguage(EnglishLexicon.CONCRETE_EDIT, KoreanLexicon.CONCRETE_EDIT);
    static final Pattern NAMES_A_RESULT = Pattern.compile(EnglishLexicon.NAMES_A_RESULT, Pattern.CASE_INSENSITIVE);

    /** A quoted passage and the words that introduce it as the source: "based on «Q0»,", "in «Q1»". */
    static final Pattern QUOTED_SOURCE = Pattern.compile(
            "(?:\\b(?:" + EnglishLexicon.SOURCE_INTRODUCERS + ")\\s++(?:the\\s++)?(?:" + EnglishLexicon.PASSAGE_NOUNS
                    + ")?\\s*+:?\\s*+)?«Q\\d+»\\s*+[,:]?",
            Pattern.CASE_INSENSITIVE);

    /** Punctuation and white space that end a text; found from where their run begins, so a long run is read once. */
    static final String TRAILING_PUNCTUATION = "(?<![\\s.!?,;:])[\\s.!?,;:]+$";

    private static Pattern inAnyLanguage(String english, String korean) {
        return Pattern.compile(english + "|" + korean, Pattern.CASE_INSENSITIVE);
    }
}
