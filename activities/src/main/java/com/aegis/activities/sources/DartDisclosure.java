package com.aegis.activities.sources;

import java.time.LocalDate;

/** One filing of list.json. */
public record DartDisclosure(String rceptNo, String corpCode, String corpName, String stockCode, String corpCls,
                             String reportName, String filerName, LocalDate receivedOn, String remark) {
}
