package dev.hugginggpt.executor.local.runtime;

import dev.hugginggpt.executor.backend.ModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's segmentation models end in the custom op Convolution2DTransposeBias, which only MediaPipe's runtime
 * registers. It is a transposed convolution plus bias, which stock TensorFlow Lite has as the builtin TRANSPOSE_CONV
 * (version 3 takes the bias). This rewrites a model file so that each such op is that builtin: a new root Model,
 * SubGraph, vectors and the replaced operators are written in front of the untouched original (see
 * {@link FlatPrepender}); each replaced op also gets a constant tensor holding its output shape, which
 * TRANSPOSE_CONV takes as its first input. Field numbers are those of TFLite's schema.fbs.
 */
final class TransposeConvBiasRewrite {
    static final String CUSTOM_CODE = "Convolution2DTransposeBias";
    private static final int TRANSPOSE_CONV = 67;
    private static final int TRANSPOSE_CONV_OPTIONS = 49;
    private static final int TENSOR_INT32 = 2;
    // Model
    private static final int MODEL_VERSION = 0;
    private static final int MODEL_OPERATOR_CODES = 1;
    private static final int MODEL_SUBGRAPHS = 2;
    private static final int MODEL_BUFFERS = 4;
    private static final int MODEL_FIELDS = 8;
    // SubGraph
    private static final int SUBGRAPH_TENSORS = 0;
    private static final int SUBGRAPH_OPERATORS = 3;
    private static final int SUBGRAPH_FIELDS = 5;
    // OperatorCode
    private static final int CODE_DEPRECATED_BUILTIN = 0;
    private static final int CODE_CUSTOM = 1;
    private static final int CODE_VERSION = 2;
    private static final int CODE_BUILTIN = 3;
    // Operator
    private static final int OP_OPCODE_INDEX = 0;
    private static final int OP_INPUTS = 1;
    private static final int OP_OUTPUTS = 2;
    private static final int OP_OPTIONS_TYPE = 3;
    private static final int OP_OPTIONS = 4;
    private static final int OP_CUSTOM_OPTIONS = 5;
    // Tensor
    private static final int TENSOR_SHAPE = 0;
    private static final int TENSOR_TYPE = 1;
    private static final int TENSOR_BUFFER = 2;
    private static final int TENSOR_NAME = 3;
    // Buffer: data; offset and size (data outside the flatbuffer, for files over 2 GB)
    private static final int BUFFER_DATA = 0;
    private static final int BUFFER_OFFSET = 1;

    private TransposeConvBiasRewrite() {
    }

    static boolean needed(byte[] model) {
        return customOpcode(FlatTable.root(model)) >= 0;
    }

    static byte[] rewrite(byte[] model) throws ModelException {
        FlatTable root = FlatTable.root(model);
        int custom = customOpcode(root);
        if (custom < 0) {
            return model;
        }
        for (int k = 0; k < root.vectorLength(MODEL_BUFFERS); k++) {
            if (root.tableAt(MODEL_BUFFERS, k).has(BUFFER_OFFSET)) {
                throw new ModelException("the model keeps weights outside its flatbuffer; it cannot be rewritten");
            }
        }
        for (int field = MODEL_FIELDS; field < 16; field++) {
            if (root.has(field)) {
                throw new ModelException("the model has field " + field + ", unknown to the rewrite");
            }
        }
        FlatPrepender out = new FlatPrepender(model);
        List<Integer> bufferRefs = oldElements(out, root, MODEL_BUFFERS);
        List<Integer> subgraphRefs = new ArrayList<>();
        for (int s = 0; s < root.vectorLength(MODEL_SUBGRAPHS); s++) {
            subgraphRefs.add(subgraph(out, root.tableAt(MODEL_SUBGRAPHS, s), custom, bufferRefs));
        }
        List<Integer> codeRefs = oldElements(out, root, MODEL_OPERATOR_CODES);
        out.startTable(4);
        out.intField(CODE_BUILTIN, TRANSPOSE_CONV);
        out.intField(CODE_VERSION, 3);
        out.byteField(CODE_DEPRECATED_BUILTIN, TRANSPOSE_CONV);
        codeRefs.set(custom, out.endTable());

        int codes = out.offsets(toArray(codeRefs));
        int subgraphs = out.offsets(toArray(subgraphRefs));
        int buffers = out.offsets(toArray(bufferRefs));
        out.startTable(MODEL_FIELDS);
        for (int field = MODEL_FIELDS - 1; field > MODEL_VERSION; field--) {
            int ref = switch (field) {
                case MODEL_OPERATOR_CODES -> codes;
                case MODEL_SUBGRAPHS -> subgraphs;
                case MODEL_BUFFERS -> buffers;
                default -> root.has(field) ? out.old(root.target(field)) : 0;
            };
            if (ref != 0) {
                out.offsetField(field, ref);
            }
        }
        out.intField(MODEL_VERSION, root.intField(MODEL_VERSION, 0));
        return out.finish(out.endTable(), "TFL3");
    }

    private static int customOpcode(FlatTable root) {
        for (int k = 0; k < root.vectorLength(MODEL_OPERATOR_CODES); k++) {
            if (CUSTOM_CODE.equals(root.tableAt(MODEL_OPERATOR_CODES, k).string(CODE_CUSTOM))) {
                return k;
            }
        }
        return -1;
    }

    /** A new SubGraph table whose replaced operators and added shape tensors are new, the rest the old ones. */
    private static int subgraph(FlatPrepender out, FlatTable subgraph, int custom, List<Integer> bufferRefs)
            throws ModelException {
        for (int field = SUBGRAPH_FIELDS; field < 16; field++) {
            if (subgraph.has(field)) {
                throw new ModelException("the model's subgraph has field " + field + ", unknown to the rewrite");
            }
        }
        List<Integer> tensorRefs = oldElements(out, subgraph, SUBGRAPH_TENSORS);
        List<Integer> operatorRefs = oldElements(out, subgraph, SUBGRAPH_OPERATORS);
        for (int k = 0; k < operatorRefs.size(); k++) {
            FlatTable op = subgraph.tableAt(SUBGRAPH_OPERATORS, k);
            if (op.intField(OP_OPCODE_INDEX, 0) != custom) {
                continue;
            }
            int[] inputs = op.ints(OP_INPUTS);
            int[] outputs = op.ints(OP_OUTPUTS);
            ByteBuffer params = ByteBuffer.wrap(op.bytes(OP_CUSTOM_OPTIONS)).order(ByteOrder.LITTLE_ENDIAN);
            if (inputs.length != 3 || outputs.length != 1 || params.capacity() < 12) {
                throw new ModelException(CUSTOM_CODE + " operator " + k + " is not input, weights, bias -> output");
            }
            // TfLiteTransposeConvParams: padding (1 same, 2 valid), stride width, stride height
            int padding = params.getInt(0) == 2 ? 1 : 0;
            int strideW = params.getInt(4);
            int strideH = params.getInt(8);
            FlatTable output = subgraph.tableAt(SUBGRAPH_TENSORS, outputs[0]);
            int[] outputShape = output.ints(TENSOR_SHAPE);
            ByteBuffer shapeData = ByteBuffer.allocate(4 * outputShape.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int d : outputShape) {
                shapeData.putInt(d);
            }

            int data = out.bytes(shapeData.array(), 16);
            out.startTable(1);
            out.offsetField(BUFFER_DATA, data);
            bufferRefs.add(out.endTable());

            int name = out.string(output.string(TENSOR_NAME) + "/output_shape");
            int shape = out.ints(new int[] {outputShape.length});
            out.startTable(4);
            out.offsetField(TENSOR_NAME, name);
            out.offsetField(TENSOR_SHAPE, shape);
            out.intField(TENSOR_BUFFER, bufferRefs.size() - 1);
            out.byteField(TENSOR_TYPE, TENSOR_INT32);
            tensorRefs.add(out.endTable());

            out.startTable(3);
            out.intField(1, strideW);
            out.intField(2, strideH);
            out.byteField(0, padding);
            int options = out.endTable();
            int newInputs = out.ints(tensorRefs.size() - 1, inputs[1], inputs[0], inputs[2]);
            out.startTable(OP_CUSTOM_OPTIONS);
            out.offsetField(OP_OPTIONS, options);
            out.offsetField(OP_OUTPUTS, out.old(op.target(OP_OUTPUTS)));
            out.offsetField(OP_INPUTS, newInputs);
            out.intField(OP_OPCODE_INDEX, custom);
            out.byteField(OP_OPTIONS_TYPE, TRANSPOSE_CONV_OPTIONS);
            operatorRefs.set(k, out.endTable());
        }
        int tensors = out.offsets(toArray(tensorRefs));
        int operators = out.offsets(toArray(operatorRefs));
        out.startTable(SUBGRAPH_FIELDS);
        for (int field = SUBGRAPH_FIELDS - 1; field >= 0; field--) {
            int ref = switch (field) {
                case SUBGRAPH_TENSORS -> tensors;
                case SUBGRAPH_OPERATORS -> operators;
                default -> subgraph.has(field) ? out.old(subgraph.target(field)) : 0;
            };
            if (ref != 0) {
                out.offsetField(field, ref);
            }
        }
        return out.endTable();
    }

    private static List<Integer> oldElements(FlatPrepender out, FlatTable table, int field) {
        List<Integer> refs = new ArrayList<>();
        for (int k = 0; k < table.vectorLength(field); k++) {
            refs.add(out.old(table.tableElement(field, k)));
        }
        return refs;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
