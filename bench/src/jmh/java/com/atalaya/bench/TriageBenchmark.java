package com.atalaya.bench;

import com.atalaya.triage.engine.AuthorHistory;
import com.atalaya.triage.engine.LabelledSet;
import com.atalaya.triage.engine.LanguageDetection;
import com.atalaya.triage.engine.PriorityScore;
import com.atalaya.triage.engine.TriageEngine;
import com.atalaya.triage.engine.TrollAssessment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole triage of one message as the product runs it: language, lexicon sentiment, insults,
 * phrase rules, features, both trained models, troll assessment and priority. Messages cycle
 * through the project's evaluation sets (Spanish and English, 2 to 120 words). The language models
 * load once, in the setup.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TriageBenchmark {

    private TriageEngine engine;
    private TriageEngine.Models models;
    private String[] messages;
    private int next;

    @Setup
    public void load() {
        engine = new TriageEngine(LanguageDetection.DEFAULT_LANGUAGES);
        models = engine.shipped().models();
        messages = LabelledSet.read(Path.of("eval/triage/es.tsv"))
                .plus(LabelledSet.read(Path.of("eval/triage/en.tsv")))
                .rows()
                .stream()
                .map(LabelledSet.Row::text)
                .toArray(String[]::new);
    }

    private int triageOne() {
        String text = messages[next++ % messages.length];
        TriageEngine.Signals signals = engine.signals(text);
        TriageEngine.Outcome outcome = engine.decide(signals, models);
        AuthorHistory author = new AuthorHistory(1, 0, null, null);
        TrollAssessment troll = TrollAssessment.of(outcome, TriageEngine.mentionsOrder(signals), author);
        return PriorityScore.of(outcome, troll, false, author).score();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int throughput() {
        return triageOne();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public int latency() {
        return triageOne();
    }
}
