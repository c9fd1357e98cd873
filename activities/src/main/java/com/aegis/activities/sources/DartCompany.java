package com.aegis.activities.sources;

/**
 * Company overview from company.json.
 *
 * @param corpCls Y KOSPI, K KOSDAQ, N KONEX, E other
 */
public record DartCompany(String corpCode, String corpName, String corpNameEn, String stockCode, String corpCls,
                          String industryCode, String fiscalMonth) {
}
