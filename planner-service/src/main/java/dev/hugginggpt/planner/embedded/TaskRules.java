package dev.hugginggpt.planner.embedded;

import java.util.List;
import java.util.Optional;

/** Clause-to-task rules, most specific first: the first rule that matches a clause names its task. */
final class TaskRules {
    static final List<TaskRule> RULES = List.of(
            TaskRule.of("automatic-speech-recognition",
                    "transcri|speech[- ]to[- ]text|speech recognition|what (is|was|'s) (being )?said|"
                            + "(audio|speech|recording|voice|sound) (in)?to (written )?text|받아\\s*적|음성\\s*인식|"
                            + "(오디오|음성|녹음).*(텍스트|글)로"),
            TaskRule.of("text-to-speech",
                    "aloud|out loud|speak|narrat|pronounce|text[- ]to[- ]speech|(into|as|to) (an? )?(speech|audio|voice)"
                            + "|voice[- ]?over|read (it|this|that|them|the \\w+)( back)? to me|음성으로|소리 ?내|읽어\\s*(줘|주)"),
            TaskRule.of("text-classification",
                    "what language|which language|(identify|detect|recogni[sz]e|determine) the language|language (is|of)"
                            + "|sentiment|positive or negative|(classify|categori[sz]e) (the|this|that|my) (text|sentence|review|comment)"
                            + "|어떤 언어|무슨 언어|언어를? (감지|식별|판별|알려)|감정|긍정|부정"),
            TaskRule.of("translation", "translat|번역|(in|into) (english|french|spanish|german|korean|catalan|galician)"
                    + "|(영어|한국어|스페인어|프랑스어|독일어)로"),
            TaskRule.of("summarization", "summar|sum up|tl;?dr|shorter version|condense|요약"),
            TaskRule.of("token-classification", "named entit|entities|\\bner\\b|part[- ]of[- ]speech|\\bpos tag|개체명"),
            TaskRule.of("sentence-similarity", "similar|similarity|how close .* (sentences|texts)|유사"),
            TaskRule.of("depth-estimation", "depth|깊이"),
            TaskRule.of("image-segmentation", "segment|mask|분할"),
            TaskRule.of("canny-control", "edges?\\b|canny|윤곽"),
            TaskRule.of("openpose-control", "pose|skeleton|keypoint|자세"),
            TaskRule.of("object-detection",
                    "detect|locate|bounding|find (all )?(the )?(objects|faces|people|persons)|how many .* (in|on) (the|this)"
                            + "|faces?\\b|객체|탐지|검출|얼굴"),
            TaskRule.of("document-question-answering", "(document|invoice|receipt|form).*\\?|문서.*\\?"),
            TaskRule.of("visual-question-answering",
                    "(what|who|how many|which|is there|are there).*(image|picture|photo|사진|이미지).*\\?"
                            + "|(image|picture|photo).*(what|who|how many|which).*\\?"),
            TaskRule.of("image-to-text",
                    "describ|caption|what('s| is) (in|on) (the|this)|read the (text|words)|\\bocr\\b|extract (the )?text"
                            + "|text (in|from|on) (the|this)|설명|묘사|글자|텍스트를? (추출|읽)"),
            TaskRule.of("image-classification", "classify (the|this|my) (image|picture|photo)|what (kind|type|breed|species) of"
                    + "|(이미지|사진).*분류"),
            TaskRule.of("audio-classification", "classify (the|this|my) (audio|sound|clip)|what (kind of )?sound"),
            TaskRule.of("audio-to-audio", "enhance|denois|noise|separate|clean up the (audio|recording)"),
            TaskRule.of("text-to-video", "video|animat|동영상|비디오"),
            TaskRule.of("text-to-image", "draw|paint|sketch|illustrat|(generate|create|make|produce|render) (an? |some )?(\\w+ )?(image|picture|photo)"
                    + "|그려|그림|이미지를? (생성|만들)"),
            TaskRule.of("image-to-image", "(transform|turn|convert|edit|restyle|stylize) (the|this|my) (image|picture|photo)"),
            TaskRule.of("question-answering", "\\?|(answer|tell me) .*(question|from the (text|passage|context))|질문|답"),
            TaskRule.of("text-generation", "write|compose|continue|story|poem|essay|generate (some )?text|작성|이야기|시를"));

    private TaskRules() {
    }

    static Optional<String> taskFor(String clause) {
        return RULES.stream().filter(r -> r.matches(clause)).map(TaskRule::task).findFirst();
    }
}
