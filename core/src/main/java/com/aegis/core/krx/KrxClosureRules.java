package com.aegis.core.krx;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the KRX closure days of one year from Korea's public-holiday rules plus the dates that no rule predicts
 * (lunar holidays, elections, temporary holidays). Cross-checked against KRX closure announcements.
 */
final class KrxClosureRules {

    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2027;

    /** Seollal (lunar 1/1), Chuseok (lunar 8/15) and Buddha's Birthday (lunar 4/8) in the solar calendar. */
    private static final Map<Integer, LocalDate[]> LUNAR = Map.ofEntries(
            lunar(2015, "02-19", "09-27", "05-25"),
            lunar(2016, "02-08", "09-15", "05-14"),
            lunar(2017, "01-28", "10-04", "05-03"),
            lunar(2018, "02-16", "09-24", "05-22"),
            lunar(2019, "02-05", "09-13", "05-12"),
            lunar(2020, "01-25", "10-01", "04-30"),
            lunar(2021, "02-12", "09-21", "05-19"),
            lunar(2022, "02-01", "09-10", "05-08"),
            lunar(2023, "01-22", "09-29", "05-27"),
            lunar(2024, "02-10", "09-17", "05-15"),
            lunar(2025, "01-29", "10-06", "05-05"),
            lunar(2026, "02-17", "09-25", "05-24"),
            lunar(2027, "02-07", "09-15", "05-13"));

    /** Election days are public holidays (Public Official Election Act). */
    private static final Map<LocalDate, String> ELECTIONS = Map.of(
            LocalDate.of(2016, 4, 13), "General election day",
            LocalDate.of(2017, 5, 9), "Presidential election day",
            LocalDate.of(2018, 6, 13), "Local election day",
            LocalDate.of(2020, 4, 15), "General election day",
            LocalDate.of(2022, 3, 9), "Presidential election day",
            LocalDate.of(2022, 6, 1), "Local election day",
            LocalDate.of(2024, 4, 10), "General election day",
            LocalDate.of(2025, 6, 3), "Presidential election day",
            LocalDate.of(2026, 6, 3), "Local election day");

    /** Temporary public holidays designated by the government; KRX closes on them. */
    private static final Map<LocalDate, String> TEMPORARY = Map.of(
            LocalDate.of(2015, 8, 14), "Temporary public holiday (70th Liberation Day anniversary)",
            LocalDate.of(2016, 5, 6), "Temporary public holiday",
            LocalDate.of(2017, 10, 2), "Temporary public holiday (Chuseok bridge)",
            LocalDate.of(2020, 8, 17), "Temporary public holiday",
            LocalDate.of(2023, 10, 2), "Temporary public holiday (Chuseok bridge)",
            LocalDate.of(2024, 10, 1), "Armed Forces Day (temporary public holiday)",
            LocalDate.of(2025, 1, 27), "Temporary public holiday (Lunar New Year bridge)");

    /** Substitute holidays for national days (Mar 1, Aug 15, Oct 3, Oct 9) apply from 2021-08-15 on. */
    private static final LocalDate NATIONAL_DAY_SUBSTITUTES_FROM = LocalDate.of(2021, 8, 15);
    /** Substitute holidays for Buddha's Birthday and Christmas apply from 2023-05-27 on. */
    private static final LocalDate RELIGIOUS_DAY_SUBSTITUTES_FROM = LocalDate.of(2023, 5, 27);

    /** CSAT days (sessions one hour late). 2027's is the date the Ministry of Education set for the 2028 exam. */
    static final List<LocalDate> CSAT_DAYS = List.of(
            LocalDate.of(2015, 11, 12), LocalDate.of(2016, 11, 17), LocalDate.of(2017, 11, 16),
            LocalDate.of(2017, 11, 23), LocalDate.of(2018, 11, 15), LocalDate.of(2019, 11, 14),
            LocalDate.of(2020, 12, 3), LocalDate.of(2021, 11, 18), LocalDate.of(2022, 11, 17),
            LocalDate.of(2023, 11, 16), LocalDate.of(2024, 11, 14), LocalDate.of(2025, 11, 13),
            LocalDate.of(2026, 11, 19), LocalDate.of(2027, 11, 18));

    private KrxClosureRules() {
    }

    /** All KRX closure days of the year (weekend days included where a holiday falls on them), by date. */
    static TreeMap<LocalDate, String> closures(int year) {
        LocalDate[] lunar = LUNAR.get(year);
        if (lunar == null) {
            throw new IllegalArgumentException("no lunar holiday dates for " + year);
        }
        TreeMap<LocalDate, String> holidays = new TreeMap<>();
        add(holidays, LocalDate.of(year, 1, 1), "New Year's Day");
        LocalDate seollal = lunar[0];
        add(holidays, seollal.minusDays(1), "Lunar New Year");
        add(holidays, seollal, "Lunar New Year");
        add(holidays, seollal.plusDays(1), "Lunar New Year");
        add(holidays, LocalDate.of(year, 3, 1), "Independence Movement Day");
        add(holidays, lunar[2], "Buddha's Birthday");
        add(holidays, LocalDate.of(year, 5, 5), "Children's Day");
        add(holidays, LocalDate.of(year, 6, 6), "Memorial Day");
        add(holidays, LocalDate.of(year, 8, 15), "Liberation Day");
        LocalDate chuseok = lunar[1];
        add(holidays, chuseok.minusDays(1), "Chuseok");
        add(holidays, chuseok, "Chuseok");
        add(holidays, chuseok.plusDays(1), "Chuseok");
        add(holidays, LocalDate.of(year, 10, 3), "National Foundation Day");
        add(holidays, LocalDate.of(year, 10, 9), "Hangul Day");
        add(holidays, LocalDate.of(year, 12, 25), "Christmas");
        ELECTIONS.forEach((d, n) -> addIfYear(holidays, year, d, n));
        TEMPORARY.forEach((d, n) -> addIfYear(holidays, year, d, n));

        // Substitutes are decided against public holidays only; Labour Day and the year-end day are KRX closures.
        TreeMap<LocalDate, String> substitutes = new TreeMap<>();
        // A day that coincides with two holidays earns one substitute, whichever rule grants it (2025-05-05).
        Set<LocalDate> compensated = new HashSet<>();
        substituteForBlock(holidays, substitutes, compensated, List.of(seollal.minusDays(1), seollal, seollal.plusDays(1)),
                "Lunar New Year");
        substituteForBlock(holidays, substitutes, compensated, List.of(chuseok.minusDays(1), chuseok, chuseok.plusDays(1)),
                "Chuseok");
        substituteForDay(holidays, substitutes, compensated, LocalDate.of(year, 5, 5));
        for (LocalDate nationalDay : List.of(LocalDate.of(year, 3, 1), LocalDate.of(year, 8, 15),
                LocalDate.of(year, 10, 3), LocalDate.of(year, 10, 9))) {
            if (!nationalDay.isBefore(NATIONAL_DAY_SUBSTITUTES_FROM)) {
                substituteForDay(holidays, substitutes, compensated, nationalDay);
            }
        }
        for (LocalDate religiousDay : List.of(lunar[2], LocalDate.of(year, 12, 25))) {
            if (!religiousDay.isBefore(RELIGIOUS_DAY_SUBSTITUTES_FROM)) {
                substituteForDay(holidays, substitutes, compensated, religiousDay);
            }
        }
        TreeMap<LocalDate, String> closures = new TreeMap<>(holidays);
        closures.putAll(substitutes);
        // Workers' Day (May 1): banks and KRX close by law although it was not a public holiday until 2026.
        add(closures, LocalDate.of(year, 5, 1), "Labour Day");
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        while (isWeekend(yearEnd) || closures.containsKey(yearEnd)) {
            yearEnd = yearEnd.minusDays(1);
        }
        closures.put(yearEnd, "Year-end closing day");
        return closures;
    }

    static List<LocalDate> csatDays() {
        return CSAT_DAYS;
    }

    /**
     * Seollal and Chuseok (since 2014): one substitute per day of the 3-day block that falls on a Sunday or on
     * another public holiday, on the first non-holiday weekday after the block. Saturdays do not count.
     */
    private static void substituteForBlock(TreeMap<LocalDate, String> holidays, TreeMap<LocalDate, String> subs,
                                           Set<LocalDate> compensated, List<LocalDate> block, String name) {
        int owed = 0;
        for (LocalDate d : block) {
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY || holidays.get(d).contains(" / ")) {
                owed++;
                compensated.add(d);
            }
        }
        LocalDate candidate = block.get(block.size() - 1);
        for (int i = 0; i < owed; i++) {
            candidate = nextFreeWeekday(holidays, subs, candidate);
            subs.put(candidate, "Substitute holiday (" + name + ")");
        }
    }

    /** Children's Day (since 2014), national days (2021-08) and religious days (2023-05): Sat, Sun or overlap. */
    private static void substituteForDay(TreeMap<LocalDate, String> holidays, TreeMap<LocalDate, String> subs,
                                         Set<LocalDate> compensated, LocalDate day) {
        if ((isWeekend(day) || holidays.get(day).contains(" / ")) && compensated.add(day)) {
            LocalDate date = nextFreeWeekday(holidays, subs, day);
            subs.put(date, "Substitute holiday (" + holidays.get(day) + ")");
        }
    }

    private static LocalDate nextFreeWeekday(TreeMap<LocalDate, String> holidays, TreeMap<LocalDate, String> subs,
                                             LocalDate after) {
        LocalDate d = after.plusDays(1);
        while (isWeekend(d) || holidays.containsKey(d) || subs.containsKey(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static void add(TreeMap<LocalDate, String> map, LocalDate date, String name) {
        map.merge(date, name, (a, b) -> a.equals(b) ? a : a + " / " + b);
    }

    private static void addIfYear(TreeMap<LocalDate, String> map, int year, LocalDate date, String name) {
        if (date.getYear() == year) {
            add(map, date, name);
        }
    }

    private static Map.Entry<Integer, LocalDate[]> lunar(int year, String seollal, String chuseok, String buddha) {
        return Map.entry(year, new LocalDate[] {
                LocalDate.parse(year + "-" + seollal), LocalDate.parse(year + "-" + chuseok),
                LocalDate.parse(year + "-" + buddha)});
    }

    static List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            years.add(y);
        }
        return years;
    }

}
