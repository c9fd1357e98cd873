package com.aegis.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = AegisCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void printsEveryWeekdayClosureOfTheYearAsDateTabName() {
        Run run = run("calendar", "2024");

        assertThat(run.exit()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines).allMatch(line -> line.matches("2024-\\d{2}-\\d{2}\t.+"));
        assertThat(run.out())
                .contains("2024-02-09\t").contains("2024-02-12\t")   // Lunar New Year and its substitute
                .contains("2024-04-10\t")                           // general election
                .contains("2024-09-16\t").contains("2024-09-17\t").contains("2024-09-18\t") // Chuseok
                .contains("2024-10-01\t")                           // Armed Forces Day (temporary holiday)
                .contains("2024-12-31\t");                          // year-end closing day
        assertThat(run.out()).doesNotContain("2024-02-10"); // a Saturday is not listed
    }

    @Test
    void aYearOutsideTheCalendarIsAClearError() {
        Run run = run("calendar", "1999");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("aegis: ").contains("1999").contains("2015");
    }

    @Test
    void unknownWorkflowArgumentsAreRejectedWithTheirShape() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> RunCommand.parseArguments(java.util.List.of("note"))))
                .isInstanceOf(CliException.class).hasMessageContaining("key=value");
    }
}
