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

    public static final Card SENTIMENT = new Card("local/stanford-sentiment-english", "Stanford CoreNLP sentiment"
            + " analysis, English only: tells whether a text is positive or negative, with the five classes from very"
            + " negative to very positive; a recursive neural tensor network trained on the Stanford Sentiment Treebank"
            + " (movie reviews) over each sentence's parse, and MiniLM similarity to positive and negative descriptions"
            + " where the network sees a sentence as neutral");
    public static final Card LANGUAGE = new Card("local/opennlp-langdetect", "Apache OpenNLP language detector: identifies"
            + " which language a text is written in (103 languages), answers the language name with a confidence");

    /** The three object detectors: the general one (COCO) and the two that find one kind of thing only. */
    public static final Card OBJECTS = new Card("local/ssd-mobilenet-v2-coco", "SSD MobileNet v2 object detector trained"
            + " on COCO (TensorFlow Lite in the JVM): finds and counts the objects in an image, picture or photo, 80"
            + " everyday kinds: animals (dogs, cats, horses, birds, cows, sheep...), vehicles (cars, buses, trucks,"
            + " bicycles, motorcycles, boats, airplanes...), a person, furniture, food, kitchenware, sports balls and other"
            + " things, and draws boxes around them with labels and scores; at most 20 per image; small or partly hidden"
            + " objects are often missed; 'threshold' is the minimum score, default 0.5");
    public static final Card FACES = new Card("local/opencv-haar-frontalface", "OpenCV Haar cascade face detector"
            + " (Viola-Jones): finds frontal human faces in an image, picture or photo and draws boxes around them; it"
            + " detects faces only, nothing else");
    public static final Card PEOPLE = new Card("local/opencv-hog-people", "OpenCV HOG people detector (Dalal-Triggs"
            + " histograms of oriented gradients with a linear SVM, trained on pedestrians): finds persons standing or"
            + " walking upright with the whole body in view in an image, picture or photo, at least about 100 pixels tall,"
            + " and draws boxes around them; misses seated, bending or partly hidden people and detects nothing else;"
            + " 'threshold' is the minimum SVM score, default 1.0");

    private LocalModelCards() {
    }
}
