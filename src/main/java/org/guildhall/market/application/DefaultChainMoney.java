package org.guildhall.market.application;

import static org.guildhall.platform.validation.RejectedException.Reason.CONFLICT;
import static org.guildhall.platform.validation.RejectedException.Reason.FORBIDDEN;
import static org.guildhall.platform.validation.RejectedException.Reason.NOT_FOUND;
import static org.guildhall.platform.validation.RejectedException.Reason.UNPROCESSABLE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.catalog.api.Actor;
import org.guildhall.chain.api.ChainUnavailableException;
import org.guildhall.chain.api.MinedTransaction;
import org.guildhall.chain.api.SignedTransfer;
import org.guildhall.chain.api.TokenChain;
import org.guildhall.chain.api.TokenInfo;
import org.guildhall.chain.api.TokenTransfer;
import org.guildhall.identity.api.LinkedWallet;
import org.guildhall.identity.api.WalletService;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.api.NewEntry;
import org.guildhall.market.api.ChainMoney;
import org.guildhall.market.api.DepositInfo;
import org.guildhall.market.api.MarketEntryTypes;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.WithdrawalInfo;
import org.guildhall.market.domain.ChainCursor;
import org.guildhall.market.domain.Deposit;
import org.guildhall.market.domain.IdempotencyRecord;
import org.guildhall.market.domain.Journal;
import org.guildhall.market.domain.MarketRepository;
import org.guildhall.market.domain.MoneyAccount;
import org.guildhall.market.domain.Movement;
import org.guildhall.market.domain.Withdrawal;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;

/**
 * Deposits and withdrawals through the stable token. The chain is read and written outside database
 * transactions; each change of the books is one transaction with its ledger entry.
 */
@ApplicationScoped
@Transactional
public class DefaultChainMoney implements ChainMoney {

    private static final Logger LOG = Logger.getLogger(DefaultChainMoney.class.getName());

    @Inject
    MarketRepository repo;

    @Inject
    MoneyBooks books;

    @Inject
    TokenChain chain;

    @Inject
    WalletService wallets;

    @Inject
    LedgerService ledger;

    @Inject
    MarketSettings settings;

    @Inject
    DefaultChainMoney self;

    /** The most blocks one scan reads (public nodes limit log queries). */
    @Inject
    @ConfigProperty(name = "guildhall.market.deposits.max-blocks", defaultValue = "2000")
    long maxBlocks;

    Clock clock = Clock.systemUTC();

    /** Whether the last scan reached the confirmed head (a scan reads at most {@code maxBlocks}). */
    private volatile boolean caughtUp = true;

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public boolean enabled() {
        return chain.enabled();
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public Optional<DepositAddress> depositAddress() {
        if (!chain.enabled()) {
            return Optional.empty();
        }
        try {
            TokenInfo t = chain.info();
            return Optional.of(new DepositAddress(t.chainId(), t.token(), t.treasury(), t.confirmations(), t.symbol()));
        } catch (ChainUnavailableException e) {
            return Optional.empty();
        }
    }

    // ---- deposits ----------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public int scanDeposits() {
        TokenInfo token = chain.info();
        long head = chain.headBlock();
        // a transfer in block b has head - b + 1 confirmations
        long safe = head - token.confirmations() + 1;
        ChainCursor cursor = self.cursor(token.token());
        long from = cursor.getToken().equals(token.token()) ? cursor.getLastBlock() + 1 : 0;
        if (safe < from) {
            caughtUp = true;
            return 0;
        }
        long to = Math.min(safe, from + maxBlocks - 1);
        caughtUp = to >= safe;
        List<TokenTransfer> transfers = chain.transfersTo(token.treasury(), from, to);
        return self.record(token, from, to, transfers);
    }

    /** Whether blocks wait beyond what the last scan read. */
    @Transactional(TxType.NOT_SUPPORTED)
    public boolean behind() {
        return !caughtUp;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public ChainCursor cursor(String token) {
        return repo.cursor(ChainCursor.DEPOSITS).orElseGet(() -> {
            ChainCursor c = new ChainCursor(ChainCursor.DEPOSITS, token, -1, clock.instant());
            repo.add(c);
            repo.flush();
            return c;
        });
    }

    /**
     * Records the transfers of blocks [from, to] and moves the cursor, in one transaction. Another server that
     * read the same blocks first has moved the cursor: then nothing is recorded twice.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int record(TokenInfo token, long from, long to, List<TokenTransfer> transfers) {
        ChainCursor cursor = repo.cursorForUpdate(ChainCursor.DEPOSITS).orElseThrow();
        Instant now = clock.instant();
        if (!cursor.getToken().equals(token.token())) {
            LOG.warning("the token changed from " + cursor.getToken() + " to " + token.token()
                    + " (a development chain that started over): deposits are read from its first block");
            cursor.restart(token.token(), now);
        }
        if (cursor.getLastBlock() + 1 != from) {
            return 0;
        }
        int recorded = 0;
        for (TokenTransfer t : transfers) {
            if (t.from().equalsIgnoreCase(token.treasury()) || t.amount() <= 0 || repo.depositSeen(t.txHash(), t.logIndex())) {
                continue;
            }
            UUID account = wallets.accountOf(t.from()).orElse(null);
            UUID id = UUID.randomUUID();
            Deposit d = new Deposit(id, t.txHash(), t.logIndex(), t.block(), token.token(), t.from().toLowerCase(Locale.ROOT), t.amount(),
                    account, now);
            Journal j;
            Movement m;
            if (account != null) {
                j = new Journal(UUID.randomUUID(), Journal.Kind.DEPOSIT, DefaultMarketService.text("market.memo.deposit", t.txHash()),
                        account, null, id.toString(), now);
                m = new Movement().debit(MoneyAccount.CHAIN_CUSTODY, t.amount()).credit(books.user(account), t.amount());
            } else {
                j = new Journal(UUID.randomUUID(), Journal.Kind.DEPOSIT_UNCLAIMED, DefaultMarketService.text("market.memo.held", t.from()),
                        null, null, id.toString(), now);
                m = new Movement().debit(MoneyAccount.CHAIN_CUSTODY, t.amount()).credit(MoneyAccount.DEPOSITS_UNCLAIMED, t.amount());
            }
            books.post(List.of(j), List.of(m), now);
            LedgerRecord e = ledger.append(new NewEntry(account != null ? MarketEntryTypes.DEPOSIT_CREDITED : MarketEntryTypes.DEPOSIT_HELD,
                    account, "deposit:" + t.txHash() + ":" + t.logIndex(), null, depositPayload(d, token)));
            j.recordedAt(e.seq());
            d.recordedAt(e.seq());
            repo.add(d);
            recorded++;
        }
        cursor.moveTo(to, now);
        return recorded;
    }

    private JsonObject depositPayload(Deposit d, TokenInfo token) {
        return DefaultMarketService.JSON.createObjectBuilder().add("deposit", d.getId().toString()).add("chainId", token.chainId())
                .add("token", token.token()).add("tx", d.getTxHash()).add("logIndex", d.getLogIndex()).add("block", d.getBlockNo())
                .add("from", d.getFromAddress()).add("amount", d.getAmount()).add("currency", settings.currency())
                .add("account", d.getAccountId() == null ? "" : d.getAccountId().toString()).build();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<DepositInfo> deposits(Actor member) {
        return repo.depositsOf(member.accountId()).stream().map(DefaultChainMoney::info).toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<DepositInfo> claimable(Actor member) {
        return repo.heldFrom(linked(member)).stream().map(DefaultChainMoney::info).toList();
    }

    private List<String> linked(Actor member) {
        return wallets.wallets(member.accountId()).stream().map(LinkedWallet::address).map(a -> a.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public DepositInfo claim(Actor member, UUID depositId, String idempotencyKey) {
        String key = DefaultMarketService.checkKey(idempotencyKey);
        books.user(member.accountId());
        try {
            return self.claimNow(member, depositId, key);
        } catch (RejectedException | ValidationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            return self.claimReplay(member, depositId, key).orElseThrow(() -> e);
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<DepositInfo> claimReplay(Actor member, UUID depositId, String key) {
        return repo.idempotency(member.accountId(), "claim", key).map(r -> replayDeposit(r, depositId));
    }

    private DepositInfo replayDeposit(IdempotencyRecord r, UUID depositId) {
        if (!r.getRequestHash().equals(DefaultMarketService.sha256("claim\n" + depositId))) {
            throw new RejectedException(UNPROCESSABLE, DefaultMarketService.text("market.idempotency.reused"));
        }
        return info(repo.depositForUpdate(depositId).orElseThrow());
    }

    @Transactional(TxType.REQUIRED)
    public DepositInfo claimNow(Actor member, UUID depositId, String key) {
        Optional<IdempotencyRecord> prior = repo.idempotency(member.accountId(), "claim", key);
        if (prior.isPresent()) {
            return replayDeposit(prior.get(), depositId);
        }
        Deposit d = repo.depositForUpdate(depositId)
                .orElseThrow(() -> new RejectedException(NOT_FOUND, DefaultMarketService.text("market.deposit.unknown", depositId)));
        if (d.getState() != Deposit.State.HELD) {
            throw new RejectedException(CONFLICT, DefaultMarketService.text("market.deposit.notHeld", d.getTxHash()));
        }
        if (!linked(member).contains(d.getFromAddress())) {
            throw new RejectedException(FORBIDDEN, DefaultMarketService.text("market.deposit.notYours", d.getFromAddress()));
        }
        Instant now = clock.instant();
        repo.add(new IdempotencyRecord(member.accountId(), "claim", key, DefaultMarketService.sha256("claim\n" + depositId), depositId.toString(), now));
        Journal j = new Journal(UUID.randomUUID(), Journal.Kind.DEPOSIT_CLAIM, DefaultMarketService.text("market.memo.claim", d.getTxHash()),
                member.accountId(), null, depositId.toString(), now);
        books.post(List.of(j), List.of(new Movement().debit(MoneyAccount.DEPOSITS_UNCLAIMED, d.getAmount())
                .credit(books.user(member.accountId()), d.getAmount())), now);
        d.claim(member.accountId(), now);
        LedgerRecord e = ledger.append(new NewEntry(MarketEntryTypes.DEPOSIT_CLAIMED, member.accountId(),
                "deposit:" + d.getTxHash() + ":" + d.getLogIndex(), null, DefaultMarketService.JSON.createObjectBuilder()
                        .add("deposit", depositId.toString()).add("from", d.getFromAddress()).add("amount", d.getAmount())
                        .add("account", member.accountId().toString()).build()));
        j.recordedAt(e.seq());
        return info(d);
    }

    static DepositInfo info(Deposit d) {
        return new DepositInfo(d.getId(), d.getTxHash(), d.getLogIndex(), d.getBlockNo(), d.getFromAddress(), Money.of(d.getAmount()),
                d.getState().name(), d.getSeenAt(), d.getLedgerSeq());
    }

    // ---- withdrawals -------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public WithdrawalInfo withdraw(Actor member, Money amount, String address, String idempotencyKey) {
        String key = DefaultMarketService.checkKey(idempotencyKey);
        if (amount == null || amount.minor() <= 0) {
            throw new ValidationFailedException(List.of(FieldError.of("amount", "market.withdrawal.amount")));
        }
        String to = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (!to.matches("0x[0-9a-f]{40}")) {
            throw new ValidationFailedException(List.of(FieldError.of("address", "wallet.address.invalid")));
        }
        if (!linked(member).contains(to)) {
            throw new ValidationFailedException(List.of(FieldError.of("address", "market.withdrawal.notLinked", address)));
        }
        books.user(member.accountId());
        String hash = DefaultMarketService.sha256("withdraw\n" + amount.minor() + "\n" + to);
        try {
            return self.reserve(member, amount.minor(), to, key, hash);
        } catch (RejectedException | ValidationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            return self.withdrawalReplay(member, key, hash).orElseThrow(() -> e);
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<WithdrawalInfo> withdrawalReplay(Actor member, String key, String hash) {
        return repo.idempotency(member.accountId(), "withdraw", key).map(r -> replayWithdrawal(r, hash));
    }

    private WithdrawalInfo replayWithdrawal(IdempotencyRecord r, String hash) {
        if (!r.getRequestHash().equals(hash)) {
            throw new RejectedException(UNPROCESSABLE, DefaultMarketService.text("market.idempotency.reused"));
        }
        return info(repo.withdrawal(UUID.fromString(r.getResultRef())).orElseThrow());
    }

    @Transactional(TxType.REQUIRED)
    public WithdrawalInfo reserve(Actor member, long amount, String to, String key, String hash) {
        Optional<IdempotencyRecord> prior = repo.idempotency(member.accountId(), "withdraw", key);
        if (prior.isPresent()) {
            return replayWithdrawal(prior.get(), hash);
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        repo.add(new IdempotencyRecord(member.accountId(), "withdraw", key, hash, id.toString(), now));
        Withdrawal w = new Withdrawal(id, member.accountId(), to, amount, now);
        Journal j = new Journal(UUID.randomUUID(), Journal.Kind.WITHDRAWAL_RESERVED, DefaultMarketService.text("market.memo.withdrawal", to),
                member.accountId(), null, id.toString(), now);
        try {
            books.post(List.of(j), List.of(new Movement().debit(books.user(member.accountId()), amount)
                    .credit(MoneyAccount.WITHDRAWALS_PENDING, amount)), now);
        } catch (MoneyBooks.InsufficientFunds e) {
            throw new ValidationFailedException(List.of(FieldError.of("amount", "market.withdrawal.short", Money.of(amount).plain(),
                    Money.of(books.balance(books.user(member.accountId()))).plain(), settings.currency())));
        }
        LedgerRecord e = ledger.append(new NewEntry(MarketEntryTypes.WITHDRAWAL_REQUESTED, member.accountId(), "withdrawal:" + id, null,
                DefaultMarketService.JSON.createObjectBuilder().add("withdrawal", id.toString()).add("to", to).add("amount", amount)
                        .add("currency", settings.currency()).build()));
        j.recordedAt(e.seq());
        repo.add(w);
        return info(w);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<WithdrawalInfo> withdrawals(Actor member) {
        return repo.withdrawalsOf(member.accountId()).stream().map(DefaultChainMoney::info).toList();
    }

    /**
     * One step for each open withdrawal, oldest first. A new transfer is signed only when no earlier one waits to
     * be broadcast, so that the treasury's nonces stay in order.
     */
    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public int advanceWithdrawals() {
        int changed = 0;
        long confirmations = chain.info().confirmations();
        for (Withdrawal w : self.open()) {
            switch (w.getState()) {
                case RESERVED -> {
                    SignedTransfer signed = chain.signTransfer(w.getAddress(), w.getAmount());
                    self.markSigned(w.getId(), signed);
                    chain.broadcast(signed.rawTransaction());
                    self.markSent(w.getId());
                    changed++;
                }
                case SIGNED -> {
                    chain.broadcast(w.getRawTx());
                    self.markSent(w.getId());
                    changed++;
                }
                case SENT -> {
                    Optional<MinedTransaction> mined = chain.transaction(w.getTxHash());
                    if (mined.isPresent() && !mined.get().succeeded()) {
                        self.release(w.getId(), DefaultMarketService.text("market.withdrawal.reverted", w.getTxHash()));
                        changed++;
                    } else if (mined.isPresent() && chain.headBlock() - mined.get().block() + 1 >= confirmations) {
                        self.confirm(w.getId(), mined.get().block());
                        changed++;
                    } else if (mined.isEmpty() && chain.minedNonce() > w.getNonce()) {
                        // its nonce was used by another transaction: this one can never be mined
                        self.release(w.getId(), DefaultMarketService.text("market.withdrawal.dropped", w.getTxHash()));
                        changed++;
                    } else if (mined.isEmpty()) {
                        chain.broadcast(w.getRawTx());
                    }
                }
                default -> {
                }
            }
        }
        return changed;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public List<Withdrawal> open() {
        return repo.openWithdrawals();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void markSigned(UUID id, SignedTransfer signed) {
        Withdrawal w = repo.withdrawalForUpdate(id).orElseThrow();
        if (w.getState() == Withdrawal.State.RESERVED) {
            w.signed(signed.txHash(), signed.rawTransaction(), signed.nonce(), clock.instant());
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void markSent(UUID id) {
        Withdrawal w = repo.withdrawalForUpdate(id).orElseThrow();
        if (w.getState() == Withdrawal.State.SIGNED) {
            w.sent(clock.instant());
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void confirm(UUID id, long block) {
        Withdrawal w = repo.withdrawalForUpdate(id).orElseThrow();
        if (w.getState() != Withdrawal.State.SENT) {
            return;
        }
        Instant now = clock.instant();
        Journal j = new Journal(UUID.randomUUID(), Journal.Kind.WITHDRAWAL_CONFIRMED,
                DefaultMarketService.text("market.memo.withdrawalSent", w.getTxHash()), w.getAccountId(), null, id.toString(), now);
        books.post(List.of(j), List.of(new Movement().debit(MoneyAccount.WITHDRAWALS_PENDING, w.getAmount())
                .credit(MoneyAccount.CHAIN_CUSTODY, w.getAmount())), now);
        LedgerRecord e = ledger.append(new NewEntry(MarketEntryTypes.WITHDRAWAL_CONFIRMED, w.getAccountId(), "withdrawal:" + id, null,
                DefaultMarketService.JSON.createObjectBuilder().add("withdrawal", id.toString()).add("to", w.getAddress())
                        .add("amount", w.getAmount()).add("tx", w.getTxHash()).add("block", block).build()));
        j.recordedAt(e.seq());
        w.confirmed(block, e.seq(), now);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void release(UUID id, String why) {
        Withdrawal w = repo.withdrawalForUpdate(id).orElseThrow();
        if (!w.getState().open()) {
            return;
        }
        Instant now = clock.instant();
        Journal j = new Journal(UUID.randomUUID(), Journal.Kind.WITHDRAWAL_RELEASED, why, w.getAccountId(), null, id.toString(), now);
        books.post(List.of(j), List.of(new Movement().debit(MoneyAccount.WITHDRAWALS_PENDING, w.getAmount())
                .credit(books.user(w.getAccountId()), w.getAmount())), now);
        LedgerRecord e = ledger.append(new NewEntry(MarketEntryTypes.WITHDRAWAL_RELEASED, w.getAccountId(), "withdrawal:" + id, null,
                DefaultMarketService.JSON.createObjectBuilder().add("withdrawal", id.toString()).add("amount", w.getAmount())
                        .add("reason", why).build()));
        j.recordedAt(e.seq());
        w.released(why, e.seq(), now);
        LOG.log(Level.WARNING, "withdrawal " + id + " released: " + why);
    }

    static WithdrawalInfo info(Withdrawal w) {
        return new WithdrawalInfo(w.getId(), w.getAddress(), Money.of(w.getAmount()), w.getState().name(), w.getTxHash(), w.getBlockNo(),
                w.getProblem(), w.getCreatedAt(), w.getUpdatedAt());
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public String mintTestTokens(Actor member, Money amount, String address) {
        if (!settings.faucetEnabled()) {
            throw new RejectedException(FORBIDDEN, DefaultMarketService.text("market.faucet.off"));
        }
        if (amount == null || amount.minor() <= 0 || amount.minor() > settings.faucetMax()) {
            throw new ValidationFailedException(List.of(FieldError.of("amount", "market.faucet.amount", Money.of(settings.faucetMax()).plain(),
                    settings.currency())));
        }
        String to = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (!linked(member).contains(to)) {
            throw new ValidationFailedException(List.of(FieldError.of("address", "market.withdrawal.notLinked", address)));
        }
        return chain.mint(to, amount.minor());
    }
}
