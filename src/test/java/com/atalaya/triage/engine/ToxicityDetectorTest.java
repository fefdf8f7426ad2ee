package com.atalaya.triage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToxicityDetectorTest {

    private static final ToxicityDetector detector = new ToxicityDetector();

    private static Toxicity detect(String s) {
        return detector.detect(Text.of(s));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sois unos ladrones",
                "Sois unos LADRONESSS",
                "eres un inútil",
                "panda de i n ú t i l e s",
                "sois unos 1d10t4s",
                "hijos de p*ta",
                "ustedes son unos estafadores",
                "you are clowns",
                "u r idiots",
                "what a bunch of m0r0ns",
                "s.c.a.m.m.e.r.s",
                "go to hell"
            })
    void insultsAreFoundWhateverTheDisguise(String text) {
        assertThat(detect(text).toxic()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "el paquete llegó roto",
                "joder, qué rápido llegó",
                "my parcel never arrived",
                "¿tenéis la talla M en negro?",
                "bloody brilliant service",
                "qué basura de producto"
            })
    void complaintsAndSwearingForEmphasisAreNotInsults(String text) {
        assertThat(detect(text).toxic()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sois unos ladrones", "eres un inútil", "you are clowns"})
    void secondPersonAddressIsNoticed(String text) {
        Toxicity t = detect(text);
        assertThat(t.addressedToReader()).isTrue();
        assertThat(t.terms()).isNotEmpty();
        assertThat(t.score()).isGreaterThan(detect(t.terms().getFirst()).score());
    }
}
