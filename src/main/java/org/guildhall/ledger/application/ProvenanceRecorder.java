package org.guildhall.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.FileInfo;
import org.guildhall.catalog.api.LineageEdge;
import org.guildhall.catalog.api.VersionPublished;
import org.guildhall.identity.api.AccountJoined;
import org.guildhall.identity.api.WalletLinked;
import org.guildhall.ledger.api.EntryTypes;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.api.NewEntry;
import org.guildhall.ledger.domain.EntryEnvelope;
import org.guildhall.ledger.domain.LedgerRepository;

/**
 * Writes the entries of the identity and catalogue facts. The events are fired inside the transactions that
 * make the changes and these observers are synchronous, so an entry commits with its change or not at all
 * (an exception here rolls the change back).
 */
@ApplicationScoped
public class ProvenanceRecorder {

    /** One provider for every builder: {@code Json.create…} looks the provider up again on each call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    @Inject
    LedgerService ledger;

    @Inject
    LedgerRepository repo;

    void accountJoined(@Observes AccountJoined e) {
        ledger.append(new NewEntry(EntryTypes.ACCOUNT_JOINED, e.accountId(), "account:" + e.username(), null,
                JSON.createObjectBuilder().add("account", e.accountId().toString()).add("username", e.username())
                        .add("joinedAt", EntryEnvelope.formatTime(e.joinedAt())).build()));
    }

    /** The wallet, its signed challenge and the signature: evidence anyone can check again. */
    void walletLinked(@Observes WalletLinked e) {
        ledger.append(new NewEntry(EntryTypes.WALLET_LINKED, e.accountId(), "account:" + e.username(), null,
                JSON.createObjectBuilder().add("account", e.accountId().toString()).add("address", e.address())
                        .add("message", e.message()).add("signature", e.signature())
                        .add("linkedAt", EntryEnvelope.formatTime(e.linkedAt())).build()));
    }

    /**
     * A version's publication: the asset's registration first when this is its first published version (an
     * asset is registered publicly only once it is published: drafts stay private), then the version with its
     * content hash and every file's hash, then the lineage its card declares.
     */
    void versionPublished(@Observes VersionPublished e) {
        AssetRef ref = e.ref();
        String asset = ref.subject();
        if (!repo.exists(EntryTypes.ASSET_REGISTERED, e.assetId().toString())) {
            ledger.append(new NewEntry(EntryTypes.ASSET_REGISTERED, e.publishedBy(), asset, e.assetId(), assetJson(e).build()));
        }
        JsonArrayBuilder files = JSON.createArrayBuilder();
        for (FileInfo f : e.files()) {
            files.add(JSON.createObjectBuilder().add("path", f.path()).add("sha256", f.sha256()).add("size", f.size()));
        }
        JsonObjectBuilder version = assetJson(e).add("version", e.versionId().toString()).add("revision", e.revision())
                .add("contentHash", e.contentHash()).add("files", files)
                .add("publishedAt", EntryEnvelope.formatTime(e.publishedAt()));
        if (e.tag() == null) {
            version.addNull("tag");
        } else {
            version.add("tag", e.tag());
        }
        String at = asset + "@r" + e.revision();
        ledger.append(new NewEntry(EntryTypes.VERSION_PUBLISHED, e.publishedBy(), at, e.assetId(), version.build()));
        if (!e.lineage().isEmpty()) {
            JsonArrayBuilder links = JSON.createArrayBuilder();
            for (LineageEdge l : e.lineage()) {
                links.add(JSON.createObjectBuilder().add("relation", l.relation()).add("target", l.to().subject())
                        .add("inCatalogue", l.exists()));
            }
            ledger.append(new NewEntry(EntryTypes.LINEAGE_DECLARED, e.publishedBy(), at, e.assetId(),
                    assetJson(e).add("revision", e.revision()).add("contentHash", e.contentHash()).add("links", links).build()));
        }
    }

    private static JsonObjectBuilder assetJson(VersionPublished e) {
        return JSON.createObjectBuilder().add("asset", e.assetId().toString()).add("kind", e.ref().kind().name().toLowerCase(java.util.Locale.ROOT))
                .add("owner", e.ref().owner()).add("name", e.ref().name());
    }
}
