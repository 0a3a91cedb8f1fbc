package dev.hugginggpt.planner.embedded;

/**
 * The Korean words and endings the embedded planner reads, as regular-expression alternatives (no logic: see
 * {@link EnglishLexicon} for how they are used). Every alternative is bounded.
 */
final class KoreanLexicon {
    private KoreanLexicon() {
    }

    // --- How a request is cut into clauses (RequestText) ---

    /** Endings and words that join two actions: "...하고", "...한 후에", "그리고". */
    static final String CONNECTIVES = "하고|하고서|한 후에?|한 다음에?|한 뒤에?|해서|하여|고 나서|한 후|그리고|다음에";
    /** Words that open a clause on an earlier result: "...고 그 결과를". */
    static final String REFERS_BACK = "그\\s|그것|이것|결과";
    /** Verb stems whose "-고" ends an action: "찾고", "바꾸고", "읽고". */
    static final String ACTION_STEMS = "찾|바꾸|읽|만들|지우|없애|자르|돌리|넣|붙이|세|그리|고치|늘리|줄이|옮기|뒤집|알아내";
    /** How a sentence that asks for something ends: "...해 줘", "...주세요", "...하세요", "...할래?". */
    static final String REQUEST_ENDINGS = "줘|주세요|주십시오|하세요|하십시오|해요|할래|해라";
    /** What labels the passage to read: "본문: ...". */
    static final String PASSAGE_LABELS = "본문|문맥|지문|내용";

    // --- What the plan's arguments are (PlanPhrases) ---

    /** Words that point back at something already there. */
    static final String BACK_REFERENCE = "그\\s|그것|이것|결과|위의|해당";
    /** An instruction that builds on an earlier result. */
    static final String BUILDS_ON = "그 결과|결과(를|에)|바탕";
    static final String MEDIA_AUDIO = "오디오|음성|녹음";
    static final String MEDIA_IMAGE = "사진|이미지|그림|문서";
    /** Pictures of writing: receipts, signs, menus, letters. */
    static final String TEXT_IN_PICTURE = "영수증|간판|메뉴|표지판|글자|적힌|쓰인";
    static final String LAID_OUT_DOCUMENT = "문서|서류";
    /** An edit the clause spells out: a colour, the background. */
    static final String CONCRETE_EDIT = "색|배경";
}
