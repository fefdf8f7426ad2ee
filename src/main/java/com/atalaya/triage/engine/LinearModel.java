package com.atalaya.triage.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A multinomial logistic regression over named sparse features, trained with AdaGrad and L2
 * regularisation. Deterministic: the same examples in the same order give the same model. Its
 * explanation of a prediction is the features that pushed hardest toward the predicted class.
 * Immutable once trained; thread-safe.
 */
public final class LinearModel {

    /** One labelled example. {@code weight} counts it more than once (agents' corrections). */
    public record Example(List<Features.Feature> features, String label, double weight) {}

    public record Prediction(String label, double confidence, List<String> because, double[] probabilities) {
        public double probability(String label, List<String> labels) {
            int i = labels.indexOf(label);
            return i < 0 ? 0 : probabilities[i];
        }
    }

    private static final int FORMAT = 1;
    private static final byte[] MAGIC = {'A', 'T', 'L', 'M'};

    private final List<String> labels;
    private final Map<String, Integer> index;
    private final float[][] weights;

    private LinearModel(List<String> labels, Map<String, Integer> index, float[][] weights) {
        this.labels = List.copyOf(labels);
        this.index = index;
        this.weights = weights;
    }

    public static LinearModel train(List<String> labels, List<Example> examples, int epochs, double l2) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Example e : examples) {
            for (Features.Feature f : e.features()) {
                counts.merge(f.name(), 1, Integer::sum);
            }
        }
        List<String> kept = counts.entrySet().stream()
                .filter(c -> c.getValue() >= 2
                        || !c.getKey().contains(" ")
                        || c.getKey().startsWith("rule "))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        for (String name : kept) {
            index.put(name, index.size());
        }
        int k = labels.size();
        int d = index.size() + 1;
        double[][] w = new double[k][d];
        double[][] g2 = new double[k][d];
        int[][] rows = new int[examples.size()][];
        double[][] values = new double[examples.size()][];
        int[] targets = new int[examples.size()];
        for (int n = 0; n < examples.size(); n++) {
            Example e = examples.get(n);
            List<Integer> ids = new ArrayList<>();
            List<Double> vs = new ArrayList<>();
            for (Features.Feature f : e.features()) {
                Integer id = index.get(f.name());
                if (id != null) {
                    ids.add(id);
                    vs.add(f.value());
                }
            }
            ids.add(d - 1);
            vs.add(1.0);
            rows[n] = ids.stream().mapToInt(Integer::intValue).toArray();
            values[n] = vs.stream().mapToDouble(Double::doubleValue).toArray();
            targets[n] = labels.indexOf(e.label());
            if (targets[n] < 0) {
                throw new IllegalArgumentException("Unknown label " + e.label());
            }
        }
        Integer[] order = new Integer[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(42);
        double rate = 0.5;
        double[] p = new double[k];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int n : order) {
                int[] row = rows[n];
                double[] val = values[n];
                softmax(w, row, val, p);
                double weight = examples.get(n).weight();
                for (int c = 0; c < k; c++) {
                    double error = (p[c] - (c == targets[n] ? 1 : 0)) * weight;
                    for (int j = 0; j < row.length; j++) {
                        int f = row[j];
                        double grad = error * val[j] + l2 * w[c][f];
                        g2[c][f] += grad * grad;
                        w[c][f] -= rate * grad / (Math.sqrt(g2[c][f]) + 1e-8);
                    }
                }
            }
        }
        float[][] weights = new float[k][d];
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < d; f++) {
                weights[c][f] = (float) w[c][f];
            }
        }
        return new LinearModel(labels, index, weights);
    }

    private static void shuffle(Integer[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static void softmax(double[][] w, int[] row, double[] val, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double z = 0;
            for (int j = 0; j < row.length; j++) {
                z += w[c][row[j]] * val[j];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    public Prediction predict(List<Features.Feature> features) {
        int k = labels.size();
        int bias = weights[0].length - 1;
        int[] ids = new int[features.size()];
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            z[c] = weights[c][bias];
        }
        for (int j = 0; j < features.size(); j++) {
            Integer id = index.get(features.get(j).name());
            ids[j] = id == null ? -1 : id;
            if (id != null) {
                double v = features.get(j).value();
                for (int c = 0; c < k; c++) {
                    z[c] += weights[c][id] * v;
                }
            }
        }
        int best = 0;
        double max = z[0];
        for (int c = 1; c < k; c++) {
            if (z[c] > max) {
                max = z[c];
                best = c;
            }
        }
        double sum = 0;
        double[] probabilities = new double[k];
        for (int c = 0; c < k; c++) {
            probabilities[c] = Math.exp(z[c] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < k; c++) {
            probabilities[c] /= sum;
        }
        int winner = best;
        double[] push = new double[ids.length];
        for (int j = 0; j < ids.length; j++) {
            push[j] = ids[j] < 0 ? 0 : weights[winner][ids[j]] * features.get(j).value();
        }
        List<String> because = IntStream.range(0, ids.length)
                .filter(j -> push[j] > 0.05 && Features.explains(features.get(j).name()))
                .boxed()
                .sorted(Comparator.comparingDouble(j -> -push[j]))
                .limit(4)
                .map(j -> Features.describe(features.get(j).name()))
                .toList();
        return new Prediction(labels.get(winner), probabilities[winner], because, probabilities);
    }

    public List<String> labels() {
        return labels;
    }

    public int featureCount() {
        return index.size();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(labels.size());
            for (String label : labels) {
                out.writeUTF(label);
            }
            String[] names = new String[index.size()];
            index.forEach((name, id) -> names[id] = name);
            out.writeInt(names.length);
            for (String name : names) {
                out.writeUTF(name);
            }
            for (float[] row : weights) {
                for (float v : row) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static LinearModel fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte[] magic = in.readNBytes(4);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != FORMAT) {
                throw new IllegalArgumentException("Not an Atalaya triage model");
            }
            int k = in.readInt();
            List<String> labels = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                labels.add(in.readUTF());
            }
            int n = in.readInt();
            Map<String, Integer> index = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                index.put(in.readUTF(), i);
            }
            float[][] weights = new float[k][n + 1];
            for (int c = 0; c < k; c++) {
                for (int f = 0; f <= n; f++) {
                    weights[c][f] = in.readFloat();
                }
            }
            return new LinearModel(labels, index, weights);
        } catch (IOException e) {
            throw new IllegalArgumentException("Corrupt triage model", e);
        }
    }
}
