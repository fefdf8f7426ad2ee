/** The unified inbox: contacts with their identities, conversations, messages, assignment and replies. */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package com.atalaya.inbox;
