package com.aegis.marketsim.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files written for tests read back into the same history, and tampering is detected. */
class HistoryFilesTest {

    private static final GeneratorConfig CONFIG = GeneratorConfig.defaults(11).withStocks(80).withYears(1);

    @Test
    void writtenFilesReadBackIntoAnIdenticalHistory(@TempDir Path dir) {
        MarketHistory original = MarketGenerator.generate(CONFIG, ProgressListener.NONE);
        HistoryFiles.Manifest written = HistoryFiles.write(original, dir.resolve("a"));
        MarketHistory read = HistoryFiles.read(dir.resolve("a"));
        HistoryFiles.Manifest rewritten = HistoryFiles.write(read, dir.resolve("b"));

        assertThat(rewritten.files()).isEqualTo(written.files());
        assertThat(read.config()).isEqualTo(CONFIG);
        assertThat(read.instruments()).isEqualTo(original.instruments());
        assertThat(read.statements()).isEqualTo(original.statements());
        assertThat(read.disclosures()).isEqualTo(original.disclosures());
        assertThat(read.indexBars()).isEqualTo(original.indexBars());
        assertThat(read.globalObservations()).isEqualTo(original.globalObservations());
        var symbol = original.instruments().get(3).symbol();
        assertThat(read.barsOf(symbol)).isEqualTo(original.barsOf(symbol));
        assertThat(HistoryFiles.readManifest(dir.resolve("a")).file("instruments.csv").rows()).isEqualTo(80);
    }

    @Test
    void aChangedFileIsRejectedWithItsName(@TempDir Path dir) throws Exception {
        HistoryFiles.write(MarketGenerator.generate(CONFIG, ProgressListener.NONE), dir);
        Path bars = dir.resolve("daily_bars.csv");
        Files.writeString(bars, Files.readString(bars, StandardCharsets.UTF_8) + "x", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> HistoryFiles.read(dir)).isInstanceOf(HistoryFileException.class)
                .hasMessageContaining("daily_bars.csv").hasMessageContaining("SHA-256");
    }

    @Test
    void aMissingManifestSaysHowToCreateIt(@TempDir Path dir) {
        assertThatThrownBy(() -> HistoryFiles.read(dir)).isInstanceOf(HistoryFileException.class)
                .hasMessageContaining("HistoryFiles.write");
    }

    @Test
    void haltedSessionsHaveEmptyOpenHighLowInTheBarFile(@TempDir Path dir) throws Exception {
        MarketHistory h = GeneratedMarkets.small();
        HistoryFiles.write(h, dir);
        long emptyOhlc = Files.lines(dir.resolve("daily_bars.csv")).filter(l -> l.contains(",,,")).count();
        long zeroVolume = 0;
        for (int i = 0; i < h.bars().stockCount(); i++) {
            for (int t = h.bars().firstDay(i); t < h.bars().endDay(i); t++) {
                zeroVolume += h.bars().volume(i, t) == 0 ? 1 : 0;
            }
        }
        assertThat(emptyOhlc).isEqualTo(zeroVolume).isPositive();
    }
}
