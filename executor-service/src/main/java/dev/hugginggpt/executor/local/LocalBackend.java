package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.config.ExecutorLimits;
import dev.hugginggpt.executor.local.control.MediaPipePoseControl;
import dev.hugginggpt.executor.local.control.OpenCvCannyControl;
import dev.hugginggpt.executor.local.control.OpenCvLineSegmentControl;
import dev.hugginggpt.executor.local.model.LocalModel;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.pose.BlazePose;
import dev.hugginggpt.executor.local.runtime.MiniLm;
import dev.hugginggpt.executor.local.speech.EspeakTextToSpeech;
import dev.hugginggpt.executor.local.speech.FliteTextToSpeech;
import dev.hugginggpt.executor.local.speech.PocketsphinxSpeechRecognition;
import dev.hugginggpt.executor.local.speech.SoxNoiseReduction;
import dev.hugginggpt.executor.local.text.ApertiumTranslation;
import dev.hugginggpt.executor.local.text.MiniLmExtractiveQuestionAnswering;
import dev.hugginggpt.executor.local.text.MiniLmFeatureExtraction;
import dev.hugginggpt.executor.local.text.MiniLmSentenceSimilarity;
import dev.hugginggpt.executor.local.text.MiniLmZeroShotClassifier;
import dev.hugginggpt.executor.local.text.OpenNlpEnglish;
import dev.hugginggpt.executor.local.text.OpenNlpLanguageDetector;
import dev.hugginggpt.executor.local.text.OpenNlpPartOfSpeechTagger;
import dev.hugginggpt.executor.local.text.OtsSummarization;
import dev.hugginggpt.executor.local.text.SentimentSimilarity;
import dev.hugginggpt.executor.local.text.StanfordNamedEntityRecognizer;
import dev.hugginggpt.executor.local.text.StanfordSentimentClassifier;
import dev.hugginggpt.executor.local.vision.CocoObjectDetection;
import dev.hugginggpt.executor.local.vision.MediaPipeSelfieSegmentation;
import dev.hugginggpt.executor.local.vision.OpenCvFaceDetection;
import dev.hugginggpt.executor.local.vision.OpenCvImageOps;
import dev.hugginggpt.executor.local.vision.OpenCvPeopleDetection;
import dev.hugginggpt.executor.local.vision.TesseractOcr;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.UnavailableModel;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** The {@code local} backend: the models whose program or weights are installed on this machine. */
@ApplicationScoped
public class LocalBackend implements ModelBackend {
    private static final Logger LOG = Logger.getLogger(LocalBackend.class);
    private final Map<String, LocalModel> models = new LinkedHashMap<>();
    private final List<UnavailableModel> unavailable = new ArrayList<>();

    @Inject
    public LocalBackend(ResourceStore store, ExecutorLimits limits) {
        this(all(store, MediaLimits.of(limits)));
    }

    LocalBackend(List<LocalModel> known) {
        for (LocalModel model : known) {
            if (model.available()) {
                models.put(model.card().id(), model);
            } else {
                String reason = model.unavailableReason().orElse("its files are not part of this build");
                unavailable.add(new UnavailableModel(model.card().id(), model.card().task(), reason));
                LOG.warnf("local model %s cannot run on this machine (%s); it is announced as unavailable",
                        model.card().id(), reason);
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
    public List<ModelCard> localModels() {
        return models.values().stream().map(LocalModel::card).toList();
    }

    @Override
    public List<UnavailableModel> unavailableModels() {
        return List.copyOf(unavailable);
    }

    /**
     * Readies the named models before the first task (all of them for "all"): in-process weights loaded, a packaged
     * program run once on a tiny input. A model that fails to warm up is logged and stays offered: its tasks will say
     * what is wrong. Returns the ids warmed.
     */
    public List<String> warmUp(Set<String> ids) {
        List<String> warmed = new ArrayList<>();
        for (LocalModel model : models.values()) {
            String id = model.card().id();
            if (!ids.contains("all") && !ids.contains(id)) {
                continue;
            }
            long started = System.nanoTime();
            try {
                model.warmUp();
                warmed.add(id);
                LOG.infof("warmed up %s in %d ms", id, (System.nanoTime() - started) / 1_000_000);
            } catch (ModelException | RuntimeException e) {
                LOG.warnf("warming up %s failed: %s", id, e.getMessage());
            }
        }
        return warmed;
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
