package com.atalaya.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts channel secrets at rest with AES-256-GCM. The key comes from ATALAYA_ENCRYPTION_KEY
 * (base64 of 32 bytes) or, failing that, from {@code <data-dir>/keys/secret.key}, created on first
 * use with owner-only permissions. Losing the key makes stored secrets unreadable.
 */
@Component
class SecretBox {

    private static final String PREFIX = "enc:v1:";
    private final BytesEncryptor encryptor;

    SecretBox(@Value("${atalaya.data-dir}") Path dataDir, @Value("${ATALAYA_ENCRYPTION_KEY:}") String keyFromEnv) {
        byte[] key = keyFromEnv.isBlank() ? keyFile(dataDir.resolve("keys/secret.key")) : decode(keyFromEnv);
        SecretKey secretKey = new SecretKeySpec(key, "AES");
        this.encryptor =
                new AesBytesEncryptor(secretKey, KeyGenerators.secureRandom(12), AesBytesEncryptor.CipherAlgorithm.GCM);
    }

    String encrypt(String plain) {
        byte[] cipher = encryptor.encrypt(plain.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(cipher);
    }

    String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        byte[] cipher = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        return new String(encryptor.decrypt(cipher), StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.strip());
        if (key.length != 32) {
            throw new IllegalStateException("ATALAYA_ENCRYPTION_KEY must be base64 of exactly 32 bytes");
        }
        return key;
    }

    private static synchronized byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] key = KeyGenerators.secureRandom(32).generateKey();
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key " + file, e);
        }
    }
}
