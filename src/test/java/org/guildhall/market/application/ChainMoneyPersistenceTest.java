package org.guildhall.market.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.guildhall.catalog.api.Actor;
import org.guildhall.chain.api.MinedTransaction;
import org.guildhall.chain.api.TokenTransfer;
import org.guildhall.market.api.DepositInfo;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.WithdrawalInfo;
import org.guildhall.market.domain.MoneyAccount;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.testsupport.BothDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Deposits and withdrawals on the books, on H2 and PostgreSQL, with the chain in memory. */
class ChainMoneyPersistenceTest extends BothDatabases {

    static final String BOB_WALLET = "0x00000000000000000000000000000000000000b0";
    static final String STRANGER = "0x00000000000000000000000000000000000000c0";

    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:15:30Z"), ZoneOffset.UTC);
    MarketFixture fx;
    FakeTokenChain chain;

    EntityManagerFactory fresh(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        inTransaction(emf, em -> {
            for (String t : List.of("market_deposit", "market_withdrawal", "market_chain_cursor", "market_idempotency", "market_posting",
                    "market_journal", "market_check")) {
                em.createNativeQuery("DELETE FROM " + t).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM market_account WHERE kind NOT IN ('PLATFORM_FEE', 'DAO_TREASURY', 'FAUCET', "
                    + "'CHAIN_CUSTODY', 'DEPOSITS_UNCLAIMED', 'WITHDRAWALS_PENDING')").executeUpdate();
            em.createNativeQuery("UPDATE market_account SET balance = 0").executeUpdate();
        });
        fx = new MarketFixture(MarketSettings.of(250, 1_000_000, true, 1000), clock);
        chain = new FakeTokenChain();
        return emf;
    }

    Actor bob() {
        return new Actor(fx.account("bob"), "bob", false);
    }

    long balance(EntityManagerFactory emf, Actor a) {
        return read(emf, em -> fx.service(em).wallet(a, 0, 1).balance().minor());
    }

    long account(EntityManagerFactory emf, java.util.UUID id) {
        return read(emf, em -> fx.service(em).books.balance(id));
    }

    int scan(EntityManagerFactory emf) {
        return read(emf, em -> fx.chainMoney(em, chain).scanDeposits());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachConfirmedDepositIsCreditedExactlyOnceAndAStrangersIsHeldUntilClaimed(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor bob = bob();
        fx.walletOwners.put(BOB_WALLET, bob.accountId());
        read(emf, em -> fx.service(em).books.user(bob.accountId()));
        chain.transfers.add(new TokenTransfer("0xd1", 0, 90, BOB_WALLET, FakeTokenChain.TREASURY, 20_000_000));
        chain.transfers.add(new TokenTransfer("0xd2", 3, 95, STRANGER, FakeTokenChain.TREASURY, 7_000_000));
        chain.transfers.add(new TokenTransfer("0xd3", 0, 100, BOB_WALLET, FakeTokenChain.TREASURY, 1_000_000)); // 1 confirmation only

        assertThat(scan(emf)).isEqualTo(2);
        assertThat(balance(emf, bob)).isEqualTo(20_000_000);
        assertThat(account(emf, MoneyAccount.DEPOSITS_UNCLAIMED)).isEqualTo(7_000_000);
        assertThat(account(emf, MoneyAccount.CHAIN_CUSTODY)).isEqualTo(-27_000_000);
        // read again, and again after the cursor was lost: nothing twice
        assertThat(scan(emf)).isZero();
        inTransaction(emf, em -> em.createNativeQuery("UPDATE market_chain_cursor SET last_block = -1").executeUpdate());
        assertThat(scan(emf)).isZero();
        assertThat(balance(emf, bob)).isEqualTo(20_000_000);
        // the next block confirms the third transfer
        chain.head = 101;
        assertThat(scan(emf)).isEqualTo(1);
        assertThat(balance(emf, bob)).isEqualTo(21_000_000);

        // the stranger's deposit: not bob's until he links the wallet that sent it
        List<DepositInfo> none = read(emf, em -> fx.chainMoney(em, chain).claimable(bob));
        assertThat(none).isEmpty();
        java.util.UUID held = read(emf, em -> em.createQuery("SELECT d.id FROM Deposit d WHERE d.fromAddress = :a", java.util.UUID.class)
                .setParameter("a", STRANGER).getSingleResult());
        assertThatThrownBy(() -> read(emf, em -> fx.chainMoney(em, chain).claim(bob, held, "claim-key-0001")))
                .isInstanceOf(RejectedException.class).hasMessageContaining("link that wallet");
        fx.walletOwners.put(STRANGER, bob.accountId());
        List<DepositInfo> claimable = read(emf, em -> fx.chainMoney(em, chain).claimable(bob));
        assertThat(claimable).hasSize(1);
        DepositInfo claimed = read(emf, em -> fx.chainMoney(em, chain).claim(bob, held, "claim-key-0002"));
        assertThat(claimed.state()).isEqualTo("CLAIMED");
        assertThat(read(emf, em -> fx.chainMoney(em, chain).claim(bob, held, "claim-key-0002")).state()).isEqualTo("CLAIMED");
        assertThatThrownBy(() -> read(emf, em -> fx.chainMoney(em, chain).claim(bob, held, "claim-key-0003")))
                .isInstanceOf(RejectedException.class).hasMessageContaining("not held");
        assertThat(balance(emf, bob)).isEqualTo(28_000_000);
        assertThat(account(emf, MoneyAccount.DEPOSITS_UNCLAIMED)).isZero();
        assertThat(read(emf, em -> fx.service(em).checkInvariants()).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWithdrawalIsReservedSentAndConfirmedOrReleasedAndRefusedBeyondTheBalanceOrToAnUnlinkedAddress(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor bob = bob();
        fx.walletOwners.put(BOB_WALLET, bob.accountId());
        read(emf, em -> fx.service(em).faucet(bob, Money.parse("30"), "faucet-key-01"));

        assertThatThrownBy(() -> read(emf, em -> fx.chainMoney(em, chain).withdraw(bob, Money.parse("31"), BOB_WALLET, "wd-key-0001")))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> read(emf, em -> fx.chainMoney(em, chain).withdraw(bob, Money.parse("1"), STRANGER, "wd-key-0002")))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("address");
        assertThat(balance(emf, bob)).isEqualTo(30_000_000);

        WithdrawalInfo w = read(emf, em -> fx.chainMoney(em, chain).withdraw(bob, Money.parse("10"), BOB_WALLET, "wd-key-0003"));
        WithdrawalInfo again = read(emf, em -> fx.chainMoney(em, chain).withdraw(bob, Money.parse("10"), BOB_WALLET, "wd-key-0003"));
        assertThat(again.id()).isEqualTo(w.id());
        assertThat(w.state()).isEqualTo("RESERVED");
        assertThat(balance(emf, bob)).isEqualTo(20_000_000);
        assertThat(account(emf, MoneyAccount.WITHDRAWALS_PENDING)).isEqualTo(10_000_000);

        read(emf, em -> fx.chainMoney(em, chain).advanceWithdrawals());
        assertThat(chain.broadcasts).containsExactly("0xraw0");
        chain.mined.put("0xtx0", new MinedTransaction("0xtx0", 100, true, 50_000));
        chain.head = 100;
        read(emf, em -> fx.chainMoney(em, chain).advanceWithdrawals()); // one confirmation: waits
        assertThat(read(emf, em -> fx.chainMoney(em, chain).withdrawals(bob)).get(0).state()).isEqualTo("SENT");
        chain.head = 101;
        read(emf, em -> fx.chainMoney(em, chain).advanceWithdrawals());
        assertThat(read(emf, em -> fx.chainMoney(em, chain).withdrawals(bob)).get(0).state()).isEqualTo("CONFIRMED");
        assertThat(account(emf, MoneyAccount.WITHDRAWALS_PENDING)).isZero();
        assertThat(account(emf, MoneyAccount.CHAIN_CUSTODY)).isEqualTo(10_000_000);

        // a transfer that fails on chain gives the amount back
        WithdrawalInfo second = read(emf, em -> fx.chainMoney(em, chain).withdraw(bob, Money.parse("5"), BOB_WALLET, "wd-key-0004"));
        read(emf, em -> fx.chainMoney(em, chain).advanceWithdrawals());
        chain.mined.put("0xtx1", new MinedTransaction("0xtx1", 102, false, 50_000));
        read(emf, em -> fx.chainMoney(em, chain).advanceWithdrawals());
        WithdrawalInfo failed = read(emf, em -> fx.chainMoney(em, chain).withdrawals(bob)).stream()
                .filter(x -> x.id().equals(second.id())).findFirst().orElseThrow();
        assertThat(failed.state()).isEqualTo("RELEASED");
        assertThat(failed.problem()).contains("failed on chain");
        assertThat(balance(emf, bob)).isEqualTo(20_000_000);
        assertThat(read(emf, em -> fx.service(em).checkInvariants()).findings()).isEmpty();
    }
}
