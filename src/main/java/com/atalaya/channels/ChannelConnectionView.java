package com.atalaya.channels;

import java.util.UUID;

/** A channel connection as listed to other modules and screens: which channel, its name, whether it is on. */
public record ChannelConnectionView(UUID id, String type, String name, boolean enabled) {}
