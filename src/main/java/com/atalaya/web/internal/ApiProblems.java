package com.atalaya.web.internal;

import com.atalaya.identity.InvalidInputException;
import com.atalaya.identity.NotPermittedException;
import com.atalaya.identity.WorkspaceNotFoundException;
import com.atalaya.web.InputProblem;
import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * REST errors as RFC 9457 problem details with a sentence a person understands, in the request's
 * language. Ordered before Spring Boot's generic problem details handler (order 0), which would
 * otherwise answer the exceptions both handle, and before {@link UiProblems}, which also applies
 * to REST controllers.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(ApiProblems.ORDER)
class ApiProblems {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, Locale locale) {
        return invalid(e.field(), messages.getMessage(e.messageKey(), e.args(), e.getMessage(), locale));
    }

    @ExceptionHandler(WorkspaceNotFoundException.class)
    ProblemDetail notFound(WorkspaceNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail forbidden(NotPermittedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** Not JSON, JSON of the wrong type for a field, a word outside an enum, or a control character. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, Locale locale) {
        return invalid(InputProblem.of(e), locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return invalid(InputProblem.of(e, e.getName()), locale);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail notValid(MethodArgumentNotValidException e, Locale locale) {
        var error = e.getBindingResult().getFieldErrors().stream().findFirst();
        if (error.isEmpty()) {
            return invalid(null, messages.getMessage("input.invalid", null, "The request is not valid.", locale));
        }
        FieldError f = error.get();
        if (f.contains(TypeMismatchException.class)) {
            return invalid(InputProblem.of(f.unwrap(TypeMismatchException.class), f.getField()), locale);
        }
        return invalid(f.getField(), f.getField() + ": " + messages.getMessage(f, locale));
    }

    private ProblemDetail invalid(InputProblem input, Locale locale) {
        return invalid(input.field(), input.message(messages, locale));
    }

    private static ProblemDetail invalid(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
