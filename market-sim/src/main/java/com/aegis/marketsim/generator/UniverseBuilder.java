package com.aegis.marketsim.generator;

import com.aegis.core.krx.TickSize;
import com.aegis.core.market.Market;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws the listed universe: market split, sectors, log-normal market caps (a few mega caps above 100 trillion KRW),
 * prices, share counts, listing dates, 6-digit codes ordered by listing age, ISINs, DART corp codes and names.
 */
final class UniverseBuilder {

    /** KRX listing counts the split is proportional to (KOSPI ~830, KOSDAQ ~1,700, KONEX ~130). */
    private static final double KOSPI_SHARE = 830.0 / 2660.0;
    private static final double KONEX_SHARE = 130.0 / 2660.0;
    /** Share of the universe that lists during the history (IPOs) and that is delisted during it. */
    static final double NEW_LISTING_SHARE = 0.06;
    static final double DELISTING_SHARE = 0.035;
    private static final long[] PAR_VALUES = {100, 200, 500, 500, 1000, 2500, 5000, 5000};

    private final GeneratorConfig config;
    private final List<LocalDate> days;

    UniverseBuilder(GeneratorConfig config, List<LocalDate> days) {
        this.config = config;
        this.days = days;
    }

    List<StockProfile> build() {
        int n = config.stocks();
        int kospi = (int) Math.round(n * KOSPI_SHARE);
        int konex = Math.max(1, (int) Math.round(n * KONEX_SHARE));
        int preferredCount = kospi >= 40 ? Math.max(1, (int) Math.round(kospi * 0.03)) : 0;
        int kospiCommon = kospi - preferredCount;
        List<StockProfile> stocks = new ArrayList<>(n);
        RandomStream universe = RandomStream.of(config.seed(), RandomStream.Purpose.UNIVERSE, 0);
        for (int i = 0; i < n; i++) {
            Market market = i < kospi ? Market.KOSPI : i < n - konex ? Market.KOSDAQ : Market.KONEX;
            boolean preferred = i >= kospiCommon && i < kospi;
            RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.UNIVERSE, i + 1L);
            StockProfile s = new StockProfile(i, market, SectorCatalog.draw(market, r), preferred);
            drawCap(s, r);
            stocks.add(s);
        }
        plantMegaCaps(stocks, kospiCommon, universe);
        linkPreferred(stocks, kospiCommon, kospi, universe);
        for (StockProfile s : stocks) {
            RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.LISTING, s.index);
            drawPriceAndShares(s, r);
            drawModelParameters(s, r);
        }
        drawListingDates(stocks, universe);
        assignCodes(stocks);
        assignNames(stocks);
        return stocks;
    }

    private static void drawCap(StockProfile s, RandomStream r) {
        double cap = switch (s.market) {
            case KOSPI -> r.logNormal(1.5e11, 1.65);
            case KOSDAQ -> r.logNormal(8.0e10, 1.15);
            case KONEX -> r.logNormal(1.5e10, 0.9);
        };
        double max = switch (s.market) {
            case KOSPI -> 9.0e13;
            case KOSDAQ -> 3.5e13;
            case KONEX -> 5.0e11;
        };
        s.capAtListing = Math.max(3.0e9, Math.min(max, cap));
    }

    /** KRX is top-heavy: one stock near 400 trillion KRW and a couple above 100 trillion. */
    private static void plantMegaCaps(List<StockProfile> stocks, int kospiCommon, RandomStream r) {
        if (kospiCommon < 20) {
            return;
        }
        List<StockProfile> kospi = new ArrayList<>(stocks.subList(0, kospiCommon));
        kospi.sort(Comparator.comparingDouble((StockProfile s) -> -s.capAtListing).thenComparingInt(s -> s.index));
        double[] anchors = {4.0e14, 1.35e14, 1.1e14, 6.0e13, 4.5e13};
        for (int k = 0; k < anchors.length && k < kospi.size(); k++) {
            kospi.get(k).capAtListing = anchors[k] * r.uniform(0.95, 1.08);
        }
    }

    private static void linkPreferred(List<StockProfile> stocks, int kospiCommon, int kospi, RandomStream r) {
        if (kospi == kospiCommon) {
            return;
        }
        List<StockProfile> big = new ArrayList<>(stocks.subList(0, kospiCommon));
        big.sort(Comparator.comparingDouble((StockProfile s) -> -s.capAtListing).thenComparingInt(s -> s.index));
        List<StockProfile> candidates = new ArrayList<>(big.subList(0, Math.max(kospi - kospiCommon,
                (int) (kospiCommon * 0.3))));
        for (int i = kospiCommon; i < kospi; i++) {
            StockProfile parent = candidates.remove(r.nextInt(candidates.size()));
            StockProfile pref = stocks.get(i);
            pref.parentIndex = parent.index;
            pref.capAtListing = parent.capAtListing * r.uniform(0.02, 0.12);
        }
    }

    private void drawPriceAndShares(StockProfile s, RandomStream r) {
        double price = switch (s.market) {
            case KOSPI -> r.logNormal(20_000, 1.1);
            case KOSDAQ -> r.logNormal(8_000, 1.0);
            case KONEX -> r.logNormal(4_000, 0.9);
        };
        // Keep share counts in the range real listings have (about 1 million to 6 billion shares).
        price = Math.max(price, s.capAtListing / 6.0e9);
        price = Math.min(price, s.capAtListing / 1.0e6);
        price = Math.max(300, Math.min(1_500_000, price));
        LocalDate first = days.get(0);
        long tick = TickSize.table(s.market, first).roundNearest(Math.max(1, Math.round(price)));
        s.initialPrice = tick;
        s.shares = Math.max(100_000, Math.round(s.capAtListing / tick));
        s.capAtListing = (double) tick * s.shares;
        s.parValue = PAR_VALUES[r.nextInt(PAR_VALUES.length)];
    }

    private static void drawModelParameters(StockProfile s, RandomStream r) {
        s.beta = Math.max(0.3, Math.min(2.0, r.logNormal(1.0, 0.25)));
        double size = Math.max(0, Math.min(1, (StrictMath.log10(2e13) - StrictMath.log10(s.capAtListing)) / 4.0));
        double idio = (0.011 + 0.018 * size) * r.logNormal(1.0, 0.2);
        if (s.market == Market.KONEX) {
            idio *= 1.15;
        }
        s.idioVol = Math.min(0.06, idio);
        s.sectorLoading = r.uniform(0.5, 1.2);
        double liquidity = Math.max(0, Math.min(1, (StrictMath.log10(s.capAtListing) - 9.5) / 5.0));
        double turnover = 0.0015 * StrictMath.pow(10, 0.9 * (1 - liquidity)) * r.logNormal(1.0, 0.45);
        if (s.market == Market.KONEX) {
            turnover *= 0.15;
        }
        if (s.preferred) {
            turnover *= 0.4;
        }
        s.baseTurnover = Math.max(0.0003, Math.min(0.03, turnover));
    }

    private void drawListingDates(List<StockProfile> stocks, RandomStream r) {
        int historyDays = days.size();
        LocalDate start = days.get(0);
        int n = stocks.size();
        int newListings = historyDays >= 60 ? (int) Math.round(n * NEW_LISTING_SHARE) : 0;
        // New listings are drawn from KOSDAQ and KONEX (as on KRX), deterministically by index stride.
        List<StockProfile> pool = new ArrayList<>();
        for (StockProfile s : stocks) {
            if (s.market != Market.KOSPI) {
                pool.add(s);
            }
        }
        Set<Integer> ipo = new HashSet<>();
        while (ipo.size() < Math.min(newListings, pool.size())) {
            ipo.add(pool.get(r.nextInt(pool.size())).index);
        }
        for (StockProfile s : stocks) {
            RandomStream lr = RandomStream.of(config.seed(), RandomStream.Purpose.LISTING, n + s.index);
            s.endDay = historyDays;
            if (ipo.contains(s.index)) {
                s.firstDay = lr.between(5, historyDays - 40);
                s.listedOn = days.get(s.firstDay);
            } else {
                s.firstDay = 0;
                int firstYear = switch (s.market) {
                    case KOSPI -> 1975;
                    case KOSDAQ -> 1996;
                    case KONEX -> 2013;
                };
                // Larger companies are older listings, which also gives them the low codes KRX veterans carry.
                double age = Math.max(0, Math.min(1, (StrictMath.log10(s.capAtListing) - 9.5) / 5.0));
                double u = Math.max(0, Math.min(1, lr.uniform() * 0.7 + (1 - age) * 0.3));
                long span = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(firstYear, 7, 1),
                        start.minusDays(30));
                LocalDate listed = LocalDate.of(firstYear, 7, 1).plusDays(Math.max(0, Math.round(u * span)));
                if (listed.getDayOfWeek().getValue() >= 6) {
                    listed = listed.minusDays(listed.getDayOfWeek().getValue() - 5L);
                }
                s.listedOn = listed;
            }
            if (s.preferred) {
                StockProfile parent = stocks.get(s.parentIndex);
                if (s.listedOn.isBefore(parent.listedOn)) {
                    s.listedOn = parent.listedOn;
                }
            }
        }
    }

    private void assignCodes(List<StockProfile> stocks) {
        List<StockProfile> commons = new ArrayList<>();
        for (StockProfile s : stocks) {
            if (!s.preferred) {
                commons.add(s);
            }
        }
        commons.sort(Comparator.comparing((StockProfile s) -> s.listedOn).thenComparingInt(s -> s.index));
        Set<Integer> used = new HashSet<>();
        RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.CODES, 0);
        int count = commons.size();
        for (int k = 0; k < count; k++) {
            // Codes grow with listing age from 000010 to about 460000, common stock ending in 0.
            int base = (int) (1 + (long) k * 45_000 / count);
            int number = base + r.nextInt(Math.max(1, 45_000 / count));
            while (!used.add(number)) {
                number++;
            }
            StockProfile s = commons.get(k);
            s.code = String.format(java.util.Locale.ROOT, "%06d", number * 10);
        }
        for (StockProfile s : stocks) {
            if (s.preferred) {
                String parent = stocks.get(s.parentIndex).code;
                s.code = parent.substring(0, 5) + "5";
            }
            s.isin = isin(s.code);
        }
        Set<String> corpCodes = new HashSet<>();
        for (StockProfile s : stocks) {
            if (s.preferred) {
                continue;
            }
            String corp;
            do {
                corp = String.format(java.util.Locale.ROOT, "00%06d", r.nextInt(1_000_000));
            } while (!corpCodes.add(corp));
            s.corpCode = corp;
        }
        for (StockProfile s : stocks) {
            if (s.preferred) {
                s.corpCode = stocks.get(s.parentIndex).corpCode;
            }
        }
    }

    private void assignNames(List<StockProfile> stocks) {
        CompanyNames names = new CompanyNames();
        RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.NAMES, 0);
        for (StockProfile s : stocks) {
            if (!s.preferred) {
                CompanyNames.Name name = names.next(SectorCatalog.ENTRIES.get(s.sectorIndex), r);
                s.name = name.ko();
                s.nameEn = name.en();
            }
        }
        for (StockProfile s : stocks) {
            if (s.preferred) {
                StockProfile parent = stocks.get(s.parentIndex);
                s.name = parent.name + "우";
                s.nameEn = parent.nameEn + " (Pref)";
            }
        }
    }

    /** ISIN for a KRX share: KR7 + code + 00 + ISO 6166 check digit (Luhn over the letters-as-numbers string). */
    static String isin(String code) {
        String body = "KR7" + code + "00";
        StringBuilder digits = new StringBuilder();
        for (char c : body.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else {
                digits.append(c - 'A' + 10);
            }
        }
        int sum = 0;
        boolean dbl = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return body + (10 - sum % 10) % 10;
    }
}
