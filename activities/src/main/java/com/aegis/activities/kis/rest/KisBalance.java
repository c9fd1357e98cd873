package com.aegis.activities.kis.rest;

import java.util.List;

/**
 * inquire-balance: every holding (all pages) and the account summary in KRW: deposit (예수금총금액), D+2 cash
 * (가수도정산금액), securities value and total value.
 */
public record KisBalance(List<KisHolding> holdings, long deposit, long settlementCashD2, long securitiesValue,
                         long totalValue) {

    public KisBalance {
        holdings = List.copyOf(holdings);
    }
}
