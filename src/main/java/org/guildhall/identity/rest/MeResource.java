package org.guildhall.identity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.identity.api.LinkedWallet;
import org.guildhall.identity.api.ProfileChange;
import org.guildhall.identity.api.WalletService;
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

    /** The body of {@code POST /me/wallets/challenges}. */
    public record ChallengeRequest(String address) {
    }

    /** The body of {@code POST /me/wallets}. */
    public record LinkRequest(UUID challengeId, String signature) {
    }

    @Inject
    WalletService walletService;

    @GET
    @Path("wallets")
    @Operation(summary = "The caller's linked wallets, newest first")
    public List<LinkedWallet> wallets() {
        return walletService.wallets(account().id());
    }

    @POST
    @Path("wallets/challenges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A one-time message (EIP-4361 text) for the caller to sign with the wallet's key; valid 10 minutes")
    @APIResponse(responseCode = "201", description = "The challenge: id, message, expiresAt")
    @APIResponse(responseCode = "422", description = "Not an address")
    public Response challenge(ChallengeRequest body) {
        if (body == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Send a JSON object with address.");
        }
        return Response.status(201).entity(walletService.challenge(account().id(), body.address())).build();
    }

    @POST
    @Path("wallets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a wallet: the challenge's id and the wallet's EIP-191 signature of its message (0x + 130 hex digits)")
    @APIResponse(responseCode = "201", description = "Linked (and recorded in the ledger)")
    @APIResponse(responseCode = "404", description = "No such challenge for the caller")
    @APIResponse(responseCode = "409", description = "The challenge was used already, or the address belongs to another account")
    @APIResponse(responseCode = "422", description = "Malformed or wrong signature, or an expired challenge")
    public Response link(LinkRequest body) {
        if (body == null || body.challengeId() == null || body.signature() == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Send a JSON object with challengeId and signature.");
        }
        return Response.status(201).entity(walletService.link(account().id(), body.challengeId(), body.signature())).build();
    }

    private Me toMe(AccountProfile p) {
        return new Me(p.id(), p.username(), p.email(), p.displayName(), p.bio(), caller.roles(), p.joinedAt(), p.lastSignInAt());
    }

}
