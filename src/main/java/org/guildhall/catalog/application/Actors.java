package org.guildhall.catalog.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.identity.api.AccountService;
import org.guildhall.platform.security.AuthenticatedCaller;
import org.guildhall.platform.security.Roles;
import org.guildhall.platform.validation.RejectedException;

/** The caller of this request as the catalogue sees it: an account and whether it is an admin. */
@RequestScoped
public class Actors implements Viewers {

    @Inject
    AuthenticatedCaller caller;

    @Inject
    AccountService accounts;

    private Optional<Actor> resolved;

    @Override
    public Optional<Actor> viewer() {
        if (resolved == null) {
            resolved = caller.claims().map(claims -> {
                // AccountSyncFilter made or refreshed the account before any resource or page runs
                var account = accounts.findBySubject(claims.subject()).orElseGet(() -> accounts.signedIn(claims));
                return new Actor(account.id(), account.username(), caller.isInRole(Roles.ADMIN));
            });
        }
        return resolved;
    }

    @Override
    public Actor actor() {
        return viewer().orElseThrow(() -> new RejectedException(RejectedException.Reason.FORBIDDEN, "Sign in first."));
    }
}
