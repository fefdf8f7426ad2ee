package com.atalaya.triage.engine;

import java.util.ArrayList;
import java.util.List;

/** Troll or legitimate complaint, by the signs of seed 002, with the reasons that decided. */
public record TrollAssessment(TrollVerdict verdict, int score, List<Reason> reasons) {

    public static TrollAssessment of(TriageEngine.Outcome outcome, boolean mentionsOrder, AuthorHistory author) {
        boolean toxic = outcome.toxicity().toxic();
        boolean negative = outcome.sentiment().label() == SentimentLabel.NEGATIVE || toxic;
        if (!negative) {
            return new TrollAssessment(TrollVerdict.NONE, 0, List.of());
        }
        Intent intent = outcome.intent().intent();
        boolean concrete = intent.isAboutAnOrder() || mentionsOrder;
        List<Reason> reasons = new ArrayList<>();
        int score = 0;
        if (toxic && !concrete) {
            score += 2;
            reasons.add(Reason.of("troll.insultsWithoutComplaint"));
        } else if (toxic) {
            reasons.add(Reason.of("troll.insultsWithComplaint", intent.code()));
        } else if (concrete) {
            reasons.add(Reason.of("troll.concreteComplaint", intent.code()));
        }
        if (author.negativeMessagesLastDay() >= 3) {
            score++;
            reasons.add(Reason.of("troll.repeated", author.negativeMessagesLastDay()));
        }
        if (author.earlierConversations() == 0 && !mentionsOrder) {
            score++;
            reasons.add(Reason.of("troll.noHistory"));
        } else if (author.earlierConversations() > 0) {
            reasons.add(Reason.of("troll.knownCustomer", author.earlierConversations()));
        }
        if (Boolean.TRUE.equals(author.accountIsNew())) {
            score++;
            reasons.add(Reason.of("troll.newAccount"));
        }
        if (author.followers() != null && author.followers() < 10) {
            score++;
            reasons.add(Reason.of("troll.fewFollowers", author.followers()));
        }
        TrollVerdict verdict;
        if (score >= 3) {
            verdict = TrollVerdict.PROBABLE_TROLL;
        } else if (score == 2 && !concrete) {
            verdict = TrollVerdict.WATCH;
        } else {
            verdict = TrollVerdict.LEGITIMATE_COMPLAINT;
        }
        return new TrollAssessment(verdict, score, List.copyOf(reasons));
    }
}
