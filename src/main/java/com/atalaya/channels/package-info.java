/**
 * Channels: the SPI every channel implements (one sub-package each), inbound receipts with
 * idempotency, and the outbound dispatcher with retries. Adapters only translate provider
 * payloads to and from canonical messages; they never touch contacts or conversations.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Channels",
        allowedDependencies = {"identity", "service", "web"})
package com.atalaya.channels;
