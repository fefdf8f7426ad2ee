package com.atalaya.inbox;

public enum MessageKind {
    INBOUND,
    OUTBOUND,
    NOTE
}
