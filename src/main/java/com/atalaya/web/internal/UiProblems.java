package com.atalaya.web.internal;

import com.atalaya.identity.InvalidInputException;
import com.atalaya.web.InputProblem;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A screen asked with input it cannot use (a page number out of bounds, a parameter that is not a
 * number or id, a control character) answers 400 with the error page saying why, in the reader's
 * language, instead of a server error or a JSON document. Screens that show such errors in place
 * catch them first; ordered after {@link ApiProblems} and before Spring Boot's problem details handler.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(ApiProblems.ORDER + 10)
class UiProblems {

    private final MessageSource messages;

    UiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, Locale locale) {
        return page(messages.getMessage(e.messageKey(), e.args(), e.getMessage(), locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return page(InputProblem.of(e, e.getName()).message(messages, locale));
    }

    @ExceptionHandler(BindException.class)
    ModelAndView notBound(BindException e, Locale locale) {
        FieldError f = e.getBindingResult().getFieldError();
        if (f != null && f.contains(TypeMismatchException.class)) {
            return page(InputProblem.of(f.unwrap(TypeMismatchException.class), f.getField())
                    .message(messages, locale));
        }
        return page(InputProblem.badParameter(f == null ? "" : f.getField()).message(messages, locale));
    }

    private static ModelAndView page(String message) {
        return new ModelAndView(
                "error",
                Map.of("status", 400, "error", HttpStatus.BAD_REQUEST.getReasonPhrase(), "message", message),
                HttpStatus.BAD_REQUEST);
    }
}
