package com.atalaya.triage;

import java.util.UUID;

/** An agent corrected a label; the workspace's models may retrain. */
record TriageLabelCorrected(UUID workspaceId, UUID messageId, String kind, String label) {}
