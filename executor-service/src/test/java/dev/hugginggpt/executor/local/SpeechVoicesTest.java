package dev.hugginggpt.executor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Text-to-speech speaks in the language of its text: the one the task names, else the one detected, else English. */
class SpeechVoicesTest {
    private static final OpenNlpLanguageDetector DETECTOR = new OpenNlpLanguageDetector();

    @Test
    void theLanguageOfTheTextPicksTheVoice() {
        assertEquals("fr", SpeechVoices.voiceFor(null, "Bonjour tout le monde, comment allez-vous aujourd'hui ?", DETECTOR));
        assertEquals("de", SpeechVoices.voiceFor(null, "Guten Morgen, wie geht es dir heute?", DETECTOR));
        assertEquals("es", SpeechVoices.voiceFor(null, "Buenos días a todos, ¿cómo están ustedes?", DETECTOR));
        assertEquals("ko", SpeechVoices.voiceFor(null, "오늘 날씨가 정말 좋네요, 산책하러 갈까요?", DETECTOR));
        assertEquals("en", SpeechVoices.voiceFor(null, "The council approved the new park on Monday.", DETECTOR));
        assertEquals("it", SpeechVoices.voiceFor(null, "Ciao a tutti, come state?", DETECTOR));
    }

    @Test
    void aNamedLanguageWinsAndUnknownOnesFallBackToEnglish() {
        assertEquals("fr", SpeechVoices.voiceFor("French", "Hello everyone, good morning", DETECTOR));
        assertEquals("es", SpeechVoices.voiceFor("spa", "Hello", DETECTOR));
        assertEquals("en-us", SpeechVoices.voiceFor("en-US", "Bonjour tout le monde", DETECTOR));
        assertEquals("en", SpeechVoices.voiceFor("Klingon; rm -rf /", "Bonjour tout le monde", DETECTOR));
        assertEquals("en", SpeechVoices.voiceFor(null, "Hi!", DETECTOR), "too short to tell");
    }
}
