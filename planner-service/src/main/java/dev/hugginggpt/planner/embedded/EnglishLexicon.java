package dev.hugginggpt.planner.embedded;

import java.util.Map;
import java.util.Set;

/**
 * The English words and phrases the embedded planner reads, as regular-expression alternatives, a section per class
 * that reads them (no logic: those classes keep the regex structure that puts them together, see {@link PlanPhrases}
 * and {@link RequestText}). A new English word is an edit here only. The task phrasings are {@link EnglishTaskRules}.
 * Every alternative is bounded: no unbounded repetition, so a hostile request costs time linear in its length.
 */
final class EnglishLexicon {
    private EnglishLexicon() {
    }

    // --- A follow-up that asks for the previous task again (RepeatedTask) ---

    /** "what about market.jpg?", "now do the same for the second one", "and this one too". */
    static final String ASKS_AGAIN = "^\\W*+(?:(?:ok(?:ay)?|and|now|then|cool|great|nice|thanks|perfect|also)\\W++){0,3}+"
            + "(?:what about|how about|(?:now )?do (?:the same|that|it|this) (?:again )?(?:for|with|to|on)|(?:the )?same (?:thing )?(?:for|with)"
            + "|this one too|now this one|again (?:for|with))\\b";
    /** "the second one", "the other picture": a file the previous request named after the one it worked on. */
    static final String THE_SECOND = "\\b(?:second|other|2nd) (?:one|file|image|picture|photo|pic|shot|recording|clip|audio|document)\\b";

    // --- How a request is cut into clauses (RequestText) ---

    /** Contractions typed without their apostrophe ("whats on it", "dont"), and where the apostrophe goes. */
    static final Map<String, String> MISSING_APOSTROPHES = Map.ofEntries(
            Map.entry("whats", "what's"), Map.entry("thats", "that's"), Map.entry("whos", "who's"),
            Map.entry("wheres", "where's"), Map.entry("hows", "how's"), Map.entry("theres", "there's"),
            Map.entry("heres", "here's"), Map.entry("dont", "don't"), Map.entry("doesnt", "doesn't"),
            Map.entry("didnt", "didn't"), Map.entry("isnt", "isn't"), Map.entry("arent", "aren't"),
            Map.entry("wasnt", "wasn't"), Map.entry("cant", "can't"), Map.entry("couldnt", "couldn't"),
            Map.entry("wouldnt", "wouldn't"), Map.entry("shouldnt", "shouldn't"), Map.entry("ive", "i've"),
            Map.entry("im", "i'm"), Map.entry("youre", "you're"), Map.entry("theyre", "they're"));

    /** Stems of the verbs that start a new request inside a sentence ("transcribe it and summarize the text"). */
    static final String TASK_VERB_STEMS = "transcrib|translat|summari[sz]|sum up|describ|generat|creat|make|produc|draw|detect"
            + "|identif|find|tell|giv|show|read|conver|turn|transform|segment|classif|categori[sz]|edit|modif|chang|alter"
            + "|adjust|answer|writ|estimat|compar|determin|extract|recogni[sz]|analy[sz]|enhanc|improv|clean|separat|spot"
            + "|rewrit|rephras|list|box|reword|paraphras|provid|chat|discuss|engag|recit|narrat|speak|visuali[sz]|illustrat|depict|paint|sketch|render|apply|add"
            + "|remov|replac|highlight|locat|label|tag|count|calculat|evaluat|assess|check|confirm|measur|explain|interpret"
            + "|decod|deciph|figur|map|bring|isolat|outline|split|condens|compress|shorten|paraphras|rephras|continu"
            + "|expand|elaborat|compos|get|let|use|utiliz|present|publish|animat|captur|reduc|restor|upscal|then|help|assist|guid|adapt|see|inform|spark|gauge|point|suggest|recommend|advis|respond|repl|cut|rotat|flip|mirror|blur|sharpen|brighten|darken|crop|resiz|pixelat|denois|say|pronounc|pick|pull|boil|sort|transcirb";
    /** Connectives that end a clause, white space taken possessively: ", then", "and then", "after that", "; ". */
    static final String CONNECTIVES = ",\\s*+(?:and\\s++)?then\\b|,?\\s*+and then\\b|,?\\s*+after that\\b|,\\s*+after which\\b"
            + "|,?\\s*+afterwards\\b|,?\\s*+finally\\b|,?\\s*+lastly\\b|,?\\s*+followed by\\b|(?<!\\btl);\\s*+|,\\s*+and\\b(?!\\s++also\\b)|\\band(?=\\s++also\\b)|,\\s*+(?=also\\b)"
            // "translate it to english ... and the waiter doesn't speak english": what someone else does, told after a comma or "and"
            + "|(?:,\\s*+|\\band\\s++)(?=(?:the|my|our|his|her|their) (?:[\\w-]+ ){0,2}?(?:doesn't|does not|can't|cannot|won't|isn't|only (?:speaks|reads|understands)|speaks|has trouble)\\b)"
            // "what breed is it and is it wearing a collar?": a second question
            + "|\\band(?=\\s++(?:is|are|does|do|did|was|were) (?:it|this|that|there|they|he|she)\\b[^.!?]*+\\?)";
    /** Words between a comma and the verb of a new clause: ", finally summarize it". */
    static final String SEQUENCE_ADVERBS = "finally|possibly|maybe|perhaps|subsequently|next|ultimately|lastly";
    /** Words before a verb cut from its object ("could you help me identify | and label ..."). */
    static final String BEFORE_BARE_VERB = "to|you|me|us|please|and";
    /** Words that may open an instruction after a condition: "and then, please, ...". */
    static final String IMPERATIVE_OPENERS = "and|also|please|now|finally|next";

    // --- What makes a sentence ask for something (RequestText) ---

    /** Phrases of asking: "can you", "I'd like", "please", a question mark at the end. */
    static final String ASKING_PHRASES = "\\b(?:can|could|would|will|may) (?:you|we|i|u)\\b|\\byou (?:could|can|would)\\b|\\bplease\\b|\\bpl[sz]\\b|\\bhelp\\b|\\bassist"
            + "|\\b(?:i|i'd|i'll|we|we'd)(?:'d| would| also| really)?\\s+(?:like|love|want|need|wish|hope|require)\\b"
            + "|\\blet'?s\\b(?! say| suppose| assume| imagine| pretend)|\\bcurious\\b|\\bwonder|\\b(?:trying|looking|hoping|wanting|needing|keen|eager) to\\b|\\binterested in\\b|\\?\\s*$"
            + "|\\b(?:want|wants|need|needs|wish|would like|'d like|would love|'d love) (?:to|you)\\b"
            + "|\\b(?:and|but|so) (?:just |only |really |also )?needs?\\b|\\ball (?:i|we) (?:need|want)\\b"
            + "|^(?:such as|for example|for instance|including|namely)\\b|\\b(?:goal|aim|idea|plan) is to\\b|\\bhow (?:do|would|can|should|could) (?:i|you|we|one) say\\b";
    /** Words that may open a sentence before its verb: "Next, translate it", "Okay, then draw it". */
    static final String SENTENCE_OPENERS = "now|also|and|next|finally|lastly|afterwards?|after that|subsequently|furthermore|moreover"
            + "|in addition|besides|plus|so|if possible|if you can|ok|okay";
    /** "I have a photo named cat.jpg", "I've recorded a meeting": what the user has, not what they ask for. */
    static final String POSSESSION = "^(?:(?:hi|hey|so|well|now),?\\s+)?(?:i|we)(?:'ve|'d| have| had)?\\s+(?:just\\s+|recently\\s+|also\\s+)?"
            + "(?:got(?:ten)?|have|has|took|taken|captured|recorded|received|found|come across|came across|snapped"
            + "|downloaded|saved|stumbled upon|written|penned|created|acquired)\\b"
            + "(?!.*\\b(?:can|could|would|please|like|love|want|need|wish|curious|wonder\\w*|help|assist|looking to|hoping to|trying to|interested in)\\b)"
            // "i have the contract in nda.txt - what's the governing law clause say?"
            + "(?![^?]*+\\?)";
    /** "trying to find the same one online", "i'm hoping to plan a rearrangement": why the user asks, said after what they ask. */
    static final String PURPOSE = "^(?:(?:i'm|i am|we're|we are)\\s++)?(?:just\\s++|only\\s++)?(?:trying|hoping|looking|planning|wanting|going|aiming) to\\b";
    /** "the waiter doesn't speak english", "my dad has trouble reading": what someone else does or can't, told, not asked. */
    static final String SOMEONE_ELSE = "^(?:and |but |because |since )?(?:(?:the|my|our|his|her|their) (?:[\\w-]+ ){0,2}?(?:doesn't|does not|don't|do not|can't|cannot"
            + "|couldn't|won't|isn't|wasn't|didn't|only (?:speaks|reads|understands)|speaks|knows|has trouble)"
            + ")\\b(?![^?]*+\\?)"
            + "(?!.*\\b(?:so|please|could you|can you|would you|will you|want|wants|like|love|need|needs|help|curious|interested)\\b)";
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
            + "|\\b(?:draw|paint|sketch|illustrate|depict|render)(?:ing)? (?:me |us )?(?!(?:an? |the )?(?:images?|pictures?|photos?|drawings?|illustrations?|paintings?|sketch(?:es)?|portraits?)\\b)(.+)"
            // "create a logo for my bakery": the thing made, where no picture word names it
            + "|\\b(?:generate|create|design|produce|make) (?:me |us )?(?![^.?!]{0,40}?\\b(?:images?|pictures?|photos?|drawings?|illustrations?|paintings?|sketch(?:es)?|portraits?|videos?|clips?|animations?)\\b)(an? .+)";
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
    static final String TEXT_IN_PICTURE = "\\b(?:receipts?|reciepts?|signs?|signboards?|menus?|labels?|posters?|screenshots?|notes?|tickets?|whiteboards?|slides?|flyers?"
            + "|banners?|price tags?|handwriting|written|writing|says?|text|total|phone number|address|opening hours)\\b";
    /** "The original" text: what the request gave, before anything was made from it. */
    static final String THE_ORIGINAL = "\\b(?:the|my) original\\b";
    /** A picture or recording meant as the request gave it: "the original photo", "and separately tell me ...". */
    static final String ORIGINAL_MEDIA = "\\b(?:the|my) original\\b(?!\\s+(?:text|transcript|wording|words|language|quote|sentence|english|korean|french|spanish|german)\\b)"
            + "|\\bseparately\\b|\\bindependently\\b|^also\\b(?!,)";
    /** A task asked of each of several files: "transcribe both". */
    static final String EACH_OF_THEM = "\\b(?:both|each|all (?:of )?(?:them|these|those|the \\w+)|every one|all \\d+|all (?:two|three|four|five))\\b";
    /** A recording that says what to do to a picture or what to ask about it. */
    static final String SPOKEN_INSTRUCTIONS = "\\b(?:recording|recorded|voice (?:note|memo|message)|voicemail|audio(?: file| message| note)?|[\\w-]+\\.(?:wav|mp3|flac|ogg))"
            + "\\b[^.?!]{0,100}?\\b(?:instructions?|changes|edits|commands?|modifications|questions?|what i want|how (?:it|the (?:image|picture|photo)) should)\\b"
            + "|\\b(?:instructions?|changes|edits|commands?|questions?)\\b[^.?!]{0,60}?\\b(?:in|from|on) (?:the |this |that |my )?(?:recording|voice (?:note|memo|message)|audio|voicemail)";
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
    static final String NAMES_A_RESULT = "\\b(?:results?|outputs?|labels?|answers?|categor(?:y|ies)|class(?:es)?|classifications?|predictions?|scores?|language name|entities|names|keywords|key ?phrases|tags|them)\\b";

    // --- A picture drawn on the shape of another (ConditionedGeneration) ---

    /** The shapes a picture can be drawn on, one constant per control kind (ConditionedGeneration orders them). */
    static final String SCRIBBLE = "scribbl\\w*|doodl\\w*";
    static final String SOFT_EDGES = "soft edges|hed (?:[\\w-]+ )?(?:map|edges)|holistic edges";
    static final String STRAIGHT_LINES = "straight lines|line segments|mlsd";
    static final String NORMAL_MAP = "normal map|surface normals";
    static final String SEGMENTATION_MAP = "seg map|segmentation(?: map| mask)?|semantic (?:map|layout)";
    static final String DEPTH_MAP = "depth(?: map| information)?";
    static final String POSE = "poses?|posture|stance|skeleton|keypoints|body position";
    static final String EDGES = "edges?|edge map|canny(?: edges| map)?|outlines?|contours?|line ?art";
    /** The same shapes named as a map a picture already is ("an HED map", "my openpose skeleton"): with their map noun. */
    static final String SCRIBBLE_MAP = "scribbl\\w*(?: control)?(?: map| image| drawing)?|doodl\\w*";
    static final String SOFT_EDGES_MAP = "hed(?: boundary| edge| soft[- ]edge)?(?: control)? map|soft[- ]edges?(?: control)? map";
    static final String STRAIGHT_LINES_MAP = "m-?lsd\\)?(?: line)?(?: control)? map|(?:straight[- ])?lines?(?: segment)?(?: \\(m-?lsd\\))?(?: control)? map";
    static final String SEGMENTATION_MAP_READY = "seg(?:mentation)?(?: control)? (?:map|mask)|semantic map";
    static final String DEPTH_MAP_READY = "depth(?: control)? map";
    static final String POSE_MAP = "(?:open ?pose )?(?:skeleton|pose map|keypoint map)|openpose(?: control)?(?: map| image)?";
    static final String EDGE_MAP = "canny(?: edge)?(?: control)? (?:map|image)|edge (?:map|image)|canny edges";
    /** Words that take a shape to draw on: "use the edges of", "using the depth map", "in that pose", "turn my scribble". */
    static final String TAKES_A_SHAPE = "use|uses|using|used|with|from|based on|follow\\w*|keep\\w*|tak\\w*|according to|get|extract|via"
            + "|guided by|conditioned on|match\\w*|copy\\w*|in|turn|convert|transform|respect\\w*|preserv\\w*";
    /** Up to three of these may stand between the taking word and the shape: "use the same edges". */
    static final String SHAPE_DETERMINERS = "the|its|their|his|her|my|this|that|same|these|those|a|an|exactly|just|precisely|exact|very";
    /** Stems of the verbs that draw the picture: "generate a cabin", "paint me a knight". */
    static final String DRAWING_VERB_STEMS = "generat|creat|draw|mak|paint|render|produc|design|illustrat|imagin|redesign|reimagin";
    /** Stems of the verbs that turn the shape itself into the picture: "turn my scribble into a photo of a cat". */
    static final String TURNING_VERB_STEMS = "turn|convert|transform";
    /** Where the prompt ends and the shape is named: "a cabin | using the edges of house.jpg". */
    static final String BEFORE_THE_SHAPE = "using|with(?= (?:it|this|that|them|the|its|my|those|these)\\b)|from|based on|following|according to|guided by|that (?:matches|follows|keeps)"
            + "|(?:in|doing|striking) (?:exactly |just |precisely )?(?:that|the (?:exact |very )?same|this|her|his|their|its) (?:pose|stance|posture|position|layout|shape)"
            + "|on top of (?:it|this|that|them)";

    // --- A question on what a picture shows (PictureContents) ---

    /** What the detectors find (the COCO classes, people and faces), and the words for things in general. */
    static final String COUNTABLE = "people|persons?|men|women|kids|children|pedestrians|faces|objects|items|things"
            + "|animals|vehicles|cars|bicycles|bikes|motorcycles|motorbikes|(?:air)?planes|buses|trains|trucks|boats"
            + "|traffic lights|benches|birds|cats|dogs|horses|sheep|cows|cattle|elephants|bears|zebras|giraffes|backpacks"
            + "|umbrellas|handbags|bags|suitcases|balls|kites|skateboards|surfboards|bottles|glasses|cups|forks|knives|spoons"
            + "|bowls|bananas|apples|oranges|sandwiches|carrots|pizzas|donuts|doughnuts|cakes|chairs|couches|sofas|plants"
            + "|beds|tables|toilets|tvs|televisions|laptops|keyboards|phones|books|clocks|vases|teddy bears|toothbrushes";
    /** Words that may open the question: "so, what is in it?". */
    static final String QUESTION_OPENERS = "and|so|ok(?:ay)?|hey|hi|please|now";
    /** Stems of the tasks a clause names instead: "use your image classification to tell me what's in it". */
    static final String OTHER_PICTURE_TASK_STEMS = "classif|categor|caption|describ|segment";

    // --- A request that is nothing but the asking (AskingOnly) ---

    /** Words that only ask or point: "Summarize this text, please" leaves nothing once the task phrase is taken out. */
    static final Set<String> ASKING_ONLY = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "it", "its", "it's", "them", "they", "their", "me", "my", "you",
            "your", "we", "us", "our", "i", "i'd", "i'm", "please", "kindly", "can", "could", "would", "will", "should", "may",
            "do", "does", "did", "is", "are", "was", "were", "be", "to", "into", "in", "on", "of", "for", "from", "with", "by",
            "and", "or", "then", "now", "also", "just", "here", "there", "what", "which", "how", "who", "whether", "if", "text",
            "sentence", "sentences", "words", "word", "passage", "paragraph", "phrase", "message", "content", "something",
            "some", "tell", "give", "show", "make", "read", "detect", "identify", "find", "get", "let", "know", "want", "need",
            "like", "out", "up", "help", "result", "results", "version", "thanks", "thank", "ok", "okay", "again", "too", "as",
            "well", "one", "aloud", "loud", "language", "analyze", "analyse", "check", "see");

    // --- Files a request gives (Resources) ---

    /** Its picture shows a table. */
    static final String TABLE = "tables?|tabular|spreadsheet|chart";
    /** Its picture is a document. */
    static final String DOCUMENT = "document|invoice|receipt|form|scanned|letter|contract|lease|agreement|certificate|brochure|page|article|card";

    // --- How a clause names the result of an earlier task (ResultNames), by the task that made it ---

    static final String RESULT_DETERMINERS = "the|this|that|these|those|its|their|your|our|my";
    static final String TRANSCRIPTION_NAMES = "transcri\\w*|spoken words";
    static final String REWRITE_NAMES = "rewritten (?:version|text|email|message|paragraph|letter|sentence)s?|rewrites?\\b";
    static final String TRANSLATION_NAMES = "translat\\w*|(?:" + EnglishLexicon.LANGUAGES + ") (?:version|text|copy|[\\w-]+)";
    static final String SUMMARY_NAMES = "summar\\w*|key points|main points";
    static final String CAPTION_NAMES = "captions?|descriptions?|descriptive text|inscription|extracted text"
            + "|text (?:from|in|on) (?:it|the (?:image|picture|photo))";
    static final String ANSWER_NAMES = "answers?";
    static final String DETECTION_NAMES = "detected|objects? (?:found|identified|detected)";
    static final String CLASSIFICATION_NAMES = "classifications?|categor(?:y|ies)|class(?:es)?\\b|classified"
            + "|identified (?:table|category|class|label|type)";
    static final String ENTITY_NAMES = "entities|tokens|tagged";
    static final String GENERATED_IMAGE_NAMES = "(?:generated|created|drawn) (?:image|picture|visual)";
    static final String EDITED_IMAGE_NAMES = "(?:edited|modified|altered|revised|updated) (?:image|picture|photo|version)";
    static final String SEGMENTATION_NAMES = "(?:segmented|segments|masks)";
    static final String DEPTH_NAMES = "depth (?:map|image|estimat\\w*)";
    static final String POSE_NAMES = "(?:pose|skeleton|keypoints?) ?(?:map|image|drawing)?|(?:that|this|the same) pose";
    static final String EDGE_MAP_NAMES = "(?:edge|canny|line|control) (?:map|image|drawing)|(?:the|those|these) edges";
    static final String TRANSFORMED_IMAGE_NAMES = "(?:styli[sz]ed|transformed|enhanced|improved|clearer) (?:image|picture|photo|version)";
    static final String ENHANCED_AUDIO_NAMES = "(?:enhanced|cleaned|clearer|improved) (?:audio|recording|sound|version)";
    static final String REPLY_NAMES = "(?:response|reply|conversation)";
    static final String GENERATED_TEXT_NAMES = "(?:generated text|story|paraphrase|rephrased \\w+|reworded \\w+|poem|haiku|limerick|lyrics|essay|toast|blurb|slogan|tagline|joke)";

    // --- Task-specific arguments (ArgumentPhrases) ---

    /** The languages a text can be translated into. */
    static final String LANGUAGES = "english|french|spanish|german|italian|chinese|japanese|korean|portuguese"
            + "|russian|arabic|hindi|dutch|swedish|greek|turkish|polish|catalan|galician|mandarin|vietnamese|thai"
            + "|indonesian|czech|danish|finnish|norwegian|romanian|hungarian|ukrainian|hebrew|persian|esperanto";
    /** Sentiment, which text-classification answers without labels. */
    static final String SENTIMENTS = "positive|negative|neutral|mixed";
    /** Words that introduce a list of labels: "as sports, politics or tech", "into the categories: a, b, c". */
    static final String LIST_INTRODUCERS = "as|into|among|between|labels?|categories|classes|one of";
    /** What labels are called before a colon: "which topic is it about: x, y or z". */
    static final String LABEL_NOUNS = "labels?|categor(?:y|ies)|class(?:es)?|topics?|genres?";
    /** "which of cooking, travel, finance fits ...". */
    static final String FITS = "fits?|describes?|matches|suits?|applies|best";
    /** A text named as one: "is this email spam or not spam?". */
    static final String TEXT_NOUNS = "email|e-mail|message|text|review|article|comment|post|tweet|sentence"
            + "|paragraph|document|story|headline|note|letter|ticket|complaint|file|passage|request";
    /** How a question starts. */
    static final String QUESTION_WORDS = "what|who|whom|whose|when|where|which|why|how|is|are|was|were|does|do|did|can|could|should|will";
    /** A task asked for again, on another input: "and transcribe that recording too" ("also" not first: "Also, ..."). */
    static final String AGAIN = "too|(?<!^)also|again|as well|another|once more|one more time|likewise|similarly|the same for";

    // --- The names of earlier results, made neutral before the task rules read a clause (TaskRules) ---

    static final String EARLIER_RESULT_DETERMINERS = "the|this|that|these|those|its|their|your|our|my|based on|according to|using|from";
    /** "this newly generated image" (each followed by white space). */
    static final String LATELY = "newly\\s+|recently\\s+|just\\s+";
    /** "the translated terms": a result named by the work that made it. */
    static final String MADE_EARLIER = "translated|transcribed|generated|edited|modified|segmented|summari[sz]ed|classified|detected|identified|recogni[sz]ed"
            + "|enhanced|cleaned|created|resulting|produced|stylized|transformed|converted|described|extracted|categori[sz]ed|narrated"
            + "|spoken|synthesi[sz]ed|answered|paraphrased|rephrased|new|final|updated|revised|altered|clearer";
    /** "after its modification", "those changes": edits already asked for. */
    static final String EDITS_DETERMINERS = "its|those|these|after the";
    static final String EDITS = "modifications?|changes|edits|alterations";
    /** "the summary", "this audio transcription": an earlier result named by what it is (a plural "s" is added). */
    static final String RESULT_MEDIA = "audio|image|text";
    static final String RESULT_NOUNS = "translation|transcription|transcript|summary|caption|description|classification|segmentation|narration";
    /** "convert the classification results into an audible format": the target names the task. */
    static final String CONVERSION_VERBS = "convert|turn|transform|change|render|make|bring";

    // --- Lists and questions on contents (RequestText, TaskTypeRefinement) ---

    /** What joins the files of a list besides commas and "&": "a.jpg and b.jpg". */
    static final String LIST_JOINERS = "and";
    /** Words that may open "what's on the menu?" (taken possessively, each followed by a non-word). */
    static final String WHAT_IS_ON_OPENERS = "and|so|now|please|hey|ok(?:ay)?|(?:can|could) you(?: tell me)?|tell me";

    // --- Plans on earlier results (EarlierResults, EmbeddedPlanner) ---

    /** Words that compare two results with each other. */
    static final String BOTH_RESULTS = "their|they|both|them|the two|each other|original|initial|earlier|previous|first"
            + "|how (?:similar|close|alike) what";
    /** "in a drawing of a dog": a picture yet to be made that another task works on. */
    static final String PICTURE_NOUNS = "image|picture|photo|drawing|illustration|painting|sketch|portrait";
}
