package com.atalaya.channels;

import java.util.Map;

/**
 * The SPI of a channel. Implementations are Spring beans in their own sub-package; the registry
 * discovers them, so adding a channel edits no central switch.
 *
 * <p>Inbound: an adapter verifies the provider's signature, then hands each message to
 * {@link ReceivingMessages#receive}, which stores it idempotently before the provider is
 * acknowledged. Outbound: {@link #send} is called by the dispatcher, possibly more than once for
 * the same message after a failure, and must be safe to retry.
 */
public interface ChannelAdapter {

    ChannelDescriptor descriptor();

    /** Delivers one message and returns the provider's id for it. */
    String send(ChannelConnection connection, OutboundMessageRequested message) throws DeliveryException;

    /** Checks a connection's settings (e.g. signs in to the server); throws with a readable reason. */
    default void check(Map<String, String> settings) throws DeliveryException {}
}
