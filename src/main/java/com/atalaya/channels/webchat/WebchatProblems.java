package com.atalaya.channels.webchat;

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
        if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                messages.getMessage("webchat.error.badRequest", null, "The request is not valid JSON", locale));
        problem.setProperty("code", "webchat.error.badRequest");
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
