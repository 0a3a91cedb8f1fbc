package dev.hugginggpt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void nearestRankPercentilesOfOneToAHundred() {
        List<Double> samples = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            samples.add((double) i);
        }
        Collections.shuffle(samples, new java.util.Random(7));

        Summary s = Summary.of(samples);

        assertEquals(100, s.count());
        assertEquals(1, s.min());
        assertEquals(50.5, s.mean(), 1e-9);
        assertEquals(50, s.p50());
        assertEquals(95, s.p95());
        assertEquals(99, s.p99());
        assertEquals(100, s.max());
    }

    @Test
    void everyPercentileIsAnObservedValue() {
        Summary s = Summary.of(new double[] {10, 20, 30, 40});

        assertEquals(20, s.p50(), "rank ceil(0.5 × 4) = 2");
        assertEquals(40, s.p95(), "rank ceil(0.95 × 4) = 4");
        assertEquals(40, s.p99());
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Summary s = Summary.of(new double[] {7.5});

        assertEquals(7.5, s.p50());
        assertEquals(7.5, s.p99());
        assertEquals(7.5, s.max());
    }

    @Test
    void p99OfAThousandHidesTheTenWorstButNotEleven() {
        assertEquals(1, Summary.of(withSlow(10)).p99());
        assertEquals(500, Summary.of(withSlow(11)).p99());
        assertEquals(500, Summary.of(withSlow(10)).max());
    }

    private static double[] withSlow(int slow) {
        double[] samples = new double[1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i < samples.length - slow ? 1 : 500;
        }
        return samples;
    }

    @Test
    void emptyIsNotANumberAndPercentilesOutOfRangeAreRefused() {
        assertTrue(Double.isNaN(Summary.of(new double[0]).p50()));
        assertEquals(0, Summary.of(List.of()).count());
        assertThrows(IllegalArgumentException.class, () -> Summary.percentile(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Summary.percentile(new double[] {1}, 101));
    }
}
