package org.guildhall.governance.api;

/**
 * The votes of a proposal, weighted by the voters' snapshot power. The quorum counts For, Against and Abstain;
 * a proposal passes when For / (For + Against) exceeds the threshold.
 */
public record Tally(long forPower, long againstPower, long abstainPower, long votes, long totalPower, long quorumPower,
        int quorumBps, int thresholdBps) {

    public long cast() {
        return forPower + againstPower + abstainPower;
    }

    public boolean quorumReached() {
        return totalPower > 0 && cast() >= quorumPower;
    }

    public boolean passing() {
        long decided = forPower + againstPower;
        return decided > 0 && (double) forPower * 10_000 > (double) thresholdBps * decided;
    }

    public boolean succeeds() {
        return quorumReached() && passing();
    }

    /** Quorum progress in percent (0–100) for progress bars. */
    public int quorumPercent() {
        return quorumPower <= 0 ? (cast() > 0 ? 100 : 0) : (int) Math.min(100, cast() * 100 / quorumPower);
    }
}
