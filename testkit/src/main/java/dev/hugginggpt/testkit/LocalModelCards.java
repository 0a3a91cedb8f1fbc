package dev.hugginggpt.testkit;

/**
 * What the executor announces for the local models whose offline choice the selector's tests pin. The executor's
 * LocalBackendTest checks that its cards still say exactly this, so a card edited without this copy fails there, and
 * the selector's ModelSelectorTest checks the choice against the new words. Records, not String constants: javac
 * copies constants into the classes that use them, and an incremental build would test a stale copy.
 */
public final class LocalModelCards {
    public record Card(String id, String description) {
    }

    public static final Card NER = new Card("local/stanford-ner-english", "Stanford NER named-entity recognition,"
            + " English only: finds the named entities in a text, people (PERSON), places (LOCATION) and organizations"
            + " (ORGANIZATION), plus dates, times, money amounts and percentages (DATE, TIME, MONEY, PERCENT), with"
            + " character offsets; CRF sequence classifiers from Stanford CoreNLP 4.5.10, not a transformer");
    public static final Card POS = new Card("local/opennlp-en-ud-pos", "Apache OpenNLP English part-of-speech tagger:"
            + " tags the parts of speech of each word with Universal Dependencies tags (NOUN, VERB, ADJ, PROPN, ...) and"
            + " gives its lemma; grammar only: a proper noun is PROPN whatever it refers to");

    public static final Card SENTIMENT = new Card("local/all-MiniLM-L6-v2-sentiment", "sentiment analysis, positive or"
            + " negative, by embedding similarity to descriptions of each sentiment (all-MiniLM-L6-v2, English; not a"
            + " fine-tuned sentiment model)");
    public static final Card LANGUAGE = new Card("local/opennlp-langdetect", "Apache OpenNLP language detector: identifies"
            + " which language a text is written in (103 languages), answers the language name with a confidence");

    private LocalModelCards() {
    }
}
