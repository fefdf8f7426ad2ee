package com.atalaya.channels.webchat;

import java.time.Instant;
import java.util.UUID;

/** A transcript line as the visitor's frame sees it; {@code from} is "visitor" or "agent". */
record LineView(UUID id, String from, String author, String text, Instant at) {

    static LineView of(Line line) {
        return new LineView(
                line.getId(),
                line.isFromVisitor() ? "visitor" : "agent",
                line.getAuthorName(),
                line.getBody(),
                line.getCreatedAt());
    }
}
