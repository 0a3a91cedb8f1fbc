package dev.hugginggpt.executor.local;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.hugginggpt.executor.backend.ModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.function.Function;

/**
 * A TensorFlow Lite network from the classpath, run in the JVM by DJL's TFLite engine (natives for this platform in
 * the tflite-native-cpu jar, extracted to ~/.djl.ai on first use). It has one TFLite interpreter, which is not
 * thread-safe and whose output tensors are overwritten by the next run, so runs take turns and outputs are copied.
 */
final class TfLiteNetwork {
    private static final String ENGINE = "TFLite";
    private final String resource;
    private final Model model;
    private final Predictor<NDList, NDList> predictor;

    private TfLiteNetwork(String resource, Model model) {
        this.resource = resource;
        this.model = model;
        this.predictor = model.newPredictor(new NoopTranslator());
    }

    /** Whether DJL's TFLite engine and its natives for this platform are on the classpath. */
    static boolean engineAvailable() {
        try {
            Class.forName("ai.djl.tflite.engine.TfLiteEngineProvider", false, TfLiteNetwork.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return resourceExists("native/lib/tflite.properties")
                && resourceExists("native/lib/" + System.mapLibraryName("tensorflowlite_jni"));
    }

    static boolean resourceExists(String resource) {
        return TfLiteNetwork.class.getClassLoader().getResource(resource) != null;
    }

    /** Loads {@code resource}; MediaPipe's custom transposed convolution is first rewritten to TFLite's builtin. */
    static TfLiteNetwork load(String resource) throws ModelException {
        byte[] flatbuffer;
        try (InputStream in = TfLiteNetwork.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelException("the model file " + resource + " is not in the executor's jar");
            }
            flatbuffer = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("could not read the model file " + resource + ": " + e.getMessage(), e);
        }
        flatbuffer = TransposeConvBiasRewrite.rewrite(flatbuffer);
        Model model = Model.newInstance(resource, ENGINE);
        try {
            model.load(new ByteArrayInputStream(flatbuffer));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelException("TensorFlow Lite could not load " + resource + ": " + e.getMessage(), e);
        }
        return new TfLiteNetwork(resource, model);
    }

    /** Runs the network on one float input of the given shape; answers every output tensor, flattened. */
    float[][] run(float[] input, long... shape) throws ModelException {
        return run(manager -> manager.create(FloatBuffer.wrap(input), new Shape(shape)));
    }

    /** Runs a quantized network on one input of bytes (0..255) of the given shape; answers its float outputs, flattened. */
    float[][] runBytes(byte[] input, long... shape) throws ModelException {
        return run(manager -> manager.create(ByteBuffer.wrap(input), new Shape(shape), DataType.UINT8));
    }

    private synchronized float[][] run(Function<NDManager, NDArray> input) throws ModelException {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList outputs = predictor.predict(new NDList(input.apply(manager)));
            float[][] copies = new float[outputs.size()][];
            for (int k = 0; k < outputs.size(); k++) {
                // toByteBuffer(), not toFloatArray(): the engine (0.27) implements only the former of DJL's API 0.36
                FloatBuffer values = outputs.get(k).toByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
                copies[k] = new float[values.remaining()];
                values.get(copies[k]);
            }
            return copies;
        } catch (TranslateException | RuntimeException e) {
            throw new ModelException("TensorFlow Lite failed to run " + resource + ": " + e.getMessage(), e);
        }
    }
}
