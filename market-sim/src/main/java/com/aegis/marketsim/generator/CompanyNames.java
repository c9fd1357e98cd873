package com.aegis.marketsim.generator;

import java.util.HashSet;
import java.util.Set;

/** Korean-style company names (Hangul plus a romanised English form), unique within one universe. */
final class CompanyNames {

    private static final String[][] SYLLABLES = {
        {"삼", "Sam"}, {"대", "Dae"}, {"한", "Han"}, {"동", "Dong"}, {"현", "Hyun"}, {"신", "Shin"}, {"금", "Geum"},
        {"세", "Se"}, {"태", "Tae"}, {"성", "Sung"}, {"우", "Woo"}, {"영", "Young"}, {"광", "Kwang"}, {"진", "Jin"},
        {"화", "Hwa"}, {"중", "Jung"}, {"일", "Il"}, {"국", "Kuk"}, {"경", "Kyung"}, {"명", "Myung"}, {"서", "Seo"},
        {"남", "Nam"}, {"미", "Mi"}, {"유", "Yu"}, {"제", "Je"}, {"고", "Go"}, {"효", "Hyo"}, {"두", "Doo"},
        {"풍", "Poong"}, {"오", "O"}, {"아", "A"}, {"청", "Cheong"}, {"해", "Hae"}, {"용", "Yong"}, {"정", "Jeong"},
        {"보", "Bo"}, {"상", "Sang"}, {"천", "Cheon"}, {"원", "Won"}, {"수", "Su"}, {"인", "In"}, {"조", "Jo"}};
    private static final String[][] QUALIFIERS = {{"글로벌", "Global"}, {"코리아", "Korea"}, {"산업", "Industrial"},
        {"인터내셔널", "International"}, {"에이치", "H"}, {"케이", "K"}};

    private final Set<String> taken = new HashSet<>();

    record Name(String ko, String en) {
    }

    Name next(SectorCatalog.Entry sector, RandomStream random) {
        for (int attempt = 0; attempt < 200; attempt++) {
            String[] a = SYLLABLES[random.nextInt(SYLLABLES.length)];
            String[] b = SYLLABLES[random.nextInt(SYLLABLES.length)];
            String[] suffix = sector.nameSuffixes().get(random.nextInt(sector.nameSuffixes().size()));
            String ko = a[0] + b[0] + suffix[0];
            String en = a[1] + b[1].toLowerCase(java.util.Locale.ROOT) + " " + suffix[1];
            if (attempt >= 20) {
                String[] q = QUALIFIERS[random.nextInt(QUALIFIERS.length)];
                ko = a[0] + b[0] + q[0] + suffix[0];
                en = a[1] + b[1].toLowerCase(java.util.Locale.ROOT) + " " + q[1] + " " + suffix[1];
            }
            if (attempt >= 60) {
                String[] c = SYLLABLES[random.nextInt(SYLLABLES.length)];
                ko = a[0] + b[0] + c[0] + suffix[0];
                en = a[1] + b[1].toLowerCase(java.util.Locale.ROOT) + c[1].toLowerCase(java.util.Locale.ROOT)
                        + " " + suffix[1];
            }
            if (taken.add(ko)) {
                return new Name(ko, en);
            }
        }
        throw new IllegalStateException("could not find a unique company name after 200 attempts; "
                + "the universe is too large for the name generator");
    }
}
