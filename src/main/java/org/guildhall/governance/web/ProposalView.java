package org.guildhall.governance.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.governance.api.GovernanceService;
import org.guildhall.governance.api.ProposalInfo;
import org.guildhall.governance.api.ProposalState;
import org.guildhall.governance.api.VoteChoice;
import org.guildhall.governance.api.VoteInfo;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;
import org.guildhall.platform.web.PageMessages;

/**
 * {@code /dao/proposal?number=N}: the description, the live tally as a chart with quorum progress, the countdown
 * to the next step, the votes with their reasons, the lifecycle timeline with its ledger entries, and the vote form.
 */
@Named
@ViewScoped
public class ProposalView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient GovernanceService governance;

    @Inject
    transient Viewers callers;

    private long number;
    private transient ProposalInfo proposal;
    private transient List<VoteInfo> votes;
    private String choice = "FOR";
    /** The state the page showed last, to notice when the proposal moved on. */
    private ProposalState shown;
    private String reason;

    public long getNumber() {
        if (number == 0) {
            String n = PageMessages.param("number");
            try {
                number = n == null ? 0 : Long.parseLong(n.strip());
            } catch (NumberFormatException e) {
                number = 0;
            }
        }
        return number;
    }

    /** The proposal; a missing one is a 404 page, not an empty page. */
    public ProposalInfo getProposal() {
        if (proposal == null) {
            proposal = governance.proposal(getNumber())
                    .orElseThrow(() -> RejectedException.notFound(Messages.format(Locale.ENGLISH, "governance.proposal.unknown", getNumber())));
            shown = proposal.state();
        }
        return proposal;
    }

    public List<VoteInfo> getVotes() {
        if (votes == null) {
            votes = governance.votes(getNumber(), 0, 200);
        }
        return votes;
    }

    public String getChart() {
        return TallyChart.svg(getProposal().tally(), text("dao.vote.FOR"), text("dao.vote.AGAINST"), text("dao.vote.ABSTAIN"),
                text("dao.tally.quorum"));
    }

    /** When the proposal next moves on its own (voting opens, closes, executes), or null. */
    public Instant getNextAt() {
        ProposalInfo p = getProposal();
        return switch (p.state()) {
            case PENDING -> p.voteStart();
            case ACTIVE -> p.voteEnd();
            case QUEUED -> p.eta();
            default -> null;
        };
    }

    /** The time left until {@link #getNextAt}, in words (2 d 3 h, 5 min 10 s). */
    public String getCountdown() {
        Instant next = getNextAt();
        if (next == null) {
            return "";
        }
        Duration left = Duration.between(governance.now(), next);
        if (left.isNegative() || left.isZero()) {
            return text("dao.countdown.due");
        }
        long d = left.toDays();
        long h = left.toHoursPart();
        long m = left.toMinutesPart();
        long s = left.toSecondsPart();
        return d > 0 ? text("dao.countdown.days", d, h) : h > 0 ? text("dao.countdown.hours", h, m) : text("dao.countdown.minutes", m, s);
    }

    public boolean isCanVote() {
        return getProposal().state() == ProposalState.ACTIVE && callers.viewer().isPresent();
    }

    public boolean isCanCancel() {
        return getProposal().state() == ProposalState.PENDING
                && callers.viewer().map(a -> a.username().equals(getProposal().proposer())).orElse(false);
    }

    public Optional<VoteInfo> myVote() {
        return callers.viewer().flatMap(a -> getVotes().stream().filter(v -> v.voter().equals(a.username())).findFirst());
    }

    public VoteInfo getMine() {
        return myVote().orElse(null);
    }

    public boolean isClockControl() {
        return governance.clockControlEnabled() && callers.viewer().isPresent() && getNextAt() != null;
    }

    public void vote() {
        try {
            VoteChoice c = VoteChoice.valueOf(choice);
            VoteInfo v = governance.vote(callers.actor(), getNumber(), c, reason);
            PageMessages.info("dao.vote.done", text("dao.vote." + c.name()), v.weight(), v.ledgerSeq());
            reload();
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show("vote:reason", e);
        }
    }

    public void cancel() {
        try {
            governance.cancel(callers.actor(), getNumber());
            reload();
        } catch (RejectedException e) {
            PageMessages.show(null, e);
        }
    }

    /** Dev only: moves the DAO's clock to the proposal's next step. */
    public void skipAhead() {
        callers.actor(); // members only, as the API's clock endpoint
        try {
            Instant next = getNextAt();
            if (next != null) {
                long seconds = Math.max(1, Duration.between(governance.now(), next).getSeconds() + 1);
                governance.advanceClock(Duration.ofSeconds(seconds));
            }
            reload();
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show(null, e);
        }
    }

    public void reload() {
        proposal = null;
        votes = null;
    }

    /** The live refresh: when the proposal moved on (voting opened or closed), the vote form and the votes follow. */
    public void poll() {
        ProposalState before = shown;
        reload();
        if (before != null && before != getProposal().state()) {
            org.primefaces.PrimeFaces.current().ajax().update("voting", "votes");
        }
    }

    public VoteChoice[] getChoices() {
        return VoteChoice.values();
    }

    public String getChoice() {
        return choice;
    }

    public void setChoice(String choice) {
        this.choice = choice;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    private static String text(String key, Object... args) {
        return Messages.format(Locale.ENGLISH, key, args);
    }
}
