package org.guildhall.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Logger;
import org.guildhall.identity.api.AccountJoined;
import org.guildhall.identity.api.AccountPage;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.identity.api.ProfileChange;
import org.guildhall.identity.domain.Account;
import org.guildhall.identity.domain.AccountRepository;
import org.guildhall.identity.domain.ProfileRules;
import org.guildhall.platform.security.CallerClaims;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.ValidationFailedException;

@ApplicationScoped
@Transactional
public class DefaultAccountService implements AccountService {

    private static final Logger LOG = Logger.getLogger(DefaultAccountService.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    Event<AccountJoined> joined;

    @Inject
    DefaultAccountService self;

    private final Clock clock = Clock.systemUTC();

    @Override
    public AccountProfile signedIn(CallerClaims claims) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Account> existing = accounts.findBySubject(claims.subject());
        if (existing.map(a -> !a.getUsername().equals(claims.username())).orElse(true)) {
            releaseUsernameHeldByAnother(claims.username(), claims.subject());
        }
        if (existing.isPresent()) {
            Account account = existing.get();
            // a sign-in refreshes the account; repeated API calls within a minute do not rewrite the row
            if (account.differsFromIdentityProvider(claims.username(), claims.email())
                    || account.getLastSignInAt().isBefore(now.minusSeconds(60))) {
                account.refreshFromIdentityProvider(claims.username(), claims.email(), now);
            }
            return toProfile(account);
        }
        Account account = new Account(claims.subject(), claims.username(), claims.email(),
                ProfileRules.displayNameFrom(claims.displayName(), claims.username()), now);
        accounts.add(account);
        joined.fire(new AccountJoined(account.getId(), account.getUsername(), now));
        return toProfile(account);
    }

    /**
     * User names are unique at the identity provider at any one time, but a name can pass to a new subject
     * (an account deleted and made again). The stale holder keeps its data under a name that no identity
     * provider can issue ({@code name~id}), and the new subject gets the name.
     */
    private void releaseUsernameHeldByAnother(String username, String subject) {
        accounts.findByUsername(username).filter(holder -> !holder.getSubject().equals(subject)).ifPresent(holder -> {
            String released = username + "~" + holder.getId().toString().substring(0, 8);
            LOG.warning(() -> "User name '" + username + "' now belongs to another identity; account " + holder.getId()
                    + " keeps its data as '" + released + "'");
            holder.refreshFromIdentityProvider(released, holder.getEmail(), holder.getLastSignInAt());
            accounts.flush();
        });
    }

    @Override
    public Optional<AccountProfile> findBySubject(String subject) {
        return accounts.findBySubject(subject).map(DefaultAccountService::toProfile);
    }

    @Override
    public Optional<AccountProfile> findByUsername(String username) {
        return accounts.findByUsername(username).map(DefaultAccountService::toProfile);
    }

    @Override
    public Optional<AccountProfile> findById(java.util.UUID id) {
        return accounts.findById(id).map(DefaultAccountService::toProfile);
    }

    @Override
    public AccountPage list(int offset, int limit) {
        return new AccountPage(accounts.count(), offset, limit,
                accounts.newestFirst(offset, limit).stream().map(DefaultAccountService::toProfile).toList());
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AccountProfile updateProfile(String subject, ProfileChange change) {
        // checked before any transaction starts: rejected input never opens (or rolls back) one
        List<FieldError> errors = ProfileRules.check(change.displayName(), change.bio());
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return self.applyProfile(subject, change);
    }

    /** The write half of {@link #updateProfile}; called through the proxy so that it runs in a transaction. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AccountProfile applyProfile(String subject, ProfileChange change) {
        Account account = accounts.findBySubject(subject).orElseThrow(() -> new NoSuchElementException("no account"));
        account.changeProfile(change.displayName().strip(), change.bio() == null ? "" : change.bio().strip(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return toProfile(account);
    }

    static AccountProfile toProfile(Account a) {
        return new AccountProfile(a.getId(), a.getSubject(), a.getUsername(), a.getEmail(), a.getDisplayName(), a.getBio(),
                a.getJoinedAt(), a.getLastSignInAt());
    }
}
