package org.guildhall.governance.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.governance.api.GovernanceService;
import org.guildhall.governance.api.ProposalInfo;
import org.guildhall.governance.api.VotingPower;
import org.guildhall.market.api.MarketService;
import org.guildhall.market.api.Money;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.PageMessages;

/** {@code /dao}: open and past proposals, the caller's voting power and delegation, the treasury. */
@Named
@ViewScoped
public class DaoView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient GovernanceService governance;

    @Inject
    transient MarketService market;

    @Inject
    transient Viewers callers;

    private transient List<ProposalInfo> open;
    private transient List<ProposalInfo> past;
    private transient VotingPower power;
    private String delegate;
    private String donation = "10";
    private String donationKey = UUID.randomUUID().toString();

    public List<ProposalInfo> getOpen() {
        if (open == null) {
            open = governance.proposals(true, 0, 50);
        }
        return open;
    }

    public List<ProposalInfo> getPast() {
        if (past == null) {
            past = governance.proposals(false, 0, 50);
        }
        return past;
    }

    public boolean isSignedIn() {
        return callers.viewer().isPresent();
    }

    /** The caller's power; null for visitors. */
    public VotingPower getPower() {
        Optional<Actor> me = callers.viewer();
        if (power == null && me.isPresent()) {
            power = governance.power(me.get().username());
        }
        return power;
    }

    public Money getTreasury() {
        return market.treasuryBalance();
    }

    public void delegateTo() {
        try {
            power = governance.delegate(callers.actor(), delegate);
            PageMessages.info("dao.delegation.done", power.delegate());
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show("power:delegate", e);
        }
    }

    public void revoke() {
        power = governance.revokeDelegation(callers.actor());
        PageMessages.info("dao.delegation.revoked");
    }

    public void donate() {
        try {
            Money m;
            try {
                m = Money.parse(donation);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ValidationFailedException(List.of(FieldError.of("amount", "market.amount.invalid", donation)));
            }
            market.donateToTreasury(callers.actor(), m, donationKey);
            donationKey = UUID.randomUUID().toString();
            PageMessages.info("dao.treasury.thanks", m.plain());
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show("treasury:donation", e);
        }
    }

    public String getDelegate() {
        return delegate;
    }

    public void setDelegate(String delegate) {
        this.delegate = delegate;
    }

    public String getDonation() {
        return donation;
    }

    public void setDonation(String donation) {
        this.donation = donation;
    }
}
