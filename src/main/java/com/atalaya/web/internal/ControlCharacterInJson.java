package com.atalaya.web.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON string of a request body holds a control character; {@code getPath()} names the field. */
public final class ControlCharacterInJson extends MismatchedInputException {

    ControlCharacterInJson(JsonParser parser) {
        super(parser, "A text value contains a control character (such as NUL)", String.class);
    }
}
