package org.guildhall.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.guildhall.governance.api.Tally;
import org.junit.jupiter.api.Test;

class TallyChartTest {

    @Test
    void eachChoiceIsItsShareOfTheSnapshotPowerAndTheQuorumIsMarked() {
        String svg = TallyChart.svg(new Tally(600, 300, 100, 3, 2_000, 80, 400, 5_000), "For", "Against", "Abstain", "Quorum");
        assertThat(svg).contains("data-choice=\"for\" data-power=\"600\"").contains("width=\"216.0\"") // 720 × 600 / 2000
                .contains("data-choice=\"against\" data-power=\"300\"").contains("width=\"108.0\"")
                .contains("data-choice=\"abstain\" data-power=\"100\"").contains("width=\"36.0\"")
                .contains("class=\"gh-tally-quorum\"").contains("x1=\"28.8\""); // 720 × 80 / 2000
    }

    @Test
    void aChoiceWithoutVotesDrawsNothingAndLabelsAreEscaped() {
        String svg = TallyChart.svg(new Tally(5, 0, 0, 1, 10, 1, 400, 5_000), "<b>For</b>", "Against", "Abstain", "Quorum");
        assertThat(svg).doesNotContain("data-choice=\"against\"").doesNotContain("data-choice=\"abstain\"")
                .doesNotContain("<b>").contains("&lt;b&gt;For&lt;/b&gt;");
    }

    @Test
    void theTallyDecidesByQuorumAndThreshold() {
        assertThat(new Tally(51, 49, 0, 2, 1_000, 40, 400, 5_000).succeeds()).isTrue();
        assertThat(new Tally(50, 50, 0, 2, 1_000, 40, 400, 5_000).succeeds()).isFalse(); // must exceed, not equal
        assertThat(new Tally(30, 0, 0, 1, 1_000, 40, 400, 5_000).succeeds()).isFalse(); // no quorum
        assertThat(new Tally(30, 0, 20, 2, 1_000, 40, 400, 5_000).succeeds()).isTrue(); // abstain counts for quorum only
        assertThat(new Tally(0, 0, 50, 1, 1_000, 40, 400, 5_000).succeeds()).isFalse();
    }
}
