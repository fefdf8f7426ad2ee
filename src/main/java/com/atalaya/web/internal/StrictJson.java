package com.atalaya.web.internal;

import com.atalaya.identity.TextInput;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies of the REST API and the widget API are read strictly: a value of the wrong JSON
 * type ({@code "text": 123}, {@code "privateNote": "yes"}, an enum by its index) and a string with
 * a control character are refused as unreadable (400, explained by {@link com.atalaya.web.InputProblem})
 * instead of being coerced or stored. Only the server's converter is strict: the application's
 * {@link JsonMapper} (events, stored settings, clients of other services) reads as before.
 */
@Configuration
@Order(Ordered.LOWEST_PRECEDENCE)
class StrictJson implements WebMvcConfigurer {

    private final JsonMapper requests;

    StrictJson(JsonMapper jsonMapper) {
        this.requests = strict(jsonMapper);
    }

    static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .addModule(new SimpleModule("atalaya-strict-text").addDeserializer(String.class, new StrictStrings()))
                .build();
    }

    /** Runs after Spring Boot's converters customizer, so this JSON converter is the one used. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(requests));
    }

    /** Strings as Jackson reads them, refusing any with a control character other than tab and line breaks. */
    static final class StrictStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (TextInput.hasControlCharacter(value)) {
                throw new ControlCharacterInJson(parser);
            }
            return value;
        }
    }
}
