package dev.hugginggpt.executor.local;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.langdetect.Language;

/**
 * The espeak-ng voice for a text: the language the task names (argument 'language': a code or a name), else the
 * language detected in the text, else English. espeak-ng names most voices by ISO 639-1 code.
 */
final class SpeechVoices {
    /** The single-language voices of espeak-ng 1.51 ({@code espeak-ng --voices}), by the code that selects them. */
    static final Set<String> VOICES = Set.of("af", "am", "an", "ar", "as", "az", "ba", "be", "bg", "bn", "bs", "ca", "cmn", "cs",
            "cv", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu", "fa", "fi", "fr", "ga", "gd", "gn", "gu", "he", "hi", "hr",
            "ht", "hu", "hy", "ia", "id", "is", "it", "ja", "ka", "kk", "kl", "kn", "ko", "ku", "ky", "la", "lb", "lt", "lv", "mi",
            "mk", "ml", "mr", "ms", "mt", "my", "nb", "ne", "nl", "om", "or", "pa", "pl", "pt", "qu", "ro", "ru", "sd", "si", "sk",
            "sl", "sq", "sr", "sv", "sw", "ta", "te", "th", "tk", "tn", "tr", "tt", "ug", "uk", "ur", "uz", "vi", "yue");
    /**
     * The languages a detection may pick (ISO 639-3): the widely written ones. On a short text the detector's scores
     * are close together ("Ciao a tutti": Maori just before Italian), so the best ranked of these among its first
     * {@link #RANKS_READ} wins.
     */
    static final Set<String> COMMON = Set.of("eng", "fra", "spa", "deu", "ita", "por", "nld", "rus", "ukr", "pol", "ces", "swe",
            "nob", "dan", "fin", "ell", "tur", "ara", "heb", "fas", "hin", "ben", "urd", "kor", "jpn", "cmn", "zho", "vie", "tha",
            "ind", "msa", "ron", "hun", "bul", "hrv", "srp", "slk", "slv", "cat", "eus", "glg", "lit", "lav", "est", "swa", "tam");
    static final int RANKS_READ = 10;
    /** Shorter texts are too short to tell their language. */
    static final int MIN_LETTERS = 8;

    private SpeechVoices() {
    }

    static String voiceFor(String language, String text, OpenNlpLanguageDetector detector) {
        if (language != null && !language.isBlank()) {
            return named(language).orElse("en");
        }
        if (detector == null || text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return "en";
        }
        Language[] ranked = detector.rank(text);
        for (int i = 0; i < Math.min(RANKS_READ, ranked.length); i++) {
            if (COMMON.contains(ranked[i].getLang())) {
                return voiceOfIso3(ranked[i].getLang()).orElse("en");
            }
        }
        return "en";
    }

    /** A voice code ("fr", "en-us") or a language name or code ("French", "fra"). */
    static Optional<String> named(String language) {
        String code = language.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z-]", "");
        if (VOICES.contains(code) || code.matches("[a-z]{2,3}-[a-z]{2,4}") && VOICES.contains(code.substring(0, code.indexOf('-')))) {
            return Optional.of(code);
        }
        return Languages.iso3(language).flatMap(SpeechVoices::voiceOfIso3);
    }

    private static Optional<String> voiceOfIso3(String iso3) {
        if (iso3.equals("zho") || iso3.equals("cmn")) {
            return Optional.of("cmn");
        }
        if (iso3.equals("nob") || iso3.equals("nor")) {
            return Optional.of("nb");
        }
        for (Locale locale : Locale.getAvailableLocales()) {
            try {
                if (!locale.getLanguage().isEmpty() && locale.getISO3Language().equals(iso3) && VOICES.contains(locale.getLanguage())) {
                    return Optional.of(locale.getLanguage());
                }
            } catch (MissingResourceException ignored) {
                // locales without a three-letter code
            }
        }
        return Optional.empty();
    }
}
