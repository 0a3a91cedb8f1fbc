package dev.hugginggpt.executor.local.speech;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.AbstractLocalModel;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.runtime.Deadline;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.executor.local.text.Languages;
import dev.hugginggpt.executor.local.text.OpenNlpLanguageDetector;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.Language;

/**
 * text-to-speech with espeak-ng (Debian package, GPL-3.0): formant synthesis, 100+ languages, WAV out. The voice is
 * the text's language: the {@code language} argument (a voice such as fr-fr, a code such as fr or fra, or a name such
 * as French), else the language OpenNLP detects in the text (the best ranked widely written one when its scores are
 * close). A language espeak-ng has no voice for, or a text too short to tell, is read with the English voice, and the
 * result says so.
 */
public final class EspeakTextToSpeech extends AbstractLocalModel {
    static final String ENGLISH = "en";
    /** Under this many letters of the Latin script OpenNLP's guess is noise ("Hello" comes out as Waray). */
    static final int MIN_LATIN_LETTERS = 10;
    /** The languages (ISO 639-3, as OpenNLP names them) a detection prefers when its scores are close. */
    static final Set<String> WIDELY_WRITTEN = Set.of("eng", "fra", "spa", "deu", "ita", "por", "nld", "rus", "ukr", "pol",
            "ces", "swe", "nob", "dan", "fin", "ell", "tur", "ara", "heb", "pes", "hin", "ben", "urd", "kor", "jpn", "cmn",
            "zho", "vie", "tha", "ind", "zsm", "ron", "hun", "bul", "hrv", "srp", "slk", "slv", "cat", "eus", "glg", "lit",
            "lvs", "lav", "ekk", "est", "swh", "swa", "fas", "msa", "tam");
    static final int RANKS_READ = 10;
    private static final Pattern OTHER_SCRIPT = Pattern.compile("[\\p{L}&&[^\\p{IsLatin}]]");
    private static final Duration WARM_UP_TIME = Duration.ofSeconds(20);
    private final ResourceStore store;
    private final OpenNlpLanguageDetector detector;
    private final EspeakVoices voices = new EspeakVoices();

    public EspeakTextToSpeech(ResourceStore store, OpenNlpLanguageDetector detector) {
        super("local/espeak-ng", "text-to-speech",
                "espeak-ng speech synthesizer: reads text aloud as a WAV file, in more than 100 languages and accents,"
                        + " in the text's own language (detected, or the argument 'language', e.g. fr, es, ko)", "GPL-3.0");
        this.store = store;
        this.detector = detector;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Programs.missing("espeak-ng", "espeak-ng");
    }

    /** The language detector that picks the voice, espeak-ng's voice list, and one short sentence spoken. */
    @Override
    public void warmUp() throws ModelException {
        detector.load();
        voices.isVoice(ENGLISH);
        Programs.run(List.of("espeak-ng", "-v", "fr", "-w", "/dev/null", "--stdin"), "Bonjour tout le monde", WARM_UP_TIME);
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String text = Inputs.text(args);
        Deadline deadline = Deadline.in(timeLeft);
        VoiceChoice choice = choose(args.get("language"), text);
        ResourceRef ref = SpeechFiles.synthesize(store, wav -> Programs.run(List.of("espeak-ng", "-v", choice.voice(),
                "-w", wav.toString(), "--stdin"), text, deadline.left()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("voice", choice.voice());
        data.put("language", choice.language());
        data.put("languageFrom", choice.from());
        data.put("characters", text.length());
        choice.note().ifPresent(note -> data.put("note", note));
        return new TaskOutput(choice.note().orElse(null), List.of(ref), data);
    }

    /** The voice, the language it speaks, where the language came from, and why English was read instead if it was. */
    record VoiceChoice(String voice, String language, String from, Optional<String> note) {
    }

    VoiceChoice choose(String asked, String text) throws ModelException {
        if (asked != null && !asked.isBlank()) {
            String wanted = asked.strip();
            if (wanted.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*") && voices.isVoice(wanted)) {
                return new VoiceChoice(wanted.toLowerCase(java.util.Locale.ROOT), wanted, "argument", Optional.empty());
            }
            Optional<String> iso3 = Languages.iso3(wanted);
            if (iso3.isEmpty()) {
                return english("argument", wanted, "'" + wanted + "' is no language espeak-ng knows; read with the English voice");
            }
            return voiceFor(iso3.get(), "argument");
        }
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters < MIN_LATIN_LETTERS && !OTHER_SCRIPT.matcher(text).find()) {
            return new VoiceChoice(ENGLISH, "English", "default", Optional.empty());
        }
        return voiceFor(likeliestWidelyWritten(detector.rank(text)), "detected");
    }

    /**
     * On a short text the detector's scores lie close together ("Ciao a tutti, come state?" ranks Maori just above
     * Italian), so the best ranked of the widely written languages among its first {@link #RANKS_READ} wins; the top
     * rank when none of them is there.
     */
    static String likeliestWidelyWritten(Language[] ranked) {
        for (int i = 0; i < Math.min(RANKS_READ, ranked.length); i++) {
            if (WIDELY_WRITTEN.contains(ranked[i].getLang())) {
                return ranked[i].getLang();
            }
        }
        return ranked[0].getLang();
    }

    private VoiceChoice voiceFor(String iso3, String from) throws ModelException {
        String name = Languages.name(iso3);
        Optional<String> voice = voices.forLanguage(iso3);
        if (voice.isPresent()) {
            return new VoiceChoice(voice.get(), name, from, Optional.empty());
        }
        return english(from, name, "espeak-ng has no voice for " + name + " (" + from + "); read with the English voice");
    }

    private static VoiceChoice english(String from, String language, String note) {
        return new VoiceChoice(ENGLISH, language, from, Optional.of(note));
    }
}
