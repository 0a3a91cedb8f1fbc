package dev.hugginggpt.planner.embedded;

/**
 * One clause of a request, quotes masked as placeholders. {@code request} says whether its sentence
 * asks for something ("could you ...", "please ...", an imperative, a question) rather than only
 * setting the scene ("I have a photo named cat.jpg"). {@code rules}: where the phrase rules match it.
 */
record Clause(String text, boolean request, RuleMatches rules) {
    Clause(String text, boolean request) {
        this(text, request, new RuleMatches(text));
    }

    /**
     * The clause as read by a task that works on what an earlier task of the clause made of its quotes or its text
     * documents: "a spoken French version of notes.txt" speaks the translation, not notes.txt.
     */
    Clause onEarlierResult() {
        String words = text.replaceAll("«Q\\d+»", "it");
        for (String document : RequestText.textFilesIn(words)) {
            words = words.replace(document, "it");
        }
        return new Clause(words, request);
    }
}
