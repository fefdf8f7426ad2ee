package com.atalaya.triage;

import com.atalaya.triage.engine.Intent;
import com.atalaya.triage.engine.TrollVerdict;
import java.util.UUID;

/** What triage concluded of one message, as other modules use it (the intent after any correction). */
public record TriageView(UUID messageId, String language, Intent intent, TrollVerdict trollVerdict) {}
