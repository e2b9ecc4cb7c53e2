package org.guildhall.market.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.AssetRef;

/**
 * Licence offers, licences and money. Every movement of money is a balanced set of postings in one
 * transaction with the change it pays for and its ledger entry. Rejected input throws
 * {@code ValidationFailedException} or {@code RejectedException} with a message that says what to fix; nothing
 * changes then. Calls that move money take an idempotency key: a retried call with the same key answers what
 * the first one did and moves nothing again.
 */
public interface MarketService {

    /** The offers of the version {@code rev} names; withdrawn ones only for its owners. */
    List<OfferInfo> offers(AssetRef ref, String rev, Optional<Actor> viewer);

    Optional<OfferInfo> offer(UUID offerId);

    /** An owner attaches an offer to a published version. */
    OfferInfo createOffer(Actor owner, AssetRef ref, String rev, OfferTerms terms);

    /** Changes an offer's terms; refused once a licence has been granted under it. */
    OfferInfo changeOffer(Actor owner, UUID offerId, OfferTerms terms);

    /** Closes an offer to new licences; licences granted under it stay valid. */
    OfferInfo withdrawOffer(Actor owner, UUID offerId);

    /**
     * Takes a licence under an OPEN or ONE_OFF offer (a ONE_OFF is paid from the balance at once: the price to
     * the asset's owners by their shares, less the platform fee). Refused for one's own asset, a withdrawn offer,
     * a second licence under the same offer, or a short balance (payment required).
     */
    Purchase purchase(Actor buyer, UUID offerId, String idempotencyKey);

    /** Asks for a GATED version; approved at once when the offer auto-approves. */
    AccessRequestInfo requestAccess(Actor requester, UUID offerId, String purpose);

    AccessRequestInfo decide(Actor owner, UUID requestId, boolean approve, String reason);

    /** The requests for the caller's assets, pending first. */
    List<AccessRequestInfo> incomingRequests(Actor owner);

    List<AccessRequestInfo> myRequests(Actor requester);

    List<LicenceInfo> licences(Actor holder);

    /** The licences granted for an asset (its owners and admins only). */
    List<LicenceInfo> licencesOf(Actor owner, AssetRef ref);

    Optional<LicenceInfo> licence(Actor viewer, UUID licenceId);

    /** Whether the viewer may download the version {@code rev} names without paying again. */
    boolean entitled(Optional<Actor> viewer, AssetRef ref, String rev);

    WalletSummary wallet(Actor member, int offset, int limit);

    /** Dev-only test money (refused unless the faucet is enabled). */
    WalletSummary faucet(Actor member, Money amount, String idempotencyKey);

    SalesReport sales(Actor owner);

    List<Share> shares(AssetRef ref);

    /** Replaces an asset's co-owners and shares (summing to 10,000 basis points); its owners only. */
    List<Share> changeShares(Actor owner, AssetRef ref, List<Share> shares);

    /** The platform fee in basis points: the DAO's last decision, or the configured default. */
    int feeBps();

    /**
     * Sets the platform fee (0 to 10,000 basis points) in the caller's transaction: for the DAO's executed
     * decisions, which record the change and its reason themselves. Sales that start after the commit pay it.
     */
    void changeFee(int feeBps);

    /** What the DAO treasury holds. */
    Money treasuryBalance();

    /**
     * Pays {@code amount} from the DAO treasury to a member in the caller's transaction, with its ledger entry
     * ({@code treasury.granted}); refused (conflict) when the treasury holds less. {@code reference} names the decision.
     *
     * @return the ledger entry's sequence number
     */
    long grantFromTreasury(java.util.UUID accountId, Money amount, String reference);

    /** A member gives part of their balance to the DAO treasury (idempotent under its key). */
    WalletSummary donateToTreasury(Actor member, Money amount, String idempotencyKey);

    /** Checks the books now and keeps the report. */
    InvariantReport checkInvariants();

    Optional<InvariantReport> latestCheck();
}
