package org.guildhall.governance.api;

import java.time.Instant;

/** One executed change of a parameter, with the proposal that decided it and its ledger entry. */
public record ParameterChangeInfo(String name, long oldValue, long newValue, long proposal, Instant at, long ledgerSeq) {
}
