package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * How urgently a message wants an answer, 0 to 100, from intent, sentiment, toxicity, the troll
 * verdict, whether it is public, the author's reach and their value as a customer.
 */
public record PriorityScore(int score, List<Reason> reasons) {

    public static PriorityScore of(
            TriageEngine.Outcome outcome, TrollAssessment troll, boolean publicPost, AuthorHistory author) {
        Intent intent = outcome.intent().intent();
        if (intent == Intent.SPAM) {
            return new PriorityScore(0, List.of(Reason.of("priority.spam")));
        }
        List<Reason> reasons = new ArrayList<>();
        double score = switch (intent) {
            case DAMAGED_PRODUCT, LATE_DELIVERY, WRONG_ITEM -> 35;
            case RETURN_REFUND, SERVICE_COMPLAINT -> 30;
            case PAYMENT_METHODS, PRODUCT_QUESTION -> 25;
            case ORDER_STATUS, SHIPPING_INFO -> 20;
            case OTHER -> 15;
            default -> 5;
        };
        reasons.add(Reason.of("priority.intent", intent.code()));
        if (outcome.sentiment().label() == SentimentLabel.NEGATIVE) {
            double anger = 10 + 15 * Math.min(1, -outcome.sentiment().score());
            score += anger;
            reasons.add(Reason.of("priority.negative"));
        }
        switch (troll.verdict()) {
            case PROBABLE_TROLL -> {
                score -= 30;
                reasons.add(Reason.of("priority.troll"));
            }
            case WATCH -> score -= 10;
            case LEGITIMATE_COMPLAINT -> {
                if (outcome.toxicity().toxic()) {
                    score += 5;
                }
            }
            default -> {}
        }
        if (publicPost) {
            score += 15;
            reasons.add(Reason.of("priority.public"));
        }
        if (author.followers() != null && author.followers() >= 1000) {
            score += Math.min(20, 5 * Math.log10(author.followers()));
            reasons.add(Reason.of("priority.reach", author.followers()));
        }
        if (author.earlierConversations() > 0) {
            score += Math.min(15, 5 * author.earlierConversations());
            reasons.add(Reason.of("priority.customer", author.earlierConversations()));
        }
        return new PriorityScore((int) Math.round(Math.clamp(score, 0, 100)), List.copyOf(reasons));
    }
}
