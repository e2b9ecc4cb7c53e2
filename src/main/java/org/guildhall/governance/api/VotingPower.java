package org.guildhall.governance.api;

/**
 * A member's voting power and how it was computed from their recorded contributions, as of ledger entry
 * {@code asOfSeq}: {@code points = versionWeight × publishedVersions + revenueWeight × whole units earned};
 * {@code power = ⌊100 × √points⌋}. {@code delegatedToMe} is the power members delegated to this one.
 */
public record VotingPower(String username, boolean member, long publishedVersions, long revenueMinor, long versionWeight,
        long revenueWeight, long points, long power, String delegate, long delegatedToMe, long delegators, long asOfSeq) {
}
