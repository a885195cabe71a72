package dev.faultline.dataplane.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShareDrawTest {

    private static List<Integer> picked(ShareDraw draw, int requests) {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            if (draw.next()) {
                picked.add(i);
            }
        }
        return picked;
    }

    @Test
    void shouldAffectExactlyTheShareOfEveryHundredMatches() {
        ShareDraw draw = new ShareDraw(0.5, new Random(7));
        List<Integer> picked = picked(draw, 1000);
        for (int block = 0; block < 10; block++) {
            int from = block * ShareDraw.BLOCK;
            assertThat(picked).filteredOn(i -> i >= from && i < from + ShareDraw.BLOCK).hasSize(50);
        }
    }

    @Test
    void shouldCarryTheFractionOfARequestToTheNextBlock() {
        assertThat(picked(new ShareDraw(0.333, new Random(1)), 1000)).hasSize(333);
        assertThat(picked(new ShareDraw(0.005, new Random(1)), 1000)).hasSize(5);
    }

    @Test
    void shouldPickThemAtRandomPositions() {
        List<Integer> one = picked(new ShareDraw(0.5, new Random(1)), 100);
        List<Integer> other = picked(new ShareDraw(0.5, new Random(2)), 100);
        List<Integer> firstHalf = IntStream.range(0, 50).boxed().toList();
        List<Integer> everyOther = IntStream.range(0, 50).map(i -> 2 * i).boxed().toList();
        assertThat(one).hasSize(50).isNotEqualTo(other).isNotEqualTo(firstHalf).isNotEqualTo(everyOther);
    }

    @Test
    void shouldAffectNoneAtZeroAndAllAtOne() {
        assertThat(picked(new ShareDraw(0.0, new Random(3)), 250)).isEmpty();
        assertThat(picked(new ShareDraw(1.0, new Random(3)), 250)).hasSize(250);
    }
}
