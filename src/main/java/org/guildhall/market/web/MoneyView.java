package org.guildhall.market.web;

import org.guildhall.platform.web.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.identity.api.LinkedWallet;
import org.guildhall.identity.api.WalletService;
import org.guildhall.market.api.ChainMoney;
import org.guildhall.market.api.DepositInfo;
import org.guildhall.market.api.WithdrawalInfo;
import org.guildhall.market.api.MarketService;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.WalletSummary;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.market.application.MarketSettings;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;

/** {@code /me/wallet}: the balance, the postings that make it, and (in development) the faucet. */
@Named
@ViewScoped
public class MoneyView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE = 25;

    @Inject
    transient MarketService market;

    @Inject
    transient Viewers callers;

    @Inject
    transient MarketSettings settings;

    @Inject
    transient ChainMoney chainMoney;

    @Inject
    transient WalletService walletLinks;

    private transient WalletSummary wallet;
    private transient Optional<ChainMoney.DepositAddress> depositAddress;
    private transient List<DepositInfo> deposits;
    private transient List<DepositInfo> claimable;
    private transient List<WithdrawalInfo> withdrawals;
    private String withdrawAmount = "";
    private String withdrawTo = "";
    private String withdrawKey = UUID.randomUUID().toString();
    private String mintAmount = "100";
    private int page;
    private String amount = "100";
    private String key = UUID.randomUUID().toString();

    public WalletSummary getWallet() {
        if (wallet == null) {
            wallet = market.wallet(callers.actor(), page * PAGE, PAGE);
        }
        return wallet;
    }

    public void topUp() {
        try {
            Money m;
            try {
                m = Money.parse(amount);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ValidationFailedException(List.of(FieldError.of("amount", "market.amount.invalid", amount)));
            }
            market.faucet(callers.actor(), m, key);
            // the next top-up is a new request
            key = UUID.randomUUID().toString();
            wallet = null;
            PageMessages.info("market.wallet.topped", m.plain(), settings.currency());
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show("faucet:amount", e);
        }
    }

    public ChainMoney.DepositAddress getDepositAddress() {
        if (depositAddress == null) {
            depositAddress = chainMoney.depositAddress();
        }
        return depositAddress.orElse(null);
    }

    public List<DepositInfo> getDeposits() {
        if (deposits == null) {
            deposits = chainMoney.deposits(callers.actor());
        }
        return deposits;
    }

    public List<DepositInfo> getClaimable() {
        if (claimable == null) {
            claimable = chainMoney.claimable(callers.actor());
        }
        return claimable;
    }

    public List<WithdrawalInfo> getWithdrawals() {
        if (withdrawals == null) {
            withdrawals = chainMoney.withdrawals(callers.actor());
        }
        return withdrawals;
    }

    /** The member's linked wallets: where withdrawals may go and deposits count from. */
    public List<String> getLinked() {
        return walletLinks.wallets(callers.actor().accountId()).stream().map(LinkedWallet::address).toList();
    }

    public void claim(String depositId) {
        try {
            chainMoney.claim(callers.actor(), UUID.fromString(depositId), "claim-" + depositId);
            PageMessages.info("market.deposits.claimed");
            refresh();
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show(null, e);
        }
    }

    public void withdraw() {
        try {
            Money m;
            try {
                m = Money.parse(withdrawAmount);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ValidationFailedException(List.of(FieldError.of("amount", "market.amount.invalid", withdrawAmount)));
            }
            chainMoney.withdraw(callers.actor(), m, withdrawTo, withdrawKey);
            withdrawKey = UUID.randomUUID().toString();
            withdrawAmount = "";
            PageMessages.info("market.withdrawals.requested");
            refresh();
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show("chain:withdrawAmount", e);
        }
    }

    public void mint() {
        try {
            Money m = Money.parse(mintAmount);
            chainMoney.mintTestTokens(callers.actor(), m, withdrawTo);
            PageMessages.info("market.deposits.minted", withdrawTo);
        } catch (IllegalArgumentException | ArithmeticException e) {
            PageMessages.show("chain:mintAmount", new ValidationFailedException(List.of(FieldError.of("amount", "market.amount.invalid", mintAmount))));
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show("chain:mintAmount", e);
        } catch (org.guildhall.chain.api.ChainUnavailableException e) {
            PageMessages.info("market.deposits.chainOff");
        }
    }

    /** Reads the page's data again (the poll that shows deposits and withdrawals moving on). */
    public void refresh() {
        wallet = null;
        deposits = null;
        claimable = null;
        withdrawals = null;
    }

    public String getWithdrawAmount() {
        return withdrawAmount;
    }

    public void setWithdrawAmount(String withdrawAmount) {
        this.withdrawAmount = withdrawAmount;
    }

    public String getWithdrawTo() {
        return withdrawTo;
    }

    public void setWithdrawTo(String withdrawTo) {
        this.withdrawTo = withdrawTo;
    }

    public String getMintAmount() {
        return mintAmount;
    }

    public void setMintAmount(String mintAmount) {
        this.mintAmount = mintAmount;
    }

    public void next() {
        if ((page + 1L) * PAGE < getWallet().postingCount()) {
            page++;
            wallet = null;
        }
    }

    public void previous() {
        if (page > 0) {
            page--;
            wallet = null;
        }
    }

    public int getPage() {
        return page;
    }

    public long getPages() {
        return Math.max(1, (getWallet().postingCount() + PAGE - 1) / PAGE);
    }

    public boolean isFaucet() {
        return settings.faucetEnabled();
    }

    public String getCurrency() {
        return settings.currency();
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
