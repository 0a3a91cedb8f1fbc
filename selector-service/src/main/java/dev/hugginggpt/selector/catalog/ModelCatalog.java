package dev.hugginggpt.selector.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hugginggpt.protocol.ModelCard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The remote part of the catalog: the original project's Hugging Face model cards, run by the
 * {@code huggingface} backend. Local models are not listed here: executors announce them.
 */
@ApplicationScoped
public class ModelCatalog {
    private static final int DESCRIPTION_LIMIT = 400;
    /** The original catalog has NaN in some metadata fields. */
    private static final ObjectMapper CATALOG_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private final Map<String, List<ModelCard>> byTask;

    public ModelCatalog() {
        this.byTask = load(CATALOG_JSON, "catalog/hf-models.jsonl").stream()
                .collect(Collectors.groupingBy(ModelCard::task));
    }

    public List<ModelCard> remoteModels(String task) {
        return byTask.getOrDefault(task, List.of());
    }

    public int size() {
        return byTask.values().stream().mapToInt(List::size).sum();
    }

    static List<ModelCard> load(ObjectMapper mapper, String resource) {
        List<ModelCard> cards = new ArrayList<>();
        try (InputStream in = ModelCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                String description = n.path("description").asText("").strip().replaceAll("\\s+", " ");
                String license = n.path("meta").path("license").asText("unknown");
                cards.add(new ModelCard(n.path("id").asText(), n.path("task").asText(), "huggingface",
                        n.path("downloads").asLong(), n.path("likes").asLong(),
                        description.length() > DESCRIPTION_LIMIT ? description.substring(0, DESCRIPTION_LIMIT) : description,
                        license));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cards;
    }
}
