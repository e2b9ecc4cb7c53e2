package org.guildhall.ledger.domain;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * What an entry's hash covers: its <em>leaf data</em>, the RFC 8785 canonical JSON of
 *
 * <pre>{"actor":  account id or null,  "payloadHash": SHA-256 of the canonical payload (hex),
 *  "prevHash": hash of the entry before (hex; 64 zeros for the first), "seq": sequence number,
 *  "subject": what the entry is about, "time": "yyyy-MM-ddTHH:mm:ss.SSSZ" (UTC, milliseconds),
 *  "type": entry type, "wallet": the actor's linked wallet (0x…, lower case) or null}</pre>
 *
 * An entry's hash is the RFC 6962 leaf hash of that text, SHA-256(0x00 ‖ UTF-8 bytes); it is both the
 * Merkle leaf of the entry's batch and the link of the hash chain (the next entry's {@code prevHash}).
 */
public record EntryEnvelope(long seq, Instant time, String type, UUID actor, String wallet, String subject, String payloadHash,
        String prevHash) {

    /** One provider for every builder: {@code Json.create…} looks the provider up again on each call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    public static final String GENESIS_HASH = "0".repeat(64);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    public EntryEnvelope {
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String formatTime(Instant time) {
        return TIME.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The leaf data: canonical JSON. */
    public String canonical() {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        if (actor == null) {
            b.addNull("actor");
        } else {
            b.add("actor", actor.toString());
        }
        b.add("payloadHash", payloadHash).add("prevHash", prevHash).add("seq", seq);
        b.add("subject", subject).add("time", formatTime(time)).add("type", type);
        if (wallet == null) {
            b.addNull("wallet");
        } else {
            b.add("wallet", wallet);
        }
        return CanonicalJson.of(b.build());
    }

    /** SHA-256(0x00 ‖ leaf data). */
    public byte[] hash() {
        return MerkleTree.leafHash(CanonicalJson.utf8(canonical()));
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash());
    }

    public static String sha256Hex(String canonicalText) {
        return HexFormat.of().formatHex(MerkleTree.sha256().digest(CanonicalJson.utf8(canonicalText)));
    }
}
