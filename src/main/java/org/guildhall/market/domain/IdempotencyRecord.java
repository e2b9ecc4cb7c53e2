package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The first answer to a money-moving request with an idempotency key, so that a retry answers it again. */
@Entity
@Table(name = "market_idempotency")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    @Id
    @Column(name = "account_id")
    private UUID accountId;

    @Id
    @Column(name = "operation")
    private String operation;

    @Id
    @Column(name = "idem_key")
    private String idemKey;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "result_ref", nullable = false)
    private String resultRef;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(UUID accountId, String operation, String idemKey, String requestHash, String resultRef, Instant now) {
        this.accountId = accountId;
        this.operation = operation;
        this.idemKey = idemKey;
        this.requestHash = requestHash;
        this.resultRef = resultRef;
        this.createdAt = now;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public String getResultRef() {
        return resultRef;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID accountId;
        private String operation;
        private String idemKey;

        public Key() {
        }

        public Key(UUID accountId, String operation, String idemKey) {
            this.accountId = accountId;
            this.operation = operation;
            this.idemKey = idemKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.accountId.equals(accountId) && k.operation.equals(operation) && k.idemKey.equals(idemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, operation, idemKey);
        }
    }
}
