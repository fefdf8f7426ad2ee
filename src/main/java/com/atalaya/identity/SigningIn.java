package com.atalaya.identity;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up accounts for sign-in, locks an account after repeated failures and audits sign-ins. */
@Service
class SigningIn implements UserDetailsService {

    private final UserAccounts users;
    private final Memberships memberships;
    private final AuditLog audit;
    private final int maxFailures;
    private final Duration lockout;

    SigningIn(
            UserAccounts users,
            Memberships memberships,
            AuditLog audit,
            @Value("${atalaya.security.max-failed-sign-ins}") int maxFailures,
            @Value("${atalaya.security.lockout}") Duration lockout) {
        this.users = users;
        this.memberships = memberships;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        UserAccount account = users.findByEmail(UserAccount.normalizeEmail(email))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return AtalayaUser.of(account, account.isLockedAt(Instant.now()));
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String email = UserAccount.normalizeEmail(
                String.valueOf(event.getAuthentication().getName()));
        users.findByEmail(email).ifPresent(account -> {
            boolean locked = account.recordFailedSignIn(maxFailures, lockout, Instant.now());
            if (locked) {
                auditForEachWorkspace(account, "sign-in.locked", "Locked after " + maxFailures + " failed sign-ins");
            }
        });
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AtalayaUser user
                && !(event.getAuthentication() instanceof ApiTokenAuthentication)) {
            users.findById(user.id()).ifPresent(account -> {
                account.recordSuccessfulSignIn();
                auditForEachWorkspace(account, "sign-in", null);
            });
        }
    }

    private void auditForEachWorkspace(UserAccount account, String action, String detail) {
        memberships
                .findByUserId(account.getId())
                .forEach(m -> audit.record(m.getWorkspaceId(), account.getId(), account.getEmail(), action, detail));
    }
}
