package com.atalaya.channels.webchat;

import com.atalaya.web.InputProblem;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The visitor API's errors as RFC 9457 problem details in the visitor's language. */
@RestControllerAdvice(assignableTypes = WebchatApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebchatProblems {

    private final MessageSource messages;

    WebchatProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(WebchatProblem.class)
    ResponseEntity<ProblemDetail> problem(WebchatProblem e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                e.status(), messages.getMessage(e.messageKey(), e.args(), e.getMessage(), locale));
        problem.setProperty("code", e.messageKey());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"webchat\"");
        }
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        if (e.closesConnection()) {
            response.header(HttpHeaders.CONNECTION, "close");
        }
        return response.body(problem);
    }

    /** Not JSON at all, or JSON with a value of the wrong type or with a control character. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        InputProblem input = InputProblem.of(e);
        if (input.isMalformed()) {
            return badRequest(
                    "webchat.error.badRequest",
                    messages.getMessage("webchat.error.badRequest", null, "The request is not valid JSON", locale),
                    null);
        }
        return badRequest(input.messageKey(), input.message(messages, locale), input.field());
    }

    /** A query parameter (the stream's token) that cannot be used, such as one with a control character. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        InputProblem input = InputProblem.of(e, e.getName());
        return badRequest(input.messageKey(), input.message(messages, locale), input.field());
    }

    private static ResponseEntity<ProblemDetail> badRequest(String code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
