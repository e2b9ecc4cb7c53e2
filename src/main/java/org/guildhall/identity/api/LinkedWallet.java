package org.guildhall.identity.api;

import java.time.Instant;

/** A wallet linked to an account: its address in EIP-55 form, and when it was linked. */
public record LinkedWallet(String address, Instant linkedAt) {
}
