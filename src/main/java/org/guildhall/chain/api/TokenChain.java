package org.guildhall.chain.api;

import java.util.List;
import java.util.Optional;

/**
 * The stable token on chain and the platform's treasury that holds it: members deposit by transferring tokens to
 * the treasury, and the treasury sends withdrawals. Amounts are integer minor units (6 decimals). Every call may
 * throw {@link ChainUnavailableException}; callers retry later.
 */
public interface TokenChain {

    boolean enabled();

    TokenInfo info();

    long headBlock();

    /** Transfers of the token to {@code to} in blocks {@code [fromBlock, toBlock]}, in chain order. */
    List<TokenTransfer> transfersTo(String to, long fromBlock, long toBlock);

    /**
     * Signs (without sending) a transfer of {@code amount} from the treasury to {@code to} with the treasury's
     * next nonce, so that its hash can be kept before it is broadcast: a transfer is then never sent twice.
     */
    SignedTransfer signTransfer(String to, long amount);

    /** Broadcasts a signed transaction; a transaction the node knows already is not an error. */
    void broadcast(String rawTransaction);

    Optional<MinedTransaction> transaction(String txHash);

    /** How many transactions the treasury has had mined: a signed transfer with a lower nonce that is not mined never will be. */
    long minedNonce();

    long balanceOf(String address);

    /** Development chains only: test tokens for {@code to}, minted by the treasury; returns the transaction hash. */
    String mint(String to, long amount);
}
