package dev.fluxion.optimizers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of an {@link OptimizerState}. Line by line:
 *
 * <pre>
 * fluxion-optimizer-state 1
 * spec adam(lr=0.01, ...)
 * dimension 2
 * steps 3
 * evaluations 0 3 0
 * buffer 0 m 0x1.999999999999ap-4 -0x1.0p0
 * buffer 0 v ...
 * </pre>
 *
 * The {@code evaluations} line (values, gradients, Hessians) may be missing in text saved before it existed; the
 * counts then start from 0. A buffer's path is the index of its transform in the chain, nested indices joined by '.', or {@code -} for
 * the root transform itself. Doubles are written in hexadecimal, so they read back bit for bit.
 */
final class StateText {
    private static final String HEADER = "fluxion-optimizer-state 1";

    private StateText() {
    }

    static String save(OptimizerState state) {
        StringBuilder text = new StringBuilder();
        text.append(HEADER).append('\n');
        text.append("spec ").append(state.optimizer().spec()).append('\n');
        text.append("dimension ").append(state.dimension()).append('\n');
        text.append("steps ").append(state.steps()).append('\n');
        Evaluations counts = state.evaluations();
        text.append("evaluations ").append(counts.values()).append(' ').append(counts.gradients()).append(' ')
                .append(counts.hessians()).append('\n');
        writeBuffers(state.root(), "-", text);
        return text.toString();
    }

    private static void writeBuffers(TransformState state, String path, StringBuilder text) {
        List<String> names = state.bufferNames();
        for (int b = 0; b < names.size(); b++) {
            text.append("buffer ").append(path).append(' ').append(names.get(b));
            for (double v : state.savedBuffer(b)) {
                text.append(' ').append(Double.toHexString(v));
            }
            text.append('\n');
        }
        List<TransformState> parts = state.nested();
        for (int i = 0; i < parts.size(); i++) {
            writeBuffers(parts.get(i), path.equals("-") ? String.valueOf(i) : path + "." + i, text);
        }
    }

    static OptimizerState restore(Optimizer optimizer, String saved) {
        String[] lines = saved.strip().split("\n");
        if (lines.length < 4 || !lines[0].strip().equals(HEADER)) {
            throw new OptimizerException("saved optimizer state must start with '" + HEADER + "'");
        }
        String spec = field(lines[1], "spec");
        if (!spec.equals(optimizer.spec())) {
            throw new OptimizerException("saved state belongs to " + spec + ", not to " + optimizer.spec());
        }
        int dimension = (int) number(field(lines[2], "dimension"), "dimension");
        long steps = number(field(lines[3], "steps"), "steps");
        OptimizerState state = optimizer.start(dimension);
        int first = 4;
        Evaluations counts = Evaluations.NONE;
        if (lines.length > 4 && lines[4].strip().startsWith("evaluations ")) {
            String[] words = field(lines[4], "evaluations").split(" ");
            if (words.length != 3) {
                throw new OptimizerException("saved optimizer state: expected 'evaluations VALUES GRADIENTS HESSIANS',"
                        + " found '" + lines[4] + "'");
            }
            counts = new Evaluations(number(words[0], "values"), number(words[1], "gradients"),
                    number(words[2], "hessians"));
            first = 5;
        }
        state.restore(steps, counts);
        Map<String, double[]> buffers = new HashMap<>();
        collect(state.root(), "-", buffers);
        for (int l = first; l < lines.length; l++) {
            String[] words = lines[l].strip().split(" ");
            if (words.length < 3 || !words[0].equals("buffer")) {
                throw new OptimizerException("line " + (l + 1) + " of a saved state should read 'buffer PATH NAME"
                        + " VALUES...': " + lines[l]);
            }
            double[] target = buffers.remove(words[1] + " " + words[2]);
            if (target == null) {
                throw new OptimizerException("saved buffer " + words[2] + " at " + words[1] + " is unknown to "
                        + optimizer.spec() + " (or given twice)");
            }
            if (words.length - 3 != target.length) {
                throw new OptimizerException("saved buffer " + words[2] + " at " + words[1] + " has "
                        + (words.length - 3) + " values, expected " + target.length);
            }
            for (int i = 0; i < target.length; i++) {
                try {
                    target[i] = Double.parseDouble(words[i + 3]);
                } catch (NumberFormatException e) {
                    throw new OptimizerException("saved buffer " + words[2] + " has the malformed number '"
                            + words[i + 3] + "' at position " + i);
                }
            }
        }
        if (!buffers.isEmpty()) {
            throw new OptimizerException("saved state lacks the buffers " + buffers.keySet());
        }
        return state;
    }

    private static void collect(TransformState state, String path, Map<String, double[]> buffers) {
        List<String> names = state.bufferNames();
        for (int b = 0; b < names.size(); b++) {
            buffers.put(path + " " + names.get(b), state.savedBuffer(b));
        }
        List<TransformState> parts = state.nested();
        for (int i = 0; i < parts.size(); i++) {
            collect(parts.get(i), path.equals("-") ? String.valueOf(i) : path + "." + i, buffers);
        }
    }

    private static String field(String line, String key) {
        String trimmed = line.strip();
        if (!trimmed.startsWith(key + " ")) {
            throw new OptimizerException("saved optimizer state: expected a line '" + key + " ...', found '"
                    + line + "'");
        }
        return trimmed.substring(key.length() + 1);
    }

    private static long number(String text, String key) {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new OptimizerException("saved optimizer state: " + key + " = '" + text + "' is not a count in"
                    + " [0, inf)");
        }
    }
}
