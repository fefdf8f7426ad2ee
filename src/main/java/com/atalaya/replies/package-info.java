/** Reply help: canned replies suggested by intent and language, and a tone check before sending. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Replies",
        allowedDependencies = {"identity", "channels", "inbox", "triage", "triage :: engine"})
package com.atalaya.replies;
