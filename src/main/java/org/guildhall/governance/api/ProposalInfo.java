package org.guildhall.governance.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guildhall.market.api.Money;

/**
 * A proposal as pages and the API show it. {@code change} says in words what executing it does;
 * {@code descriptionHtml} is the sanitised rendering of the Markdown description. {@code snapshotSeq} is the
 * ledger entry up to which voting power was counted (null while PENDING). The timeline is empty in lists.
 */
public record ProposalInfo(UUID id, long number, ProposalKind kind, String title, String description, String descriptionHtml,
        String proposer, ProposalState state, String change, String parameter, Long value, String asset, String grantee,
        Money amount, Instant createdAt, Instant voteStart, Instant voteEnd, Instant eta, Instant closedAt, Long snapshotSeq,
        long members, Tally tally, String outcome, List<TimelineStep> timeline) {
}
