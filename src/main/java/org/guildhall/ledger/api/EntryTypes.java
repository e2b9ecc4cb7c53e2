package org.guildhall.ledger.api;

/**
 * The entry types Guildhall writes. Types are open strings ({@code capability.fact}, past tense), so a later
 * capability adds its own without touching the ledger.
 */
public final class EntryTypes {

    public static final String ACCOUNT_JOINED = "account.joined";
    public static final String WALLET_LINKED = "wallet.linked";
    public static final String ASSET_REGISTERED = "asset.registered";
    public static final String VERSION_PUBLISHED = "version.published";
    public static final String LINEAGE_DECLARED = "lineage.declared";

    private EntryTypes() {
    }
}
