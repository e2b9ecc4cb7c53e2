package org.guildhall.identity.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Linking wallets: the member asks for a challenge for an address, signs its message with that address's key
 * (EIP-191 personal message; the text follows EIP-4361 "Sign-In with Ethereum"), and sends the signature back.
 * A wrong signature, a challenge used before, an expired one or one of another account is refused with the
 * reason; nothing is linked.
 */
public interface WalletService {

    WalletChallengeText challenge(UUID accountId, String address);

    LinkedWallet link(UUID accountId, UUID challengeId, String signature);

    List<LinkedWallet> wallets(UUID accountId);

    /** The account that linked {@code address} (any case), if one did. */
    Optional<UUID> accountOf(String address);

    /** The most recently linked wallet (lower case), which the ledger records as the account's. */
    Optional<String> primaryWallet(UUID accountId);
}
