package com.atalaya.triage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearModelTest {

    private static List<Features.Feature> words(String... words) {
        return java.util.Arrays.stream(words)
                .map(w -> new Features.Feature(w, 1))
                .toList();
    }

    private static final List<LinearModel.Example> EXAMPLES = List.of(
            new LinearModel.Example(words("roto", "llego"), "damaged", 1),
            new LinearModel.Example(words("roto", "pantalla"), "damaged", 1),
            new LinearModel.Example(words("donde", "pedido"), "status", 1),
            new LinearModel.Example(words("estado", "pedido"), "status", 1));

    @Test
    void learnsExplainsAndIsDeterministic() {
        LinearModel a = LinearModel.train(List.of("damaged", "status"), EXAMPLES, 30, 1e-4);
        LinearModel b = LinearModel.train(List.of("damaged", "status"), EXAMPLES, 30, 1e-4);
        LinearModel.Prediction p = a.predict(words("roto", "caja"));
        assertThat(p.label()).isEqualTo("damaged");
        assertThat(p.confidence()).isGreaterThan(0.5);
        assertThat(p.because()).contains("“roto”");
        assertThat(b.toBytes()).isEqualTo(a.toBytes());
    }

    @Test
    void survivesARoundTripThroughBytes() {
        LinearModel model = LinearModel.train(List.of("damaged", "status"), EXAMPLES, 30, 1e-4);
        LinearModel copy = LinearModel.fromBytes(model.toBytes());
        List<Features.Feature> x = words("donde", "pedido", "nuevo");
        assertThat(copy.predict(x).label()).isEqualTo(model.predict(x).label());
        assertThat(copy.predict(x).confidence())
                .isCloseTo(model.predict(x).confidence(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void correctedExamplesWeighMore() {
        List<LinearModel.Example> conflicting = List.of(
                new LinearModel.Example(words("raro"), "damaged", 1),
                new LinearModel.Example(words("raro"), "status", 3));
        LinearModel model = LinearModel.train(List.of("damaged", "status"), conflicting, 30, 1e-4);
        assertThat(model.predict(words("raro")).label()).isEqualTo("status");
    }

    @Test
    void rejectsBytesThatAreNotAModel() {
        assertThatThrownBy(() -> LinearModel.fromBytes("hello".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
