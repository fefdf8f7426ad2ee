package com.atalaya.channels.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who this node is, as the holder of mailbox leases: {@code atalaya.node-id} (ATALAYA_NODE_ID)
 * when set, else an id kept in {@code <data-dir>/node-id}, so that a node restarted after a crash
 * is the same node and reads its mailboxes again at once instead of waiting for its own lease to
 * lapse. Nodes that share a data directory must each set their own ATALAYA_NODE_ID.
 */
@Component
class ThisNode {

    private final UUID id;

    ThisNode(@Value("${atalaya.node-id:}") String configured, @Value("${atalaya.data-dir}") Path dataDir) {
        this.id = configured.isBlank() ? kept(dataDir.resolve("node-id")) : named(configured.strip());
    }

    UUID id() {
        return id;
    }

    private static UUID named(String name) {
        try {
            return UUID.fromString(name);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static synchronized UUID kept(Path file) {
        try {
            if (Files.exists(file)) {
                return UUID.fromString(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            UUID id = UUID.randomUUID();
            Files.writeString(file, id.toString());
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the node id " + file, e);
        }
    }
}
