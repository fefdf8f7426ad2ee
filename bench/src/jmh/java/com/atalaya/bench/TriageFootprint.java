package com.atalaya.bench;

import com.atalaya.triage.engine.LanguageDetection;
import com.atalaya.triage.engine.TriageEngine;
import java.util.Locale;

/** Heap the triage engine keeps once loaded (language models, word lists, shipped models). */
public final class TriageFootprint {

    public static void main(String[] args) {
        long before = usedAfterGc();
        long start = System.nanoTime();
        TriageEngine engine = new TriageEngine(LanguageDetection.DEFAULT_LANGUAGES);
        long languageLoaded = System.nanoTime();
        TriageEngine.Models models = engine.shipped().models();
        long trained = System.nanoTime();
        engine.triage("warm-up: ¿dónde está mi pedido?", models);
        long after = usedAfterGc();
        System.out.printf(
                Locale.ROOT,
                "languages %s%nengine load %.1f s, shipped models trained in %.1f s%nretained heap %.0f MB%n",
                engine.languages(),
                (languageLoaded - start) / 1e9,
                (trained - languageLoaded) / 1e9,
                (after - before) / 1048576.0);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
