package org.guildhall.market.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.catalog.api.Actor;

/**
 * Money in and out through the stable token on chain. A member deposits by transferring tokens from a linked
 * wallet to the treasury; Guildhall credits the balance after the configured confirmations, each transfer
 * exactly once. A transfer from an address no account has linked is held until its sender links the wallet and
 * claims it. A withdrawal reserves the amount, sends the transfer to one of the member's linked wallets, and is
 * confirmed or released.
 */
public interface ChainMoney {

    /** Whether a chain is configured at all (GUILDHALL_CHAIN_ENABLED). */
    boolean enabled();

    /** Where to deposit: the chain, the token, the treasury address, the confirmations waited for. */
    Optional<DepositAddress> depositAddress();

    List<DepositInfo> deposits(Actor member);

    /** Held deposits sent from the member's linked wallets, which the member may claim. */
    List<DepositInfo> claimable(Actor member);

    DepositInfo claim(Actor member, UUID depositId, String idempotencyKey);

    WithdrawalInfo withdraw(Actor member, Money amount, String address, String idempotencyKey);

    List<WithdrawalInfo> withdrawals(Actor member);

    /** Reads the chain for new deposits up to the confirmed head; returns how many were recorded. */
    int scanDeposits();

    /** Moves open withdrawals on: signs, broadcasts, confirms or releases; returns how many changed. */
    int advanceWithdrawals();

    /** Development chains: test tokens minted to one of the member's linked wallets; returns the transaction hash. */
    String mintTestTokens(Actor member, Money amount, String address);

    record DepositAddress(long chainId, String token, String treasury, long confirmations, String symbol) {
    }
}
