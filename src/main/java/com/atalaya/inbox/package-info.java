/** The unified inbox: contacts with their identities, conversations, messages, assignment and replies. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Inbox",
        allowedDependencies = {"identity", "channels", "service", "web"})
package com.atalaya.inbox;
