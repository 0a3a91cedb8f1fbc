package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.AbstractLocalModel;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * token-classification as part-of-speech tagging: Apache OpenNLP's English tokenizer, tagger (Universal Dependencies
 * tags such as NOUN, VERB, PROPN) and lemmatizer. It does not recognise named entities.
 */
public final class OpenNlpPartOfSpeechTagger extends AbstractLocalModel {
    private final OpenNlpEnglish english;

    public OpenNlpPartOfSpeechTagger(OpenNlpEnglish english) {
        super("local/opennlp-en-ud-pos", "token-classification",
                "Apache OpenNLP English part-of-speech tagger: tags the parts of speech of each word with Universal"
                        + " Dependencies tags (NOUN, VERB, ADJ, PROPN, ...) and gives its lemma; grammar only: a proper"
                        + " noun is PROPN whatever it refers to",
                "Apache-2.0 (models trained on UD English EWT, CC BY-SA 4.0)");
        this.english = english;
    }

    @Override
    public boolean available() {
        return OpenNlpEnglish.installed(OpenNlpEnglish.TOKENS) && OpenNlpEnglish.installed(OpenNlpEnglish.POS)
                && OpenNlpEnglish.installed(OpenNlpEnglish.LEMMAS);
    }

    @Override
    public void load() {
        english.loadTagging();
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        List<OpenNlpEnglish.Token> tokens = english.tag(Inputs.text(args));
        List<Map<String, Object>> entities = tokens.stream()
                .map(t -> Map.<String, Object>of("word", t.word(), "entity", t.tag(), "score", t.score(),
                        "lemma", t.lemma(), "start", t.start(), "end", t.end()))
                .toList();
        String tagged = tokens.stream().map(t -> t.word() + "/" + t.tag()).collect(Collectors.joining(" "));
        return TaskOutput.text(tagged, Map.of("tokens", entities));
    }
}
