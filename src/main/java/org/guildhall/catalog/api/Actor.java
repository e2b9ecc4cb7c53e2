package org.guildhall.catalog.api;

import java.util.UUID;

/** Who acts on the catalogue: an account, and whether it holds the admin role. */
public record Actor(UUID accountId, String username, boolean admin) {
}
