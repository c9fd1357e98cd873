package com.aegis.cli;

import com.aegis.core.krx.KrxCalendar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code aegis calendar YEAR}: every weekday on which KRX is closed, one per line as {@code YYYY-MM-DD<TAB>name}. */
@Command(name = "calendar", description = "Print every weekday on which KRX is closed in YEAR (YYYY-MM-DD<TAB>name).")
public class CalendarCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "YEAR", description = "A year the calendar covers (2015-2027).")
    int year;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(KrxCalendar.weekdayClosuresReport(year));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
