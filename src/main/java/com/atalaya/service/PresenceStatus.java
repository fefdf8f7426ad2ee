package com.atalaya.service;

public enum PresenceStatus {
    ONLINE,
    AWAY,
    OFFLINE
}
