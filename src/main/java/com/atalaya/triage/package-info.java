/**
 * Triage: language, sentiment, toxicity, intent, troll assessment and priority of every inbound
 * message, with agents' corrections retraining each workspace's models.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Triage",
        allowedDependencies = {"identity", "inbox"})
package com.atalaya.triage;
