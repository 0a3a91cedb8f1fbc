package dev.hugginggpt.executor.local.text;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;

/** Language names and ISO 639 codes: "Spanish", "es", "spa" and "to Spanish" all name spa. */
public final class Languages {
    private Languages() {
    }

    /** The ISO 639-3 code of a language given by English name, native name, or two- or three-letter code. */
    public static Optional<String> iso3(String nameOrCode) {
        if (nameOrCode == null) {
            return Optional.empty();
        }
        String wanted = nameOrCode.strip().toLowerCase(Locale.ROOT).replaceFirst("^(in)?to\\s+|^in\\s+", "")
                .replaceAll("[^\\p{L}_-]", "").replaceFirst("[_-].*", "");
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (Locale locale : Locale.getAvailableLocales()) {
            if (locale.getLanguage().isEmpty()) {
                continue;
            }
            try {
                String iso3 = locale.getISO3Language();
                if (wanted.equals(locale.getLanguage()) || wanted.equals(iso3)
                        || wanted.equals(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT))
                        || wanted.equals(locale.getDisplayLanguage(locale).toLowerCase(locale))) {
                    return Optional.of(iso3);
                }
            } catch (MissingResourceException ignored) {
                // locales without a three-letter code
            }
        }
        return Optional.empty();
    }

    /** The English name of an ISO 639-3 code, or the code itself when Java does not know it. */
    public static String name(String iso3) {
        for (Locale locale : Locale.getAvailableLocales()) {
            try {
                if (!locale.getLanguage().isEmpty() && locale.getISO3Language().equals(iso3)) {
                    return locale.getDisplayLanguage(Locale.ENGLISH);
                }
            } catch (MissingResourceException ignored) {
                // locales without a three-letter code
            }
        }
        return iso3;
    }
}
