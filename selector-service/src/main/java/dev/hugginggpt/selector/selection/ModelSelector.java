package dev.hugginggpt.selector.selection;

import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.selector.catalog.ExecutorRegistry;
import dev.hugginggpt.selector.catalog.ModelCatalog;
import dev.hugginggpt.selector.config.InferenceMode;
import dev.hugginggpt.selector.config.SelectorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stage 2: candidates of the task type that a live backend can run, ranked, cut to top-K, then one
 * chosen in context. Offline the choice is the ranking refined by word overlap between the task's
 * text (request and arguments) and each model's description.
 */
@ApplicationScoped
public class ModelSelector {
    private final ModelCatalog catalog;
    private final ExecutorRegistry executors;
    private final InferenceMode mode;

    public ModelSelector(ModelCatalog catalog, ExecutorRegistry executors, SelectorConfig config) {
        this.catalog = catalog;
        this.executors = executors;
        this.mode = config.inferenceMode();
    }

    public Candidates candidates(String task, int topK) {
        List<ModelCard> available = new ArrayList<>();
        for (ModelCard announced : executors.localModels(task)) {
            if (mode.allows(announced.backend())) {
                available.add(announced);
            }
        }
        Set<String> remote = executors.remoteBackends();
        if (remote.contains("huggingface") && mode.allows("huggingface")) {
            available.addAll(catalog.remoteModels(task));
        }
        if (available.isEmpty()) {
            String reason;
            Map<String, String> unavailable = executors.unavailableModels(task);
            if (executors.liveExecutors() == 0) {
                reason = "no executor is running";
            } else if (!unavailable.isEmpty()) {
                reason = unavailable.entrySet().stream().map(e -> e.getKey() + " cannot run on the executors: " + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; "));
            } else if (mode == InferenceMode.LOCAL) {
                reason = "no offline model serves " + task + " and the inference mode is local (HG_INFERENCE_MODE)";
            } else {
                reason = "no offline model serves " + task + " and no remote backend that does is configured"
                        + " (set HG_HUGGINGFACE_TOKEN, or HG_OPENAI_BASE_URL with a model for it, on the executors)";
            }
            return new Candidates(List.of(), reason);
        }
        available.sort(Comparator.comparing((ModelCard m) -> !"local".equals(m.backend()))
                .thenComparing(Comparator.comparingLong(ModelCard::downloads).reversed())
                .thenComparing(Comparator.comparingLong(ModelCard::likes).reversed()));
        return new Candidates(List.copyOf(available.subList(0, Math.min(topK, available.size()))), null);
    }

    /** A model a person chose for a task of this type, if a live backend offers it now, whatever its rank. */
    public java.util.Optional<ModelChoice> offered(String task, String modelId) {
        return candidates(task, Integer.MAX_VALUE).ranked().stream().filter(m -> m.id().equals(modelId)).findFirst()
                .map(m -> new ModelChoice(m.id(), m.backend(), "chosen when the plan was approved"));
    }

    /** Orders the candidates best first for this task's text; the first is the choice, the rest are fallbacks. */
    public List<ModelChoice> choose(Candidates candidates, String userMessage, Map<String, String> args) {
        Set<String> words = requestWords(userMessage + " " + String.join(" ", args.values()));
        List<ModelCard> ranked = candidates.ranked();
        List<ScoredCard> scored = new ArrayList<>();
        for (int rank = 0; rank < ranked.size(); rank++) {
            ModelCard card = ranked.get(rank);
            Set<String> shared = new HashSet<>(words(card.description()));
            shared.retainAll(words);
            scored.add(new ScoredCard(card, rank, shared.size()));
        }
        scored.sort(Comparator.comparingInt(ScoredCard::overlap).reversed().thenComparingInt(ScoredCard::rank));
        List<ModelChoice> choices = new ArrayList<>();
        for (ScoredCard s : scored) {
            String reason = s.overlap() > 0
                    ? "ranked " + (s.rank() + 1) + " of " + ranked.size() + " by availability and downloads; its description"
                            + " shares " + s.overlap() + (s.overlap() == 1 ? " word" : " words") + " with the task"
                    : "ranked " + (s.rank() + 1) + " of " + ranked.size() + " by availability and downloads";
            choices.add(new ModelChoice(s.card().id(), s.card().backend(), reason));
        }
        return choices;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3 && !STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** The request's words, with the English words of the cards its Korean words mean (the cards are in English). */
    private static Set<String> requestWords(String text) {
        Set<String> words = words(text);
        KOREAN.forEach((korean, english) -> {
            if (korean.matcher(text).find()) {
                words.addAll(english);
            }
        });
        return words;
    }

    /**
     * The model cards are described in English; a Korean request names what it wants in Korean. The words that tell
     * same-task models apart, in Korean, with the English words of the cards they mean.
     */
    private static final Map<Pattern, List<String>> KOREAN = Map.of(
            Pattern.compile("감정|감성|긍정|부정|기분|호불호|평판"), List.of("sentiment", "positive", "negative"),
            Pattern.compile("언어|무슨 말|어느 나라 말"), List.of("language"),
            Pattern.compile("개체명|고유\\s?명사|인명|지명|사람 이름|장소|기관|날짜"), List.of("named", "entities", "people", "places"),
            Pattern.compile("품사|문법"), List.of("parts", "speech", "grammar"),
            Pattern.compile("얼굴"), List.of("faces", "face"),
            Pattern.compile("사람|인물|보행자|행인"), List.of("persons", "people", "pedestrians"));

    private static final Set<String> STOP = Set.of("this", "that", "with", "from", "what", "tell", "please", "into",
            "model", "models", "text", "using", "used", "which", "have", "your", "about", "they", "them", "their");

    private record ScoredCard(ModelCard card, int rank, int overlap) {
    }
}
