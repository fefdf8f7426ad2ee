package com.atalaya.inbox;

public enum DeliveryStatus {
    SENDING,
    RETRYING,
    DELIVERED,
    FAILED
}
