package org.guildhall.ledger.api;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.UUID;

/**
 * A fact to append: its type, the account that caused it (null for the platform itself), what it is about
 * ({@code dataset:alice/iris@r2}, {@code account:alice}), the asset it concerns (for the asset's provenance
 * panel; may be null) and its payload. Numbers in the payload are integers of at most 2<sup>53</sup>; larger
 * ones travel as strings (RFC 8785 writes numbers as doubles).
 */
public record NewEntry(String type, UUID actor, String subject, UUID assetId, JsonObject payload) {

    public NewEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(payload, "payload");
    }
}
