package com.atalaya.channels;

/** Who sent or receives a message on a channel: an address of some kind, and a name if known. */
public record Party(IdentityKind kind, String address, String displayName) {}
