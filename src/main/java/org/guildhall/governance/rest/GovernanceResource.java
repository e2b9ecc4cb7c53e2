package org.guildhall.governance.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.governance.api.GovernanceService;
import org.guildhall.governance.api.ParameterChangeInfo;
import org.guildhall.governance.api.ParameterInfo;
import org.guildhall.governance.api.ProposalDraft;
import org.guildhall.governance.api.ProposalInfo;
import org.guildhall.governance.api.ProposalKind;
import org.guildhall.governance.api.ProposalPreview;
import org.guildhall.governance.api.Tally;
import org.guildhall.governance.api.VoteChoice;
import org.guildhall.governance.api.VoteInfo;
import org.guildhall.governance.api.VotingPower;
import org.guildhall.market.api.Money;
import org.guildhall.platform.rest.ProblemException;
import org.guildhall.platform.rest.ProblemType;
import org.guildhall.platform.security.Roles;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;

/**
 * The DAO's REST API: proposals, votes, voting power, delegation and parameters. Reading is open to anyone (the
 * DAO's decisions are public); proposing, voting and delegating need a member's bearer token.
 */
@Path("dao")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DAO")
public class GovernanceResource {

    /**
     * The body of {@code POST /dao/proposals}: kind PARAMETER_CHANGE (parameter, value), ASSET_TAKEDOWN (asset:
     * datasets/owner/name or owner/name), TREASURY_GRANT (grantee: a user name, amount: a decimal) or TEXT.
     */
    public record ProposalBody(String kind, String title, String description, String parameter, Long value, String asset,
            String grantee, String amount) {
    }

    public record VoteBody(String choice, String reason) {
    }

    public record DelegationBody(String delegate) {
    }

    public record ClockBody(Long seconds) {
    }

    public record Clock(Instant now, boolean controllable) {
    }

    @Inject
    GovernanceService governance;

    @Inject
    Viewers callers;

    @GET
    @Path("proposals")
    @PermitAll
    @Operation(summary = "Proposals, newest first: open ones (state=open, the default) or finished ones (state=past)")
    public List<ProposalInfo> proposals(@QueryParam("state") @DefaultValue("open") String state,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return governance.proposals(!"past".equalsIgnoreCase(state), offset, limit);
    }

    @POST
    @Path("proposals")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Propose: needs membership and the proposal threshold of voting power")
    @APIResponse(responseCode = "201", description = "The proposal, PENDING until the voting delay has passed")
    @APIResponse(responseCode = "403", description = "Not a member, or not enough voting power")
    @APIResponse(responseCode = "422", description = "Invalid proposal: the errors name the fields and say what to fix")
    public Response propose(ProposalBody body) {
        ProposalInfo p = governance.propose(callers.actor(), draft(body));
        return Response.status(201).entity(p).build();
    }

    @POST
    @Path("proposals/preview")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a draft and say what it would change, storing nothing")
    public ProposalPreview preview(ProposalBody body) {
        return governance.preview(draft(body));
    }

    @GET
    @Path("proposals/{number}")
    @PermitAll
    @Operation(summary = "One proposal with its tally and lifecycle timeline (each step with its ledger entry)")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "200", description = "The proposal")
    public ProposalInfo proposal(@PathParam("number") long number) {
        return governance.proposal(number).orElseThrow(() -> RejectedException.notFound("There is no proposal " + number + "."));
    }

    @POST
    @Path("proposals/{number}/cancel")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Its proposer cancels a proposal before voting starts")
    @APIResponse(responseCode = "409", description = "Voting has started")
    public ProposalInfo cancel(@PathParam("number") long number) {
        return governance.cancel(callers.actor(), number);
    }

    @GET
    @Path("proposals/{number}/tally")
    @PermitAll
    @Operation(summary = "The tally: live while voting is open, final once closed")
    public Tally tally(@PathParam("number") long number) {
        return governance.tally(number);
    }

    @GET
    @Path("proposals/{number}/votes")
    @PermitAll
    @Operation(summary = "The votes of a proposal (each member's last), heaviest first")
    public List<VoteInfo> votes(@PathParam("number") long number, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return governance.votes(number, offset, limit);
    }

    @POST
    @Path("proposals/{number}/votes")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Vote FOR, AGAINST or ABSTAIN with an optional reason; voting again replaces the earlier vote")
    @APIResponse(responseCode = "200", description = "The vote with its weight and ledger entry")
    @APIResponse(responseCode = "403", description = "Not a member at the snapshot, or the power was delegated")
    @APIResponse(responseCode = "409", description = "Voting has not opened or is closed")
    public VoteInfo vote(@PathParam("number") long number, VoteBody body) {
        VoteChoice choice = null;
        if (body != null && body.choice() != null) {
            try {
                choice = VoteChoice.valueOf(body.choice().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                choice = null;
            }
        }
        return governance.vote(callers.actor(), number, choice, body == null ? null : body.reason());
    }

    @GET
    @Path("power")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The caller's voting power and how it was computed")
    public VotingPower myPower() {
        return governance.power(callers.actor().username());
    }

    @GET
    @Path("members/{username}/power")
    @PermitAll
    @Operation(summary = "A member's voting power and how it was computed")
    public VotingPower power(@PathParam("username") String username) {
        return governance.power(username);
    }

    @PUT
    @Path("delegation")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delegate the caller's power to another member (one hop; counts for proposals that open afterwards)")
    public VotingPower delegate(DelegationBody body) {
        return governance.delegate(callers.actor(), body == null ? null : body.delegate());
    }

    @DELETE
    @Path("delegation")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Take the caller's power back (for proposals that open afterwards)")
    public VotingPower revoke() {
        return governance.revokeDelegation(callers.actor());
    }

    @GET
    @Path("parameters")
    @PermitAll
    @Operation(summary = "The governed parameters: values now and allowed ranges")
    public List<ParameterInfo> parameters() {
        return governance.parameters();
    }

    @GET
    @Path("parameters/history")
    @PermitAll
    @Operation(summary = "Executed parameter changes, newest first (all, or of the parameter named by ?name=)")
    public List<ParameterChangeInfo> history(@QueryParam("name") String name) {
        return governance.history(Optional.ofNullable(name).filter(n -> !n.isBlank()));
    }

    @GET
    @Path("clock")
    @PermitAll
    @Operation(summary = "The DAO's clock, and whether it may be moved here (a development setting)")
    public Clock clock() {
        return new Clock(governance.now(), governance.clockControlEnabled());
    }

    @POST
    @Path("clock")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Dev only: move the DAO's clock forward by ?seconds, then move the proposals on")
    @APIResponse(responseCode = "403", description = "Clock control is off on this server")
    public Clock advance(ClockBody body) {
        Instant now = governance.advanceClock(Duration.ofSeconds(body == null || body.seconds() == null ? 0 : body.seconds()));
        return new Clock(now, true);
    }

    static ProposalDraft draft(ProposalBody b) {
        if (b == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Send a JSON object with the proposal's kind, title and description.");
        }
        ProposalKind kind = null;
        if (b.kind() != null) {
            try {
                kind = ProposalKind.valueOf(b.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                kind = null;
            }
        }
        Money amount = null;
        if (b.amount() != null && !b.amount().isBlank()) {
            try {
                amount = Money.parse(b.amount());
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ValidationFailedException(List.of(FieldError.of("amount", "market.amount.invalid", b.amount())));
            }
        }
        return new ProposalDraft(kind, b.title(), b.description(), b.parameter(), b.value(), b.asset(), b.grantee(), amount);
    }
}
