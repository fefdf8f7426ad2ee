package com.atalaya.inbox;

public enum Priority {
    URGENT,
    HIGH,
    NORMAL,
    LOW
}
