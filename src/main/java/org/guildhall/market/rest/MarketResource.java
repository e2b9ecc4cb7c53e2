package org.guildhall.market.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.market.api.AccessRequestInfo;
import org.guildhall.market.api.InvariantReport;
import org.guildhall.market.api.LicenceInfo;
import org.guildhall.market.api.MarketService;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.OfferInfo;
import org.guildhall.market.api.OfferKind;
import org.guildhall.market.api.OfferTerms;
import org.guildhall.market.api.Purchase;
import org.guildhall.market.api.SalesReport;
import org.guildhall.market.api.Share;
import org.guildhall.market.api.WalletSummary;
import org.guildhall.market.api.ChainMoney;
import org.guildhall.market.api.DepositInfo;
import org.guildhall.market.api.WithdrawalInfo;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.platform.rest.ProblemException;
import org.guildhall.platform.rest.ProblemType;
import org.guildhall.platform.security.Roles;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;

/**
 * The market's REST API: offers, purchases, gated access requests, licences, the wallet and sales. Calls that
 * move money need an {@code Idempotency-Key} header: a retry with the same key answers the first result and
 * moves nothing again.
 */
@Path("market")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market")
public class MarketResource {

    /** The body of {@code POST /market/offers} and {@code PUT /market/offers/{id}}; {@code price} is a decimal amount. */
    public record OfferBody(String assetKind, String repo, String rev, String kind, String title, String price,
            Boolean laterVersions, Boolean commercialUse, Boolean trainingAllowed, Boolean derivativesAllowed, Integer royaltyBps,
            Boolean autoApprove) {
    }

    public record PurchaseBody(UUID offer) {
    }

    public record RequestBody(String purpose) {
    }

    public record DecisionBody(String reason) {
    }

    public record FaucetBody(String amount) {
    }

    public record ShareBody(String username, int bps) {
    }

    public record Fee(int feeBps) {
    }

    public record WithdrawalBody(String amount, String address) {
    }

    public record MintBody(String amount, String address) {
    }

    public record Minted(String transaction) {
    }

    /** Where and how to deposit, and the caller's deposits. {@code address} is null while the chain cannot be reached. */
    public record Deposits(ChainMoney.DepositAddress address, List<DepositInfo> deposits, List<DepositInfo> claimable) {
    }

    @Inject
    MarketService market;

    @Inject
    Viewers callers;

    @Inject
    ChainMoney chainMoney;

    // ---- offers

    @GET
    @Path("offers")
    @PermitAll
    @Operation(summary = "The offers of a version (withdrawn ones for its owners only)")
    public List<OfferInfo> offers(@Parameter(description = "model or dataset") @QueryParam("kind") String kind,
            @Parameter(description = "owner/name") @QueryParam("repo") String repo,
            @QueryParam("rev") @DefaultValue("main") String rev) {
        return market.offers(ref(kind, repo), rev, callers.viewer());
    }

    @GET
    @Path("offers/{id}")
    @PermitAll
    @Operation(summary = "One offer")
    @APIResponse(responseCode = "404", description = "No such offer")
    @APIResponse(responseCode = "200", description = "The offer")
    public OfferInfo offer(@PathParam("id") UUID id) {
        return market.offer(id).orElseThrow(() -> RejectedException.notFound("There is no offer " + id + "."));
    }

    @POST
    @Path("offers")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Attach an offer to a published version (owners only)",
            description = "kind: OPEN, GATED, ONE_OFF or PAY_PER_USE; price: a decimal amount (zero for OPEN and GATED); "
                    + "royaltyBps: what derivatives owe upstream, in basis points.")
    @APIResponse(responseCode = "201", description = "The offer")
    @APIResponse(responseCode = "403", description = "The caller does not own the asset")
    @APIResponse(responseCode = "422", description = "Invalid terms: the errors name the fields")
    public Response create(OfferBody body) {
        OfferBody b = required(body);
        OfferInfo created = market.createOffer(callers.actor(), ref(b.assetKind(), b.repo()), b.rev() == null ? "main" : b.rev(), terms(b));
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("offers/{id}")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change an offer's terms; refused once a licence has been granted under it")
    @APIResponse(responseCode = "409", description = "The offer has licences or was withdrawn")
    @APIResponse(responseCode = "200", description = "The offer with its new terms")
    public OfferInfo change(@PathParam("id") UUID id, OfferBody body) {
        return market.changeOffer(callers.actor(), id, terms(required(body)));
    }

    @POST
    @Path("offers/{id}/withdraw")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Close an offer to new licences; licences granted under it stay valid")
    public OfferInfo withdraw(@PathParam("id") UUID id) {
        return market.withdrawOffer(callers.actor(), id);
    }

    // ---- purchases and licences

    @POST
    @Path("purchases")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Buy a licence under a ONE_OFF offer, paid from the balance",
            description = "Needs an Idempotency-Key header (8 to 200 letters, digits, '.', '_', ':' or '-'). A retry with the "
                    + "same key answers the same licence (200, Idempotent-Replayed: true) and charges nothing.")
    @APIResponse(responseCode = "201", description = "The licence")
    @APIResponse(responseCode = "200", description = "A retried request: the licence the first one granted")
    @APIResponse(responseCode = "402", description = "The balance is short of the price")
    @APIResponse(responseCode = "409", description = "Own asset, withdrawn offer, already licensed, or not a ONE_OFF offer")
    public Response purchase(@Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam("Idempotency-Key") String key,
            PurchaseBody body) {
        if (body == null || body.offer() == null) {
            throw new ValidationFailedException(List.of(FieldError.of("offer", "market.purchase.offer")));
        }
        Purchase p = market.purchase(callers.actor(), body.offer(), key);
        return Response.status(p.replayed() ? 200 : 201).header("Idempotent-Replayed", String.valueOf(p.replayed()))
                .entity(p.licence()).build();
    }

    @GET
    @Path("licences")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The caller's licences, newest first")
    public List<LicenceInfo> licences() {
        return market.licences(callers.actor());
    }

    @GET
    @Path("licences/{id}")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "A licence (its holder, the asset's owners and admins)",
            description = "ledgerSeq names the ledger entry; its receipt is /api/v1/ledger/entries/{seq}/receipt.")
    public LicenceInfo licence(@PathParam("id") UUID id) {
        return market.licence(callers.actor(), id).orElseThrow(() -> RejectedException.notFound("There is no licence " + id + "."));
    }

    @GET
    @Path("assets/licences")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The licences granted for an asset (its owners and admins)")
    public List<LicenceInfo> licencesOf(@QueryParam("kind") String kind, @QueryParam("repo") String repo) {
        return market.licencesOf(callers.actor(), ref(kind, repo));
    }

    // ---- gated access

    @POST
    @Path("offers/{id}/requests")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Ask for access to a GATED version, stating the purpose (approved at once when the offer auto-approves)")
    @APIResponse(responseCode = "201", description = "The request")
    @APIResponse(responseCode = "409", description = "Not a gated offer, own asset, or a request pending or approved already")
    public Response request(@PathParam("id") UUID id, RequestBody body) {
        AccessRequestInfo r = market.requestAccess(callers.actor(), id, body == null ? null : body.purpose());
        return Response.status(201).entity(r).build();
    }

    @GET
    @Path("requests")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Requests for the caller's assets, pending first")
    public List<AccessRequestInfo> incoming() {
        return market.incomingRequests(callers.actor());
    }

    @GET
    @Path("requests/mine")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The caller's own requests")
    public List<AccessRequestInfo> mine() {
        return market.myRequests(callers.actor());
    }

    @POST
    @Path("requests/{id}/approve")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Approve a pending request (owners only): grants the licence")
    @APIResponse(responseCode = "404", description = "No such request among the caller's assets")
    @APIResponse(responseCode = "409", description = "Already decided")
    @APIResponse(responseCode = "200", description = "Approved; the licence is granted")
    public AccessRequestInfo approve(@PathParam("id") UUID id, DecisionBody body) {
        return market.decide(callers.actor(), id, true, body == null ? null : body.reason());
    }

    @POST
    @Path("requests/{id}/reject")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Reject a pending request with a reason (owners only)")
    public AccessRequestInfo reject(@PathParam("id") UUID id, DecisionBody body) {
        return market.decide(callers.actor(), id, false, body == null ? null : body.reason());
    }

    // ---- money

    @GET
    @Path("wallet")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The caller's balance and postings, newest first")
    public WalletSummary wallet(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return market.wallet(callers.actor(), offset, limit);
    }

    @POST
    @Path("faucet")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Dev only: credit test money to the caller (refused where the faucet is off)",
            description = "Needs an Idempotency-Key header; amount is a decimal string.")
    @APIResponse(responseCode = "403", description = "The faucet is off on this server")
    @APIResponse(responseCode = "200", description = "The wallet after the credit")
    public WalletSummary faucet(@Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam("Idempotency-Key") String key,
            FaucetBody body) {
        return market.faucet(callers.actor(), amount(body == null ? null : body.amount()), key);
    }

    @GET
    @Path("sales")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "What the caller earned: total, latest sales and uses, earnings per day over 30 days")
    public SalesReport sales() {
        return market.sales(callers.actor());
    }

    @GET
    @Path("fee")
    @PermitAll
    @Operation(summary = "The platform fee, in basis points of each price")
    public Fee fee() {
        return new Fee(market.feeBps());
    }

    public record Treasury(Money balance) {
    }

    @GET
    @Path("treasury")
    @PermitAll
    @Operation(summary = "What the DAO treasury holds (grants are paid from it)")
    public Treasury treasury() {
        return new Treasury(market.treasuryBalance());
    }

    @POST
    @Path("treasury/donations")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Give part of the caller's balance to the DAO treasury",
            description = "Needs an Idempotency-Key header; amount is a decimal string. A retry with the same key gives nothing more.")
    @APIResponse(responseCode = "402", description = "The balance is short of the amount")
    @APIResponse(responseCode = "200", description = "The caller's wallet after the donation")
    public WalletSummary donate(@Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam("Idempotency-Key") String key,
            FaucetBody body) {
        return market.donateToTreasury(callers.actor(), amount(body == null ? null : body.amount()), key);
    }

    // ---- money on chain

    @GET
    @Path("deposits")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The deposit address (chain, token, treasury, confirmations), the caller's deposits, and held deposits "
            + "from the caller's linked wallets that may be claimed")
    public Deposits deposits() {
        var me = callers.actor();
        return new Deposits(chainMoney.depositAddress().orElse(null), chainMoney.deposits(me), chainMoney.claimable(me));
    }

    @POST
    @Path("deposits/{id}/claim")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Claim a held deposit sent from one of the caller's linked wallets (needs an Idempotency-Key)")
    @APIResponse(responseCode = "403", description = "The deposit came from a wallet the caller has not linked")
    @APIResponse(responseCode = "409", description = "Not held: credited or claimed already")
    @APIResponse(responseCode = "200", description = "Claimed: the amount is in the balance")
    public DepositInfo claim(@Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam("Idempotency-Key") String key,
            @PathParam("id") UUID id) {
        return chainMoney.claim(callers.actor(), id, key);
    }

    @POST
    @Path("withdrawals")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Withdraw to one of the caller's linked wallets (needs an Idempotency-Key)",
            description = "The amount is reserved at once; the transfer is sent on chain and then confirmed, or released back to "
                    + "the balance if it fails. GET /market/withdrawals shows where it stands.")
    @APIResponse(responseCode = "202", description = "Reserved; the transfer follows")
    @APIResponse(responseCode = "422", description = "More than the balance, or an address the caller has not linked")
    public Response withdraw(@Parameter(in = ParameterIn.HEADER, required = true) @HeaderParam("Idempotency-Key") String key,
            WithdrawalBody body) {
        WithdrawalInfo w = chainMoney.withdraw(callers.actor(), amount(body == null ? null : body.amount()),
                body == null ? null : body.address(), key);
        return Response.accepted(w).build();
    }

    @GET
    @Path("withdrawals")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The caller's withdrawals and their states")
    public List<WithdrawalInfo> withdrawals() {
        return chainMoney.withdrawals(callers.actor());
    }

    @POST
    @Path("faucet/chain")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Dev only: mint test tokens on the development chain to one of the caller's linked wallets")
    public Minted mint(MintBody body) {
        return new Minted(chainMoney.mintTestTokens(callers.actor(), amount(body == null ? null : body.amount()),
                body == null ? null : body.address()));
    }

    // ---- co-owners

    @GET
    @Path("shares")
    @PermitAll
    @Operation(summary = "An asset's owners and their shares of its proceeds (basis points)")
    public List<Share> shares(@QueryParam("kind") String kind, @QueryParam("repo") String repo) {
        return market.shares(ref(kind, repo));
    }

    @PUT
    @Path("shares")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replace an asset's co-owners and shares (its owner only); shares sum to 10,000 and include the owner")
    public List<Share> changeShares(@QueryParam("kind") String kind, @QueryParam("repo") String repo, List<ShareBody> body) {
        List<Share> shares = body == null ? List.of() : body.stream().map(s -> new Share(null, s.username(), s.bps())).toList();
        return market.changeShares(callers.actor(), ref(kind, repo), shares);
    }

    // ---- invariants

    @POST
    @Path("checks")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Check the books now (admins): balances against postings, zero sum, ledger entries")
    public InvariantReport check() {
        return market.checkInvariants();
    }

    @GET
    @Path("checks/latest")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The latest check of the books (admins)")
    public InvariantReport latestCheck() {
        return market.latestCheck().orElseThrow(() -> RejectedException.notFound("The books have not been checked yet."));
    }

    // ---- helpers

    static AssetRef ref(String kind, String repo) {
        AssetKind k = kind == null ? null : AssetKind.parse(kind.strip().toLowerCase(Locale.ROOT).replaceAll("s$", "")).orElse(null);
        if (k == null || repo == null || !repo.matches("[^/]+/[^/]+")) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Name the asset with kind (model or dataset) and repo (owner/name).");
        }
        String[] parts = repo.split("/");
        return new AssetRef(k, parts[0], parts[1]);
    }

    private static OfferBody required(OfferBody body) {
        if (body == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Send a JSON object with the offer's kind, title and terms.");
        }
        return body;
    }

    static OfferTerms terms(OfferBody b) {
        OfferKind kind;
        try {
            kind = b.kind() == null ? null : OfferKind.valueOf(b.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            throw new ValidationFailedException(List.of(FieldError.of("kind", "market.offer.kind")));
        }
        long price = b.price() == null || b.price().isBlank() ? 0 : amount(b.price()).minor();
        return new OfferTerms(kind, b.title(), price, Boolean.TRUE.equals(b.laterVersions()), Boolean.TRUE.equals(b.commercialUse()),
                Boolean.TRUE.equals(b.trainingAllowed()), Boolean.TRUE.equals(b.derivativesAllowed()),
                b.royaltyBps() == null ? 0 : b.royaltyBps(), Boolean.TRUE.equals(b.autoApprove()));
    }

    static Money amount(String text) {
        try {
            return Money.parse(text == null ? "" : text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ValidationFailedException(List.of(FieldError.of("amount", "market.amount.invalid", String.valueOf(text))));
        }
    }
}
