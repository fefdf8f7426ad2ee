package com.atalaya.triage.engine;

/**
 * What is known of a message's author. {@code followers} and {@code accountIsNew} are null where
 * the channel does not tell (e-mail, chat).
 */
public record AuthorHistory(
        int negativeMessagesLastDay, int earlierConversations, Long followers, Boolean accountIsNew) {

    public static AuthorHistory unknown() {
        return new AuthorHistory(0, 0, null, null);
    }
}
