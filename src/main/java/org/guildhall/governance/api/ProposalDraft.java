package org.guildhall.governance.api;

import org.guildhall.market.api.Money;

/**
 * What a member proposes. Which fields matter depends on the kind: {@code parameter} and {@code value} for a
 * PARAMETER_CHANGE, {@code asset} ({@code datasets/owner/name} or {@code owner/name} for a model, as in the
 * asset's address) for an ASSET_TAKEDOWN, {@code grantee} (a user name) and {@code amount} for a TREASURY_GRANT.
 * The description is Markdown.
 */
public record ProposalDraft(ProposalKind kind, String title, String description, String parameter, Long value, String asset,
        String grantee, Money amount) {
}
