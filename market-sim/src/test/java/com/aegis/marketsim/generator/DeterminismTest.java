package com.aegis.marketsim.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed and config give byte-identical files whatever the thread count; another seed gives other files. */
class DeterminismTest {

    private static final GeneratorConfig CONFIG = GeneratorConfig.defaults(7).withStocks(120).withYears(1);

    @Test
    void sameSeedWritesIdenticalFilesEvenOnOneThread(@TempDir Path dir) throws Exception {
        HistoryFiles.Manifest first = HistoryFiles.write(MarketGenerator.generate(CONFIG, ProgressListener.NONE),
                dir.resolve("a"));
        ForkJoinPool singleThread = new ForkJoinPool(1);
        MarketHistory again;
        try {
            again = singleThread.submit(() -> MarketGenerator.generate(CONFIG, ProgressListener.NONE)).get();
        } finally {
            singleThread.shutdown();
        }
        HistoryFiles.Manifest second = HistoryFiles.write(again, dir.resolve("b"));

        assertThat(second.files()).isEqualTo(first.files());
        assertThat(dir.resolve("b").resolve(HistoryFiles.MANIFEST))
                .hasSameBinaryContentAs(dir.resolve("a").resolve(HistoryFiles.MANIFEST));
        assertThat(first.file("daily_bars.csv").rows()).isGreaterThan(20_000);
    }

    @Test
    void anotherSeedWritesDifferentFiles(@TempDir Path dir) {
        HistoryFiles.Manifest a = HistoryFiles.write(MarketGenerator.generate(CONFIG, ProgressListener.NONE),
                dir.resolve("a"));
        HistoryFiles.Manifest b = HistoryFiles.write(
                MarketGenerator.generate(CONFIG.withSeed(8), ProgressListener.NONE), dir.resolve("b"));
        for (String name : HistoryFiles.FILES) {
            if (name.equals("sectors.csv") || name.equals("trading_days.csv") || name.equals("market_indices.csv")) {
                assertThat(b.file(name).sha256()).as(name).isEqualTo(a.file(name).sha256());
            } else {
                assertThat(b.file(name).sha256()).as(name).isNotEqualTo(a.file(name).sha256());
            }
        }
    }

    @Test
    void progressIsReportedUpToTheTotalOfEachStage() {
        java.util.Map<String, long[]> last = new java.util.LinkedHashMap<>();
        MarketGenerator.generate(CONFIG.withSeed(9), (stage, done, total) -> last.put(stage, new long[] {done, total}));
        assertThat(last).containsKeys("universe", "fundamentals", "prices", "indices");
        last.forEach((stage, p) -> assertThat(p[0]).as(stage).isEqualTo(p[1]));
    }
}
