package com.atalaya.web.internal;

/** A query, form, path or header parameter holds a control character. */
public final class ControlCharacterInParameter extends IllegalArgumentException {

    ControlCharacterInParameter() {
        super("The value contains a control character (such as NUL)");
    }
}
