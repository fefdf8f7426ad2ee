package com.atalaya.channels;

import java.util.UUID;

/** A file a channel received and stored under the data directory; see {@link FileStore}. */
public record StoredFile(UUID id, String fileName, String contentType, long sizeBytes) {}
