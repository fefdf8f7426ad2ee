package com.atalaya.web.internal;

import com.atalaya.identity.TextInput;
import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every text parameter of every controller (query, form field, path variable, header) with a
 * control character other than tab and line breaks is refused before the handler runs: NUL
 * cannot be stored in PostgreSQL text, and no person types the others. The refusal is a
 * type mismatch that {@link ApiProblems} and {@link UiProblems} answer with a 400.
 */
@ControllerAdvice
class RejectControlCharacters {

    @InitBinder
    void strings(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Editor());
    }

    static final class Editor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (TextInput.hasControlCharacter(text)) {
                throw new ControlCharacterInParameter();
            }
            setValue(text);
        }
    }
}
