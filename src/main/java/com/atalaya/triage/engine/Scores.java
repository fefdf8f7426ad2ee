package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/** Accuracy, macro-F1 and the confusion matrix of one classifier on one labelled set. */
public final class Scores {

    private final List<String> truth = new ArrayList<>();
    private final List<String> predicted = new ArrayList<>();

    public void add(String expected, String actual) {
        truth.add(expected);
        predicted.add(actual);
    }

    public void forEach(BiConsumer<String, String> expectedAndActual) {
        for (int i = 0; i < truth.size(); i++) {
            expectedAndActual.accept(truth.get(i), predicted.get(i));
        }
    }

    public int size() {
        return truth.size();
    }

    public double accuracy() {
        if (truth.isEmpty()) {
            return 0;
        }
        int right = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).equals(predicted.get(i))) {
                right++;
            }
        }
        return (double) right / truth.size();
    }

    /** Mean F1 over the labels that occur in the truth. */
    public double macroF1() {
        List<String> labels = labels(false);
        if (labels.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String label : labels) {
            sum += f1(label);
        }
        return sum / labels.size();
    }

    public double f1(String label) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < truth.size(); i++) {
            boolean t = truth.get(i).equals(label);
            boolean p = predicted.get(i).equals(label);
            if (t && p) {
                tp++;
            } else if (p) {
                fp++;
            } else if (t) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private List<String> labels(boolean includePredicted) {
        Set<String> labels = new LinkedHashSet<>(truth.stream().sorted().toList());
        if (includePredicted) {
            labels.addAll(predicted.stream().sorted().toList());
        }
        return List.copyOf(labels);
    }

    /** Rows are the true labels, columns the predicted ones. */
    public String confusionMatrix() {
        List<String> labels = labels(true);
        int width = Math.max(6, labels.stream().mapToInt(String::length).max().orElse(6));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%" + width + "s", "truth \\ predicted"));
        for (String label : labels) {
            out.append(' ').append(String.format(Locale.ROOT, "%5s", abbreviate(label)));
        }
        out.append(String.format(Locale.ROOT, " %6s%n", "F1"));
        for (String row : labels) {
            out.append(String.format(Locale.ROOT, "%" + width + "s", row));
            for (String column : labels) {
                int n = 0;
                for (int i = 0; i < truth.size(); i++) {
                    if (truth.get(i).equals(row) && predicted.get(i).equals(column)) {
                        n++;
                    }
                }
                out.append(String.format(Locale.ROOT, " %5s", n == 0 ? "." : Integer.toString(n)));
            }
            out.append(String.format(Locale.ROOT, " %6.3f%n", f1(row)));
        }
        return out.toString();
    }

    private static String abbreviate(String label) {
        return label.length() <= 5 ? label : label.substring(0, 5);
    }

    public String summary() {
        return String.format(Locale.ROOT, "n=%4d  accuracy %.3f  macro-F1 %.3f", size(), accuracy(), macroF1());
    }
}
