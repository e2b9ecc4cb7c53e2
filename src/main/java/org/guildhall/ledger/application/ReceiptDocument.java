package org.guildhall.ledger.application;

import org.guildhall.ledger.domain.EntryEnvelope;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import org.guildhall.ledger.api.BatchRecord;
import org.guildhall.ledger.api.InclusionProof;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.Receipt;

/**
 * The JSON form of a receipt ({@code guildhall.receipt.v1}), which the README documents field by field. The
 * payload is embedded as JSON: its hash is over its RFC 8785 form, so any re-formatting of the receipt file
 * keeps it checkable.
 */
public final class ReceiptDocument {

    /** One provider for every builder: {@code Json.create…} looks the provider up again on each call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    public static final String FORMAT = "guildhall.receipt.v1";
    public static final String ALGORITHM = "rfc6962-sha256";

    private ReceiptDocument() {
    }

    public static JsonObject toJson(Receipt r) {
        LedgerRecord e = r.entry();
        JsonObjectBuilder entry = JSON.createObjectBuilder().add("seq", e.seq()).add("time", EntryEnvelope.formatTime(e.time()))
                .add("type", e.type());
        nullable(entry, "actor", e.actor() == null ? null : e.actor().toString());
        nullable(entry, "wallet", e.wallet());
        entry.add("subject", e.subject()).add("payload", parse(e.payload())).add("payloadHash", e.payloadHash())
                .add("prevHash", e.prevHash()).add("hash", e.hash());
        JsonObjectBuilder doc = JSON.createObjectBuilder().add("format", FORMAT).add("entry", entry);
        InclusionProof p = r.proof();
        if (p == null) {
            doc.addNull("proof");
        } else {
            JsonArrayBuilder path = JSON.createArrayBuilder();
            p.path().forEach(path::add);
            doc.add("proof", JSON.createObjectBuilder().add("algorithm", ALGORITHM).add("batch", p.batchNo())
                    .add("leafIndex", p.leafIndex()).add("treeSize", p.treeSize()).add("path", path));
        }
        BatchRecord b = r.batch();
        if (b == null) {
            doc.addNull("batch").addNull("anchor");
        } else {
            doc.add("batch", JSON.createObjectBuilder().add("number", b.batchNo()).add("root", b.root()).add("prevRoot", b.prevRoot())
                    .add("firstSeq", b.firstSeq()).add("lastSeq", b.lastSeq()).add("entryCount", b.entryCount())
                    .add("sealedAt", EntryEnvelope.formatTime(b.sealedAt())));
            if (b.txHash() == null || b.block() == null) {
                doc.addNull("anchor");
            } else {
                doc.add("anchor", JSON.createObjectBuilder().add("chainId", b.chainId()).add("contract", b.contract())
                        .add("transaction", b.txHash()).add("block", b.block()).add("state", b.state()));
            }
        }
        return doc.build();
    }

    private static void nullable(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    public static JsonObject parse(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
