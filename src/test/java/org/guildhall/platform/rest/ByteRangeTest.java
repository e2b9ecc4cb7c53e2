package org.guildhall.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void aBoundedRangeIsServedAsAsked() {
        assertThat(ByteRange.parse("bytes=4-9", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(4, 9)));
        assertThat(new ByteRange(4, 9).length()).isEqualTo(6);
        assertThat(new ByteRange(4, 9).contentRange(100)).isEqualTo("bytes 4-9/100");
    }

    @Test
    void anOpenRangeRunsToTheEndAndALastByteBeyondTheEndIsClipped() {
        assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(90, 99)));
        assertThat(ByteRange.parse("bytes=90-500", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(90, 99)));
    }

    @Test
    void aSuffixRangeIsTheLastBytes() {
        assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(90, 99)));
        assertThat(ByteRange.parse("bytes=-500", 100)).isEqualTo(new ByteRange.Partial(new ByteRange(0, 99)));
    }

    @Test
    void aRangeBeyondTheEndIsUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=100-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=-0", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=99999999999999999999-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void anythingElseGetsTheWholeFile() {
        assertThat(ByteRange.parse(null, 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse("items=0-1", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse("bytes=9-3", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.parse("bytes=-", 100)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void ifRangeHoldsOnlyForTheCurrentEtag() {
        assertThat(ByteRange.ifRangeHolds(Optional.empty(), "\"x\"")).isTrue();
        assertThat(ByteRange.ifRangeHolds(Optional.of("\"x\""), "\"x\"")).isTrue();
        assertThat(ByteRange.ifRangeHolds(Optional.of("\"y\""), "\"x\"")).isFalse();
    }
}
