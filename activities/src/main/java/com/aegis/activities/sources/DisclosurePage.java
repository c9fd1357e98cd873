package com.aegis.activities.sources;

import java.util.List;

/** One page of list.json; an empty page with totals 0 when OpenDART found nothing (013). */
public record DisclosurePage(int pageNo, int pageCount, int totalCount, int totalPage,
                             List<DartDisclosure> disclosures) {
    public DisclosurePage {
        disclosures = List.copyOf(disclosures);
    }

    public boolean isLast() {
        return pageNo >= totalPage;
    }
}
