package com.atalaya.channels;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** All channel adapters Spring found, by type. */
@Component
public class ChannelRegistry {

    private final Map<String, ChannelAdapter> byType = new TreeMap<>();

    ChannelRegistry(Collection<ChannelAdapter> adapters) {
        adapters.forEach(a -> {
            if (byType.put(a.descriptor().type(), a) != null) {
                throw new IllegalStateException(
                        "Two channel adapters for type " + a.descriptor().type());
            }
        });
    }

    public Optional<ChannelAdapter> adapter(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Collection<ChannelAdapter> adapters() {
        return byType.values();
    }
}
