package com.aegis.marketsim.generator;

import com.aegis.core.market.Market;
import java.util.List;

/**
 * The 25 industries of the synthetic market, modelled on the KRX industry indices (KOSPI 1xxx, KOSDAQ 2xxx codes),
 * with how common each is per market and the words companies of that industry carry in their names.
 */
final class SectorCatalog {

    record Entry(SectorDef sector, double kospiWeight, double kosdaqWeight, double konexWeight,
                 List<String[]> nameSuffixes, boolean financial) {
    }

    private static Entry e(String code, String ko, String en, double kospi, double kosdaq, double konex,
                           boolean financial, String... suffixes) {
        List<String[]> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < suffixes.length; i += 2) {
            pairs.add(new String[] {suffixes[i], suffixes[i + 1]});
        }
        return new Entry(new SectorDef(code, ko, en), kospi, kosdaq, konex, List.copyOf(pairs), financial);
    }

    static final List<Entry> ENTRIES = List.of(
            e("1005", "음식료품", "Food & Beverages", 5, 3, 4, false, "식품", "Foods", "제과", "Confectionery", "푸드", "Food"),
            e("1006", "섬유의복", "Textiles & Apparel", 3, 2, 2, false, "섬유", "Textile", "패션", "Fashion", "어패럴", "Apparel"),
            e("1007", "종이목재", "Paper & Wood", 2, 1, 1, false, "제지", "Paper", "판지", "Board"),
            e("1008", "화학", "Chemicals", 11, 6, 5, false, "화학", "Chemical", "케미칼", "Chemicals", "소재", "Materials"),
            e("1009", "의약품", "Pharmaceuticals", 6, 12, 14, false, "제약", "Pharm", "바이오", "Bio", "약품", "Pharmaceutical"),
            e("1010", "비금속광물", "Non-Metallic Minerals", 2, 1, 1, false, "시멘트", "Cement", "유리", "Glass"),
            e("1011", "철강금속", "Iron & Metals", 5, 3, 2, false, "철강", "Steel", "금속", "Metal"),
            e("1012", "기계", "Machinery", 6, 7, 6, false, "기계", "Machinery", "중공업", "Heavy Industries"),
            e("1013", "전기전자", "Electrical & Electronics", 11, 10, 8, false, "전자", "Electronics", "전기", "Electric", "디스플레이", "Display"),
            e("1014", "의료정밀", "Medical & Precision Instruments", 2, 5, 6, false, "메디칼", "Medical", "정밀", "Precision"),
            e("1015", "운수장비", "Transport Equipment", 7, 4, 2, false, "자동차", "Motors", "조선", "Shipbuilding", "오토텍", "Autotech"),
            e("1016", "유통업", "Distribution", 5, 3, 3, false, "유통", "Retail", "상사", "Trading", "쇼핑", "Shopping"),
            e("1017", "전기가스업", "Electricity & Gas", 2, 1, 1, false, "가스", "Gas", "에너지", "Energy", "전력", "Power"),
            e("1018", "건설업", "Construction", 4, 3, 2, false, "건설", "E&C", "개발", "Development"),
            e("1019", "운수창고업", "Transportation & Storage", 3, 1, 1, false, "해운", "Shipping", "물류", "Logistics", "항공", "Airlines"),
            e("1020", "통신업", "Communications", 1, 1, 1, false, "텔레콤", "Telecom", "통신", "Communications"),
            e("1021", "금융업", "Finance", 4, 2, 1, true, "금융지주", "Financial Group", "캐피탈", "Capital"),
            e("1022", "은행", "Banks", 2, 0.3, 0, true, "은행", "Bank"),
            e("1024", "증권", "Securities", 2, 0.5, 0, true, "증권", "Securities", "투자증권", "Investment & Securities"),
            e("1025", "보험", "Insurance", 2, 0.3, 0, true, "생명", "Life", "화재", "Fire & Marine"),
            e("1026", "서비스업", "Services", 6, 5, 6, false, "서비스", "Services", "홀딩스", "Holdings"),
            e("2056", "반도체", "Semiconductors", 3, 10, 6, false, "반도체", "Semiconductor", "테크", "Tech", "머티리얼즈", "Materials"),
            e("2058", "소프트웨어", "Software", 2, 8, 12, false, "소프트", "Soft", "시스템", "Systems", "솔루션", "Solutions"),
            e("2063", "오락·문화", "Entertainment & Culture", 2, 6, 6, false, "엔터테인먼트", "Entertainment", "미디어", "Media", "게임즈", "Games"),
            e("2062", "디지털컨텐츠", "Digital Contents", 1, 5, 10, false, "콘텐츠", "Contents", "인터랙티브", "Interactive"));

    static List<SectorDef> sectors() {
        return ENTRIES.stream().map(Entry::sector).toList();
    }

    static double weight(Entry entry, Market market) {
        return switch (market) {
            case KOSPI -> entry.kospiWeight();
            case KOSDAQ -> entry.kosdaqWeight();
            case KONEX -> entry.konexWeight();
        };
    }

    /** Draws a sector index for a stock of the given market, proportionally to the weights above. */
    static int draw(Market market, RandomStream random) {
        double total = 0;
        for (Entry entry : ENTRIES) {
            total += weight(entry, market);
        }
        double u = random.uniform() * total;
        for (int i = 0; i < ENTRIES.size(); i++) {
            u -= weight(ENTRIES.get(i), market);
            if (u < 0) {
                return i;
            }
        }
        return ENTRIES.size() - 1;
    }

    private SectorCatalog() {
    }
}
