package dev.closeloop.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static final long SIZE = 1000;

    @Test
    void noHeaderMeansTheWholeRecording() {
        assertThat(ByteRange.parse(null, SIZE)).isEqualTo(new ByteRange.Whole(SIZE));
    }

    @Test
    void aClosedRangeIsServedAsAsked() {
        ByteRange.Partial range = (ByteRange.Partial) ByteRange.parse("bytes=0-99", SIZE);
        assertThat(range.first()).isZero();
        assertThat(range.last()).isEqualTo(99);
        assertThat(range.length()).isEqualTo(100);
        assertThat(range.contentRange()).isEqualTo("bytes 0-99/1000");
    }

    @Test
    void aSingleByteRangeIsOneByte() {
        assertThat(ByteRange.parse("bytes=5-5", SIZE)).isEqualTo(new ByteRange.Partial(5, 5, SIZE));
    }

    @Test
    void aRangeReachingPastTheEndIsCutAtTheLastByte() {
        assertThat(ByteRange.parse("bytes=900-5000", SIZE)).isEqualTo(new ByteRange.Partial(900, 999, SIZE));
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        assertThat(ByteRange.parse("bytes=100-", SIZE)).isEqualTo(new ByteRange.Partial(100, 999, SIZE));
        assertThat(ByteRange.parse("bytes=999-", SIZE)).isEqualTo(new ByteRange.Partial(999, 999, SIZE));
    }

    @Test
    void aSuffixRangeIsTheLastBytes() {
        assertThat(ByteRange.parse("bytes=-100", SIZE)).isEqualTo(new ByteRange.Partial(900, 999, SIZE));
    }

    @Test
    void aSuffixLongerThanTheRecordingIsAllOfIt() {
        assertThat(ByteRange.parse("bytes=-5000", SIZE)).isEqualTo(new ByteRange.Partial(0, 999, SIZE));
    }

    @Test
    void aRangeStartingAtOrAfterTheEndIsUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=1000-", SIZE)).isEqualTo(new ByteRange.Unsatisfiable(SIZE));
        assertThat(ByteRange.parse("bytes=1000-1200", SIZE)).isEqualTo(new ByteRange.Unsatisfiable(SIZE));
        assertThat(ByteRange.parse("bytes=99999999999999999999999-", SIZE)).isEqualTo(new ByteRange.Unsatisfiable(SIZE));
        assertThat(new ByteRange.Unsatisfiable(SIZE).contentRange()).isEqualTo("bytes */1000");
    }

    @Test
    void anEmptySuffixIsUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=-0", SIZE)).isEqualTo(new ByteRange.Unsatisfiable(SIZE));
    }

    @Test
    void anyRangeOfAnEmptyRecordingIsUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=0-", 0)).isEqualTo(new ByteRange.Unsatisfiable(0));
        assertThat(ByteRange.parse("bytes=-10", 0)).isEqualTo(new ByteRange.Unsatisfiable(0));
    }

    @Test
    void theUnitIsCaseInsensitiveAndSpacesAroundAreTolerated() {
        assertThat(ByteRange.parse(" Bytes=0-9 ", SIZE)).isEqualTo(new ByteRange.Partial(0, 9, SIZE));
    }

    @Test
    void headersNotActedOnAreIgnoredAndTheWholeRecordingIsSent() {
        for (String header : new String[] { "", "items=0-9", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-1",
                "bytes=0-9,20-29", "bytes=1-2-3", "bytes=-1x", "bytes=+1-2", "bytes 0-9" }) {
            assertThat(ByteRange.parse(header, SIZE)).as(header).isEqualTo(new ByteRange.Whole(SIZE));
        }
    }
}
