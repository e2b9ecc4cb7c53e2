package org.guildhall.identity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.identity.api.ProfileChange;
import org.guildhall.platform.rest.ProblemException;
import org.guildhall.platform.rest.ProblemType;
import org.guildhall.platform.security.AuthenticatedCaller;
import org.guildhall.platform.security.CallerClaims;
import org.guildhall.platform.security.Roles;

@Path("/me")
@RequestScoped
@RolesAllowed(Roles.MEMBER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
public class MeResource {

    /** The caller's account. */
    public record Me(UUID id, String username, String email, String displayName, String bio, Set<String> roles,
            Instant joinedAt, Instant lastSignInAt) {
    }

    /** The fields of {@code PATCH /me}; a missing field keeps its value. */
    public record MePatch(String displayName, String bio) {
    }

    @Inject
    AuthenticatedCaller caller;

    @Inject
    AccountService accounts;

    @GET
    @Operation(summary = "The signed-in caller's account, made on first sign-in")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    public Me me() {
        return toMe(account());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's display name and bio")
    @APIResponse(responseCode = "200", description = "The changed account")
    @APIResponse(responseCode = "422", description = "A field breaks a rule; nothing was saved")
    public Me update(MePatch patch) {
        if (patch == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Send a JSON object with displayName and/or bio.");
        }
        AccountProfile current = account();
        AccountProfile changed = accounts.updateProfile(current.subject(), new ProfileChange(
                patch.displayName() != null ? patch.displayName() : current.displayName(),
                patch.bio() != null ? patch.bio() : current.bio()));
        return toMe(changed);
    }

    /** The caller's account: AccountSyncFilter has made or refreshed it before the resource runs. */
    private AccountProfile account() {
        CallerClaims claims = caller.claims().orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED, "Sign in first."));
        return accounts.findBySubject(claims.subject()).orElseGet(() -> accounts.signedIn(claims));
    }

    private Me toMe(AccountProfile p) {
        return new Me(p.id(), p.username(), p.email(), p.displayName(), p.bio(), caller.roles(), p.joinedAt(), p.lastSignInAt());
    }

}
