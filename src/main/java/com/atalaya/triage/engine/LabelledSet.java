package com.atalaya.triage.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled messages from a TSV file. With a header line that names a {@code text} column, every
 * other column is a label (lang, channel, sentiment, intent, toxic). Without one, each line is
 * {@code text<TAB>label}, and the label is read as {@code label}.
 */
public record LabelledSet(String name, List<LabelledSet.Row> rows) {

    public record Row(String text, Map<String, String> labels) {
        public String label(String column) {
            return labels.get(column);
        }
    }

    public static LabelledSet read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static LabelledSet resource(String resource) {
        InputStream in = LabelledSet.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing labelled set " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(resource, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LabelledSet read(String name, Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        List<Row> rows = new ArrayList<>();
        String first = reader.readLine();
        if (first == null) {
            return new LabelledSet(name, rows);
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        String[] header = first.split("\t");
        int textColumn = List.of(header).indexOf("text");
        if (textColumn < 0) {
            header = new String[] {"text", "label"};
            textColumn = 0;
            addRow(name, rows, header, textColumn, first, 1);
        }
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                addRow(name, rows, header, textColumn, line, number);
            }
        }
        return new LabelledSet(name, List.copyOf(rows));
    }

    private static void addRow(String name, List<Row> rows, String[] header, int textColumn, String line, int number) {
        String[] fields = line.split("\t", -1);
        if (fields.length != header.length) {
            throw new IllegalArgumentException(name + " line " + number + ": expected " + header.length
                    + " tab-separated columns (" + String.join(", ", header) + "), found " + fields.length);
        }
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (i != textColumn) {
                labels.put(header[i], fields[i].strip());
            }
        }
        rows.add(new Row(fields[textColumn], Map.copyOf(labels)));
    }

    public LabelledSet plus(LabelledSet other) {
        List<Row> all = new ArrayList<>(rows);
        all.addAll(other.rows);
        return new LabelledSet(name + "+" + other.name, List.copyOf(all));
    }

    public boolean has(String column) {
        return !rows.isEmpty() && rows.getFirst().labels().containsKey(column);
    }
}
