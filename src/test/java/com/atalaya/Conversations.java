package com.atalaya;

import static org.awaitility.Awaitility.await;

import com.atalaya.identity.Member;
import com.atalaya.inbox.Conversation;
import com.atalaya.inbox.ConversationQuery;
import com.atalaya.inbox.WorkingConversations;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Test helpers to create conversations through the real contact form and wait for them. */
public final class Conversations {

    private Conversations() {}

    public static int submitContactForm(RestClient http, String slug, String name, String email, String message) {
        return http.post()
                .uri("/forms/{slug}", slug)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("name=" + enc(name) + "&email=" + enc(email) + "&message=" + enc(message))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    public static Conversation awaitConversation(
            WorkingConversations conversations, Member member, Predicate<Conversation> which) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> conversations.list(member, ConversationQuery.all(), 0, 100).getContent().stream()
                                .filter(which)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    public static List<Conversation> all(WorkingConversations conversations, Member member) {
        return conversations.list(member, ConversationQuery.all(), 0, 100).getContent();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
