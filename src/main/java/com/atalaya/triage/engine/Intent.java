package com.atalaya.triage.engine;

import java.util.Locale;

/** What a customer wants, in the taxonomy of an online shop's service (seed 003). */
public enum Intent {
    PRODUCT_QUESTION,
    SHIPPING_INFO,
    PAYMENT_METHODS,
    ORDER_STATUS,
    LATE_DELIVERY,
    DAMAGED_PRODUCT,
    WRONG_ITEM,
    RETURN_REFUND,
    SERVICE_COMPLAINT,
    PRAISE,
    SPAM,
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }

    /** A problem with an order or the service, which a person should answer quickly. */
    public boolean isComplaint() {
        return switch (this) {
            case LATE_DELIVERY, DAMAGED_PRODUCT, WRONG_ITEM, RETURN_REFUND, SERVICE_COMPLAINT -> true;
            default -> false;
        };
    }

    /** About a concrete order or purchase, which a troll rarely has. */
    public boolean isAboutAnOrder() {
        return switch (this) {
            case ORDER_STATUS, LATE_DELIVERY, DAMAGED_PRODUCT, WRONG_ITEM, RETURN_REFUND, PAYMENT_METHODS -> true;
            default -> false;
        };
    }
}
