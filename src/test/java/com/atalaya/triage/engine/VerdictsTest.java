package com.atalaya.triage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Troll assessment and priority, from a triage outcome and what is known of the author. */
class VerdictsTest {

    private static TriageEngine.Outcome outcome(SentimentLabel sentiment, double score, boolean toxic, Intent intent) {
        Sentiment s = new Sentiment(sentiment, score, List.of());
        return new TriageEngine.Outcome(
                new LanguageDetection.Detected("es", 1),
                s,
                s,
                new Toxicity(toxic, toxic ? 0.8 : 0, toxic ? List.of("ladrones") : List.of(), toxic),
                new TriageEngine.IntentDecision(intent, 0.9, List.of(), "model"),
                new IntentRules.Result(intent, 1, List.of()));
    }

    @Test
    void insultsWithoutAComplaintFromAStrangerAreAProbableTroll() {
        var troll = TrollAssessment.of(
                outcome(SentimentLabel.NEGATIVE, -0.9, true, Intent.OTHER), false, new AuthorHistory(4, 0, 3L, true));
        assertThat(troll.verdict()).isEqualTo(TrollVerdict.PROBABLE_TROLL);
        assertThat(troll.reasons())
                .extracting(Reason::key)
                .contains("troll.insultsWithoutComplaint", "troll.repeated", "troll.noHistory", "troll.newAccount");
    }

    @Test
    void anAngryCustomerWithAnOrderIsALegitimateComplaint() {
        var troll = TrollAssessment.of(
                outcome(SentimentLabel.NEGATIVE, -0.9, true, Intent.LATE_DELIVERY),
                true,
                new AuthorHistory(1, 2, null, null));
        assertThat(troll.verdict()).isEqualTo(TrollVerdict.LEGITIMATE_COMPLAINT);
        assertThat(troll.reasons()).extracting(Reason::key).contains("troll.insultsWithComplaint");
    }

    @Test
    void aHappyMessageIsNotAssessed() {
        assertThat(TrollAssessment.of(
                                outcome(SentimentLabel.POSITIVE, 0.8, false, Intent.PRAISE),
                                false,
                                AuthorHistory.unknown())
                        .verdict())
                .isEqualTo(TrollVerdict.NONE);
    }

    @Test
    void priorityRisesWithAngerPublicityReachAndCustomerValueAndFallsForTrollsAndSpam() {
        var angry = outcome(SentimentLabel.NEGATIVE, -0.9, false, Intent.DAMAGED_PRODUCT);
        var legit = TrollAssessment.of(angry, true, AuthorHistory.unknown());
        int privateScore =
                PriorityScore.of(angry, legit, false, AuthorHistory.unknown()).score();
        int publicScore =
                PriorityScore.of(angry, legit, true, AuthorHistory.unknown()).score();
        int famous = PriorityScore.of(angry, legit, true, new AuthorHistory(1, 3, 50_000L, false))
                .score();
        assertThat(publicScore).isGreaterThan(privateScore);
        assertThat(famous).isGreaterThan(publicScore);

        var question = outcome(SentimentLabel.NEUTRAL, 0, false, Intent.SHIPPING_INFO);
        int calm = PriorityScore.of(
                        question,
                        TrollAssessment.of(question, false, AuthorHistory.unknown()),
                        false,
                        AuthorHistory.unknown())
                .score();
        assertThat(privateScore).isGreaterThan(calm);

        var insult = outcome(SentimentLabel.NEGATIVE, -0.9, true, Intent.OTHER);
        var troll = TrollAssessment.of(insult, false, new AuthorHistory(5, 0, null, true));
        assertThat(PriorityScore.of(insult, troll, false, AuthorHistory.unknown())
                        .score())
                .isLessThan(calm);

        var spam = outcome(SentimentLabel.NEUTRAL, 0, false, Intent.SPAM);
        assertThat(PriorityScore.of(
                                spam,
                                TrollAssessment.of(spam, false, AuthorHistory.unknown()),
                                true,
                                AuthorHistory.unknown())
                        .score())
                .isZero();
    }
}
