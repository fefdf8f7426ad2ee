package com.atalaya.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atalaya.web.InputProblem;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    enum Status {
        OPEN,
        RESOLVED
    }

    record Body(String text, Boolean privateNote, Integer size, Status status, Set<String> tags, Instant at) {}

    final JsonMapper mapper = StrictJson.strict(JsonMapper.builder().build());

    @Test
    void valuesOfTheRightTypeAreRead() {
        Body body = mapper.readValue(
                "{\"text\":\"Hola\\tqué tal\\r\\n\",\"privateNote\":true,\"size\":3,\"status\":\"OPEN\","
                        + "\"tags\":[\"a\"],\"at\":\"2026-05-01T10:00:00Z\"}",
                Body.class);

        assertThat(body)
                .isEqualTo(new Body(
                        "Hola\tqué tal\r\n", true, 3, Status.OPEN, Set.of("a"), Instant.parse("2026-05-01T10:00:00Z")));
    }

    @Test
    void scalarsOfAnotherTypeAreNotCoerced() {
        assertThat(problem("{\"text\":123}")).satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("input.wrongType");
            assertThat(p.field()).isEqualTo("text");
        });
        for (String json : List.of(
                "{\"text\":1.5}",
                "{\"text\":true}",
                "{\"text\":{\"a\":1}}",
                "{\"text\":[\"a\"]}",
                "{\"privateNote\":\"yes\"}",
                "{\"privateNote\":\"true\"}",
                "{\"privateNote\":1}",
                "{\"size\":\"3\"}",
                "{\"size\":1.5}",
                "{\"tags\":[1]}",
                "{\"tags\":\"a\"}")) {
            assertThat(problem(json).messageKey()).as(json).isEqualTo("input.wrongType");
        }
    }

    @Test
    void anEnumIsReadByNameOnly() {
        for (String json : List.of("{\"status\":1}", "{\"status\":\"CLOSED\"}")) {
            assertThat(problem(json)).as(json).satisfies(p -> {
                assertThat(p.messageKey()).isEqualTo("input.choice");
                assertThat(p.args()).containsExactly("status", "OPEN, RESOLVED");
            });
        }
    }

    @Test
    void textWithAControlCharacterIsRefusedNamingWhereItIs() {
        assertThat(problem("{\"text\":\"a\\u0000b\"}")).satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("input.controlCharacter");
            assertThat(p.field()).isEqualTo("text");
        });
        assertThat(problem("{\"tags\":[\"ok\",\"\\u001b[31m\"]}").field()).isEqualTo("tags[1]");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertThat(problem("{not json").isMalformed()).isTrue();
        assertThat(problem("").isMalformed()).isTrue();
    }

    private InputProblem problem(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Body.class)).isInstanceOf(RuntimeException.class);
        try {
            new org.springframework.http.converter.json.JacksonJsonHttpMessageConverter(mapper)
                    .read(Body.class, new MockHttpInputMessage(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (HttpMessageNotReadableException e) {
            return InputProblem.of(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("read " + json);
    }
}
