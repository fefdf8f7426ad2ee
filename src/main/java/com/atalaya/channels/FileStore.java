package com.atalaya.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments on disk under {@code <data-dir>/files/<workspace>/}, with their metadata in the
 * database. Reads are scoped to the workspace that stored the file.
 */
@Service
public class FileStore {

    /** A file larger than the configured limit. */
    public static class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("File larger than " + limit + " bytes");
        }
    }

    public record Content(StoredFile file, Path path) {}

    private final StoredFiles files;
    private final Path root;
    private final long maxBytes;

    FileStore(
            StoredFiles files,
            @Value("${atalaya.data-dir}") Path dataDir,
            @Value("${atalaya.attachments.max-bytes}") long maxBytes) {
        this.files = files;
        this.root = dataDir.resolve("files");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional
    public StoredFile store(UUID workspaceId, String fileName, String contentType, InputStream in) throws IOException {
        UUID id = UUID.randomUUID();
        Path dir = root.resolve(workspaceId.toString());
        Files.createDirectories(dir);
        Path target = dir.resolve(id.toString());
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        String name = safeName(fileName);
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        if (type.length() > 255) {
            type = type.substring(0, 255);
        }
        StoredFileRecord saved = files.save(new StoredFileRecord(
                id,
                workspaceId,
                name,
                type,
                size,
                HexFormat.of().formatHex(sha.digest()),
                root.relativize(target).toString()));
        return saved.view();
    }

    @Transactional(readOnly = true)
    public Optional<Content> open(UUID workspaceId, UUID fileId) {
        return files.findByIdAndWorkspaceId(fileId, workspaceId)
                .map(f -> new Content(f.view(), root.resolve(f.storagePath())));
    }

    static String safeName(String fileName) {
        String name = fileName == null
                ? ""
                : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (name.isEmpty()) {
            name = "attachment";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
