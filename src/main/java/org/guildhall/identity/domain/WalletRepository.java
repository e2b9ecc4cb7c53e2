package org.guildhall.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface WalletRepository {

    void add(WalletChallenge challenge);

    /** The challenge, locked until the transaction ends (two concurrent uses: one wins). */
    Optional<WalletChallenge> challengeForUpdate(UUID id);

    void add(LinkedWalletAddress wallet);

    Optional<LinkedWalletAddress> wallet(String address);

    /** The account's wallets, newest first. */
    List<LinkedWalletAddress> walletsOf(UUID accountId);

    void flush();
}
