package dev.hugginggpt.planner.embedded;

import java.util.Set;

/**
 * The English words and phrases the embedded planner reads, as regular-expression alternatives (no logic: the classes
 * that use them put them together, see {@link PlanPhrases} and {@link RequestText}). Every alternative is bounded: no
 * unbounded repetition, so a hostile request costs time linear in its length.
 */
final class EnglishLexicon {
    private EnglishLexicon() {
    }

    // --- How a request is cut into clauses (RequestText) ---

    /** Stems of the verbs that start a new request inside a sentence ("transcribe it and summarize the text"). */
    static final String TASK_VERB_STEMS = "transcrib|translat|summari[sz]|sum up|describ|generat|creat|make|produc|draw|detect"
            + "|identif|find|tell|giv|show|read|conver|turn|transform|segment|classif|categori[sz]|edit|modif|chang|alter"
            + "|adjust|answer|writ|estimat|compar|determin|extract|recogni[sz]|analy[sz]|enhanc|improv|clean|separat|spot"
            + "|provid|chat|discuss|engag|recit|narrat|speak|visuali[sz]|illustrat|depict|paint|sketch|render|apply|add"
            + "|remov|replac|highlight|locat|label|tag|count|calculat|evaluat|assess|check|confirm|measur|explain|interpret"
            + "|decod|deciph|figur|map|bring|isolat|outline|split|condens|compress|shorten|paraphras|rephras|continu"
            + "|expand|elaborat|compos|get|let|use|utiliz|present|publish|animat|captur|reduc|restor|upscal|then|help|assist|guid|adapt|see|inform|spark|gauge|point|suggest|recommend|advis|respond|repl|cut|rotat|flip|mirror|blur|sharpen|brighten|darken|crop|resiz|pixelat|denois|say|pronounc";
    /** Connectives that end a clause, white space taken possessively: ", then", "and then", "after that", "; ". */
    static final String CONNECTIVES = ",\\s*+(?:and\\s++)?then\\b|,?\\s*+and then\\b|,?\\s*+after that\\b|,\\s*+after which\\b"
            + "|,?\\s*+afterwards\\b|,?\\s*+finally\\b|,?\\s*+lastly\\b|;\\s*+|,\\s*+and\\b|\\band also\\b|,\\s*+also\\b";
    /** Words between a comma and the verb of a new clause: ", finally summarize it". */
    static final String SEQUENCE_ADVERBS = "finally|possibly|maybe|perhaps|subsequently|next|ultimately|lastly";
    /** Words before a verb cut from its object ("could you help me identify | and label ..."). */
    static final String BEFORE_BARE_VERB = "to|you|me|us|please|and";
    /** Words that may open an instruction after a condition: "and then, please, ...". */
    static final String IMPERATIVE_OPENERS = "and|also|please|now|finally|next";

    // --- What makes a sentence ask for something (RequestText) ---

    /** Phrases of asking: "can you", "I'd like", "please", a question mark at the end. */
    static final String ASKING_PHRASES = "\\b(?:can|could|would|will|may) (?:you|we|i)\\b|\\byou (?:could|can|would)\\b|\\bplease\\b|\\bpl[sz]\\b|\\bhelp\\b|\\bassist"
            + "|\\b(?:i|i'd|i'll|we|we'd)(?:'d| would| also| really)?\\s+(?:like|love|want|need|wish|hope|require)\\b"
            + "|\\blet'?s\\b|\\bcurious\\b|\\bwonder|\\b(?:trying|looking|hoping|wanting|needing|keen|eager) to\\b|\\binterested in\\b|\\?\\s*$"
            + "|\\b(?:want|wants|need|needs|wish|would like|'d like|would love|'d love) (?:to|you)\\b"
            + "|^(?:such as|for example|for instance|including|namely)\\b";
    /** Words that may open a sentence before its verb: "Next, translate it", "Okay, then draw it". */
    static final String SENTENCE_OPENERS = "now|also|and|next|finally|lastly|afterwards?|after that|subsequently|furthermore|moreover"
            + "|in addition|besides|plus|so|if possible|if you can|ok|okay";
    /** "I have a photo named cat.jpg", "I've recorded a meeting": what the user has, not what they ask for. */
    static final String POSSESSION = "^(?:(?:hi|hey|so|well|now),?\\s+)?(?:i|we)(?:'ve|'d| have| had)?\\s+(?:just\\s+|recently\\s+|also\\s+)?"
            + "(?:got(?:ten)?|have|has|took|taken|captured|recorded|received|found|come across|came across|snapped"
            + "|downloaded|saved|stumbled upon|written|penned|created|acquired)\\b"
            + "(?!.*\\b(?:can|could|would|please|like|love|want|need|wish|curious|wonder\\w*|help|assist)\\b)";
    /** "Once that's done", "after you've generated the image": a condition on earlier work, not a new request. */
    static final String DONE_ALREADY = "^(?:once|after|when|as soon as|now that)\\b(?!.*\\b(?:can|could|would|please)\\b)";
    /** Words of a clause that asks for help without naming anything: "Can you assist me with this?". */
    static final Set<String> FILLER = Set.of("can", "could", "would", "will", "you", "we", "i", "me",
            "us", "please", "help", "helping", "assist", "do", "doing", "this", "that", "it", "these", "with", "how", "the", "task",
            "tasks", "for", "out", "accomplish", "accomplishing", "achieve", "be", "able", "to", "mind", "in", "so", "is", "possible",
            "there", "any", "way", "something", "thanks", "great", "appreciate", "really", "also", "then", "and", "a", "if", "request",
            "analyze", "analyse", "process", "handle", "figure", "figuring", "manage", "make", "happen", "job");
    /** What labels the passage to read: "Context: ...". */
    static final String PASSAGE_LABELS = "context|passage|article|document|paragraph";

    // --- What the plan's arguments are (PlanPhrases) ---

    /** "a picture of X", "an image showing X", "draw me X", "paint X". */
    static final String DEPICTED = "\\b(?:images?|pictures?|photos?|photographs?|drawings?|illustrations?|paintings?|sketch(?:es)?|portraits?|videos?|clips?|animations?)"
            + " (?:of|showing|depicting|with) (.+)"
            + "|\\b(?:draw|paint|sketch|illustrate|depict|render)(?:ing)? (?:me |us )?(?!(?:an? |the )?(?:images?|pictures?|photos?|drawings?|illustrations?|paintings?|sketch(?:es)?|portraits?)\\b)(.+)";
    /** Words that point back at something already there: an earlier output or a mentioned file. */
    static final String BACK_REFERENCE = "\\b(it|its|that|this|these|those|them|they|the result|results|the output|the text|the description|the caption"
            + "|transcri\\w*|translat\\w*|summary|the audio|the recording|the image|the picture|the photo|the file"
            + "|content|generated|resulting|edited|modified|identified|detected|classified|answer|findings|information"
            + "|the (?:quote|message|writing|inscription|sign|note|label))\\b";
    /** An instruction that builds on an earlier result ("based on the classification"). */
    static final String BUILDS_ON = "\\b(based on|according to|using|with|from|reflect\\w*|embod\\w*|matching|relat\\w* to|accordingly)\\b";
    static final String MEDIA_AUDIO = "\\b(audio|recording|recorded|speech|voice|podcast|voicemail|sound|spoken|said|lecture|meeting|interview)\\b";
    static final String MEDIA_IMAGE = "\\b(image|picture|photo|photograph|snapshot|scan|document|table|chart|scene|inscription|visual)\\b";
    /** What an earlier text result is called: "these objects", "the labels", "the findings". */
    static final String EARLIER_TEXT = "\\b(objects|items|elements|results?|labels|entities|findings|information|details|answers?|summary|(?:the|this|that) text|names"
            + "|categories|class(?:es)?|classification|these|those|them)\\b";
    /** "Read that answer aloud" (within 300 characters, as {@link TaskRuleParts#GAP}). */
    static final String READ_ALOUD = "\\bread\\b.{0,300}\\b(aloud|out loud|out)\\b";
    /** Pictures of writing, and questions on what is written. */
    static final String TEXT_IN_PICTURE = "\\b(?:receipts?|signs?|signboards?|menus?|labels?|posters?|screenshots?|notes?|tickets?|whiteboards?|slides?|flyers?"
            + "|banners?|price tags?|handwriting|written|writing|says?|text|total|phone number|address|opening hours)\\b";
    /** Documents read with their layout. */
    static final String LAID_OUT_DOCUMENT = "\\b(?:document|invoice|form|contract|report|scanned|certificate)s?\\b";
    /** A description asked to be short is a summary. */
    static final String BRIEF = "\\b(brief|briefly|short|compact|concise|succinct|summar\\w*)\\b";
    /** An edit the clause spells out itself: a colour, a thing to add, remove or replace. */
    static final String CONCRETE_EDIT = "\\b(red|green|blue|yellow|white|black|purple|pink|orange|gr[ae]y|brown|golden|add|insert|remove|erase|replace|background"
            + "|sky|brighter|darker|text|caption|watermark)\\b";
    /** Words that introduce a quoted passage as the source: "based on «Q0»", "in the passage: «Q1»". */
    static final String SOURCE_INTRODUCERS = "based on|according to|from|in|given|using|with|of";
    static final String PASSAGE_NOUNS = "text|passage|paragraph|context";
    /** "Read the result aloud", "translate the label": a clause that means the label itself. */
    static final String NAMES_A_RESULT = "\\b(?:results?|outputs?|labels?|answers?|categor(?:y|ies)|class(?:es)?|classifications?|predictions?|scores?|language name)\\b";
}
