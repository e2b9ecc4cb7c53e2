package org.guildhall.catalog.api;

/** An asset as URLs name it: kind and {@code owner/name}. */
public record AssetRef(AssetKind kind, String owner, String name) {

    public String repoId() {
        return owner + "/" + name;
    }

    /** {@code dataset:alice/iris}: how ledger entries name an asset. */
    public String subject() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + repoId();
    }

    /** The portal path of the asset: {@code /owner/name} for models, {@code /datasets/owner/name} for datasets, as on the Hub. */
    public String pagePath() {
        return (kind == AssetKind.MODEL ? "" : "/" + kind.plural()) + "/" + owner + "/" + name;
    }
}
