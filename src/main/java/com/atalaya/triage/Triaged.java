package com.atalaya.triage;

import com.atalaya.inbox.Priority;
import com.atalaya.triage.engine.Intent;
import com.atalaya.triage.engine.Reason;
import com.atalaya.triage.engine.SentimentLabel;
import com.atalaya.triage.engine.TrollVerdict;
import java.util.List;

/** The triage of one text, ready to store, show and serve over the API. */
public record Triaged(
        String language,
        double languageConfidence,
        SentimentLabel sentiment,
        double sentimentScore,
        List<String> sentimentReasons,
        boolean toxic,
        double toxicityScore,
        List<String> toxicTerms,
        Intent intent,
        double intentConfidence,
        List<String> intentReasons,
        String intentDecidedBy,
        TrollVerdict troll,
        List<Reason> trollReasons,
        int priorityScore,
        Priority priority,
        List<Reason> priorityReasons,
        int modelVersion) {

    static Priority priorityOf(int score, Intent intent) {
        if (intent == Intent.SPAM || score < 15) {
            return Priority.LOW;
        }
        return score >= 75 ? Priority.URGENT : score >= 50 ? Priority.HIGH : Priority.NORMAL;
    }
}
