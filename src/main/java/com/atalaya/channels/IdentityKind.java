package com.atalaya.channels;

/** The kinds of address a customer can be reached at; one contact may have many. */
public enum IdentityKind {
    EMAIL,
    PHONE,
    CHAT_VISITOR,
    SOCIAL_HANDLE
}
