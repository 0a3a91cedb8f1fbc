package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.config.ExecutorLimits;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The {@code local} backend: the models whose program or weights are installed on this machine. */
@ApplicationScoped
public class LocalBackend implements ModelBackend {
    private static final Logger LOG = Logger.getLogger(LocalBackend.class);
    private final Map<String, LocalModel> models = new LinkedHashMap<>();
    /** While the executor offers the benchmark stand-ins (HG_BENCH_MODELS=true), no task may reach a real model. */
    @ConfigProperty(name = "hg.bench.models", defaultValue = "false")
    boolean benchStandIns;

    public LocalBackend(ResourceStore store, ExecutorLimits limits) {
        for (LocalModel model : all(store, MediaLimits.of(limits))) {
            if (model.available()) {
                models.put(model.card().id(), model);
            } else {
                LOG.warnf("local model %s is not installed on this machine; it will not be offered", model.card().id());
            }
        }
        LOG.infof("local models available: %s", models.keySet());
    }

    /** Every model this backend knows, installed here or not. */
    public static List<LocalModel> all(ResourceStore store, MediaLimits limits) {
        MiniLm encoder = new MiniLm();
        OpenNlpEnglish english = new OpenNlpEnglish();
        OpenNlpLanguageDetector languages = new OpenNlpLanguageDetector();
        return List.of(new EspeakTextToSpeech(store, languages), new FliteTextToSpeech(store),
                new PocketsphinxSpeechRecognition(store, limits), new TesseractOcr(store, limits), languages,
                new StanfordSentimentClassifier(new SentimentSimilarity(encoder)), new MiniLmSentenceSimilarity(encoder),
                new MiniLmFeatureExtraction(encoder), new MiniLmZeroShotClassifier(encoder),
                new MiniLmExtractiveQuestionAnswering(encoder, english), new StanfordNamedEntityRecognizer(),
                new OpenNlpPartOfSpeechTagger(english),
                new ApertiumTranslation(languages), new OtsSummarization(), new CocoObjectDetection(store, limits),
                new OpenCvFaceDetection(store, limits),
                new OpenCvPeopleDetection(store, limits), new OpenCvCannyControl(store, limits),
                new OpenCvLineSegmentControl(store, limits), new OpenCvImageOps(store, limits),
                new SoxNoiseReduction(store, limits), new MediaPipePoseControl(store, new BlazePose(), limits),
                new MediaPipeSelfieSegmentation(store, limits));
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean enabled() {
        return !benchStandIns;
    }

    @Override
    public List<ModelCard> localModels() {
        return models.values().stream().map(LocalModel::card).toList();
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public boolean canRun(String modelId) {
        return models.containsKey(modelId);
    }

    @Override
    public TaskOutput run(TaskDispatch task, Duration timeLeft) throws ModelException {
        LocalModel model = models.get(task.model().modelId());
        if (model == null) {
            throw new ModelException("model " + task.model().modelId() + " is not installed on this executor");
        }
        return model.run(task.args(), timeLeft);
    }
}
