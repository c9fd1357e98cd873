package com.aegis.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.execution.AccountId;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CashLedgerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final Instant AT = Instant.parse("2026-03-04T01:00:00Z");

    @Test
    void entriesKeepARunningBalance() {
        CashLedger ledger = new CashLedger(AccountId.of("acc"));
        ledger.post(CashEntryType.DEPOSIT, 10_000_000, "transfer-1", DAY, AT);
        ledger.post(CashEntryType.BUY, -7_000_000, "t1", DAY, AT);
        ledger.post(CashEntryType.COMMISSION, -1_050, "t1", DAY, AT);

        assertThat(ledger.balance()).isEqualTo(2_998_950);
        assertThat(ledger.entries()).extracting(CashEntry::balanceAfter)
                .containsExactly(10_000_000L, 3_000_000L, 2_998_950L);
        assertThat(ledger.entries()).extracting(CashEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(ledger.total(CashEntryType.COMMISSION)).isEqualTo(-1_050);
    }

    @Test
    void theSameReferenceTwiceIsIgnored() {
        CashLedger ledger = new CashLedger(AccountId.of("acc"));
        assertThat(ledger.post(CashEntryType.DEPOSIT, 1_000, "transfer-1", DAY, AT)).isEqualTo(PostingOutcome.POSTED);
        assertThat(ledger.post(CashEntryType.DEPOSIT, 1_000, "transfer-1", DAY, AT))
                .isEqualTo(PostingOutcome.DUPLICATE_IGNORED);
        assertThat(ledger.balance()).isEqualTo(1_000);
        assertThat(ledger.entries()).hasSize(1);
    }

    @Test
    void oneReferenceMayCarryOneEntryOfEachType() {
        CashLedger ledger = new CashLedger(AccountId.of("acc"));
        ledger.post(CashEntryType.SELL, 7_000_000, "t9", DAY, AT);
        ledger.post(CashEntryType.COMMISSION, -1_050, "t9", DAY, AT);
        ledger.post(CashEntryType.TAX, -14_000, "t9", DAY, AT);
        assertThat(ledger.balance()).isEqualTo(6_984_950);
    }

    @Test
    void theSameReferenceWithAnotherAmountIsAConflict() {
        CashLedger ledger = new CashLedger(AccountId.of("acc"));
        ledger.post(CashEntryType.COMMISSION, -1_050, "t1", DAY, AT);
        assertThatThrownBy(() -> ledger.post(CashEntryType.COMMISSION, -1_051, "t1", DAY, AT))
                .isInstanceOf(ConflictingLedgerEntryException.class)
                .hasMessageContaining("-1050").hasMessageContaining("-1051");
        assertThat(ledger.balance()).isEqualTo(-1_050);
    }

    @Test
    void theSignMustMatchTheType() {
        CashLedger ledger = new CashLedger(AccountId.of("acc"));
        assertThatThrownBy(() -> ledger.post(CashEntryType.BUY, 100, "t1", DAY, AT))
                .hasMessageContaining("BUY entry must be negative");
        assertThatThrownBy(() -> ledger.post(CashEntryType.DEPOSIT, -100, "d1", DAY, AT))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> ledger.post(CashEntryType.ADJUSTMENT, 0, "a1", DAY, AT))
                .hasMessageContaining("non-zero");
        assertThatThrownBy(() -> ledger.post(CashEntryType.DEPOSIT, 100, " ", DAY, AT))
                .hasMessageContaining("needs a reference");
        ledger.post(CashEntryType.ADJUSTMENT, -5, "a1", DAY, AT);
        assertThat(ledger.balance()).isEqualTo(-5);
    }

    @Test
    void entryTypesMatchTheCashLedgerTable() {
        assertThat(java.util.Arrays.stream(CashEntryType.values()).map(Enum::name)).containsExactly("DEPOSIT",
                "WITHDRAWAL", "BUY", "SELL", "COMMISSION", "TAX", "DIVIDEND", "INTEREST", "ADJUSTMENT");
    }
}
