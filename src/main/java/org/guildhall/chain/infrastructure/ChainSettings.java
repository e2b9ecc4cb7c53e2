package org.guildhall.chain.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where and how Guildhall anchors. The defaults are anvil's on a developer's machine: its first well-known
 * account (dev-only key, public knowledge) signs, and the contract is deployed on first start.
 */
@ApplicationScoped
public class ChainSettings {

    /** Anvil's first development account: dev-only, published in anvil's own documentation. */
    static final String DEV_ONLY_TREASURY_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    static final String DEV_ONLY_SIGNER_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    @Inject
    @ConfigProperty(name = "guildhall.chain.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "guildhall.chain.rpc-url", defaultValue = "http://127.0.0.1:8545")
    String rpcUrl;

    @Inject
    @ConfigProperty(name = "guildhall.chain.id", defaultValue = "31337")
    long chainId;

    @Inject
    @ConfigProperty(name = "guildhall.chain.signer-key", defaultValue = DEV_ONLY_SIGNER_KEY)
    String signerKey;

    /** Dev-only default: anvil's second well-known account. The treasury receives deposits and sends withdrawals. */
    @Inject
    @ConfigProperty(name = "guildhall.chain.treasury-key", defaultValue = DEV_ONLY_TREASURY_KEY)
    String treasuryKey;

    @Inject
    @ConfigProperty(name = "guildhall.chain.token-contract")
    Optional<String> tokenContract;

    @Inject
    @ConfigProperty(name = "guildhall.chain.anchor-contract")
    Optional<String> anchorContract;

    @Inject
    @ConfigProperty(name = "guildhall.chain.deploy", defaultValue = "true")
    boolean deploy;

    @Inject
    @ConfigProperty(name = "guildhall.chain.confirmations", defaultValue = "2")
    int confirmations;

    @Inject
    @ConfigProperty(name = "guildhall.chain.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    public boolean enabled() {
        return enabled;
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public long chainId() {
        return chainId;
    }

    String signerKey() {
        return signerKey;
    }

    String treasuryKey() {
        return treasuryKey;
    }

    /** The stable token's address; when empty on a development chain, Guildhall deploys its test token. */
    public Optional<String> tokenContract() {
        return tokenContract.map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> anchorContract() {
        return anchorContract.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Deploy the contract when none is configured (development chains only). */
    public boolean deploy() {
        return deploy;
    }

    public int confirmations() {
        return Math.max(1, confirmations);
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }
}
