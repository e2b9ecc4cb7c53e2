package org.guildhall.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One fact, immutable once written; its hash covers {@link #envelope()}. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    private long seq;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "entry_type", nullable = false)
    private String type;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "actor_wallet")
    private String actorWallet;

    @Column(nullable = false)
    private String subject;

    @Column(name = "asset_id")
    private String assetId;

    @Column(nullable = false)
    private String payload;

    @Column(name = "payload_hash", nullable = false)
    private String payloadHash;

    @Column(name = "prev_hash", nullable = false)
    private String prevHash;

    @Column(name = "entry_hash", nullable = false)
    private String entryHash;

    protected LedgerEntry() {
    }

    /** Builds the entry that follows {@code prevHash} at {@code seq}: payload canonicalised and hashed. */
    public LedgerEntry(long seq, Instant time, String type, UUID actor, String wallet, String subject, UUID assetId,
            String canonicalPayload, String prevHash) {
        this.seq = seq;
        this.recordedAt = time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.type = type;
        this.actorId = actor == null ? null : actor.toString();
        this.actorWallet = wallet;
        this.subject = subject;
        this.assetId = assetId == null ? null : assetId.toString();
        this.payload = canonicalPayload;
        this.payloadHash = EntryEnvelope.sha256Hex(canonicalPayload);
        this.prevHash = prevHash;
        this.entryHash = envelope().hashHex();
    }

    public EntryEnvelope envelope() {
        return new EntryEnvelope(seq, recordedAt, type, actorId == null ? null : UUID.fromString(actorId), actorWallet, subject,
                payloadHash, prevHash);
    }

    public long getSeq() {
        return seq;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getType() {
        return type;
    }

    public String getActorId() {
        return actorId;
    }

    public String getActorWallet() {
        return actorWallet;
    }

    public String getSubject() {
        return subject;
    }

    public String getAssetId() {
        return assetId;
    }

    public String getPayload() {
        return payload;
    }

    public String getPayloadHash() {
        return payloadHash;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getEntryHash() {
        return entryHash;
    }
}
