package com.atalaya.web;

import com.atalaya.web.internal.ControlCharacterInJson;
import com.atalaya.web.internal.ControlCharacterInParameter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Why a request's body or parameter could not be read, as an i18n message key with its arguments,
 * so the REST API, the widget API and the UI all say the same thing in the reader's language:
 * a field with a control character, a value of the wrong JSON type, a word outside a choice, or a
 * body that is not JSON at all ({@link #isMalformed()}).
 *
 * @param field the JSON path ({@code tags[2]}) or parameter name, or null for the whole body
 */
public record InputProblem(String field, String messageKey, String fallback, Object[] args) {

    /** Explains an unreadable body. */
    public static InputProblem of(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ControlCharacterInJson c) {
            return controlCharacter(path(c));
        }
        if (cause instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            String field = path(f);
            String choices = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new InputProblem(
                    field, "input.choice", field + " must be one of " + choices, new Object[] {field, choices});
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String type = typeName(m.getTargetType());
            return new InputProblem(field, "input.wrongType", field + " must be " + type, new Object[] {
                field, new DefaultMessageSourceResolvable(new String[] {"input.type." + type}, type)
            });
        }
        return new InputProblem(
                null, "input.malformed", "The request body is not valid JSON of the expected shape.", new Object[0]);
    }

    /** Explains a query, form or path parameter that could not be converted. */
    public static InputProblem of(TypeMismatchException e, String name) {
        if (isControlCharacter(e)) {
            return controlCharacter(name);
        }
        return badParameter(name);
    }

    public static InputProblem badParameter(String name) {
        return new InputProblem(name, "input.badParameter", name + " has an invalid value", new Object[] {name});
    }

    /** Whether the parameter was refused for a control character rather than for its type. */
    public static boolean isControlCharacter(TypeMismatchException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ControlCharacterInParameter) {
                return true;
            }
        }
        return false;
    }

    public static InputProblem controlCharacter(String field) {
        if (field == null) {
            return new InputProblem(
                    null,
                    "input.controlCharacter.any",
                    "The text contains a control character (such as NUL)",
                    new Object[0]);
        }
        return new InputProblem(
                field, "input.controlCharacter", field + " contains a control character (such as NUL)", new Object[] {
                    field
                });
    }

    /** The problem whose body was not JSON at all, rather than JSON with a wrong value. */
    public boolean isMalformed() {
        return "input.malformed".equals(messageKey);
    }

    public String message(MessageSource messages, java.util.Locale locale) {
        return messages.getMessage(messageKey, args, fallback, locale);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == UUID.class || type == Character.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type.isEnum()) {
            return "text";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date";
        }
        return "value";
    }
}
