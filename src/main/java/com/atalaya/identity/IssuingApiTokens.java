package com.atalaya.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: shown once when issued, stored only as a SHA-256 hash. */
@Service
@Transactional
public class IssuingApiTokens {

    public record IssuedToken(UUID id, String name, String token, Instant createdAt) {}

    private static final String PREFIX = "atl_";
    private final SecureRandom random = new SecureRandom();
    private final ApiTokens tokens;
    private final UserAccounts users;

    IssuingApiTokens(ApiTokens tokens, UserAccounts users) {
        this.tokens = tokens;
        this.users = users;
    }

    public IssuedToken issue(UUID userId, String name) {
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > 80) {
            throw new InvalidInputException("name", "validation.tooLong", "At most 80 characters", 80);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(userId, label, hash(token)));
        return new IssuedToken(saved.getId(), saved.getName(), token, saved.getCreatedAt());
    }

    public Optional<AtalayaUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(token)).flatMap(t -> {
            t.markUsed(Instant.now());
            return users.findById(t.getUserId())
                    .filter(u -> !u.isLockedAt(Instant.now()))
                    .map(u -> AtalayaUser.of(u, false));
        });
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokensOf(UUID userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId);
    }

    public void revoke(UUID userId, UUID tokenId) {
        tokens.findByIdAndUserId(tokenId, userId).ifPresent(tokens::delete);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
