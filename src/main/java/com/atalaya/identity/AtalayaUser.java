package com.atalaya.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, as Spring Security sees them (form login, HTTP Basic or API token). */
public final class AtalayaUser implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String email;
    private final String displayName;
    private final transient String passwordHash;
    private final boolean locked;
    private final boolean operator;

    public AtalayaUser(UUID id, String email, String displayName, String passwordHash, boolean locked) {
        this(id, email, displayName, passwordHash, locked, false);
    }

    AtalayaUser(UUID id, String email, String displayName, String passwordHash, boolean locked, boolean operator) {
        this.operator = operator;
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.locked = locked;
    }

    static AtalayaUser of(UserAccount account, boolean locked) {
        return new AtalayaUser(
                account.getId(),
                account.getEmail(),
                account.getDisplayName(),
                account.getPasswordHash(),
                locked,
                account.isOperator());
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    /** The instance operator: reads instance-wide figures such as metrics. */
    public boolean operator() {
        return operator;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return operator
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_OPERATOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtalayaUser other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AtalayaUser[" + email + "]";
    }
}
