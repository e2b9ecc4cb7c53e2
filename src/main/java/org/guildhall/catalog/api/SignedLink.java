package org.guildhall.catalog.api;

import java.time.Instant;

/** A short-lived download link for scripts: the path to fetch without a token, and when it stops working. */
public record SignedLink(String path, Instant expiresAt) {
}
