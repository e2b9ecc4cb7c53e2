package org.guildhall.identity.api;

import java.util.Optional;
import org.guildhall.platform.security.CallerClaims;

/** Accounts made from the identity provider's tokens. */
public interface AccountService {

    /**
     * Records a sign-in: creates the account on the first one (firing {@link AccountJoined}), refreshes
     * user name, e-mail and (until the member edits it) display name on later ones. Idempotent.
     */
    AccountProfile signedIn(CallerClaims claims);

    Optional<AccountProfile> findBySubject(String subject);

    Optional<AccountProfile> findByUsername(String username);

    Optional<AccountProfile> findById(java.util.UUID id);

    /** One page of all accounts, newest first, for the operator. */
    AccountPage list(int offset, int limit);

    /**
     * Changes the display name and bio of the account with this subject.
     *
     * @throws org.guildhall.platform.validation.ValidationFailedException if a field breaks a rule; nothing is saved
     * @throws java.util.NoSuchElementException if there is no such account
     */
    AccountProfile updateProfile(String subject, ProfileChange change);
}
