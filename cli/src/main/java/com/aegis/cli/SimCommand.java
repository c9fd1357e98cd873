package com.aegis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code aegis sim ...}: the simulated exchange and providers of a local AEGIS. */
@Command(name = "sim", description = "The simulated KRX exchange and provider services (local profile).",
        subcommands = {SimCommand.Services.class, SimCommand.Fault.class})
public class SimCommand {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code aegis sim services}: each simulated service, its base URL and fault mode. */
    @Command(name = "services", description = "List the simulated services with their base URLs and fault modes.")
    static class Services implements Callable<Integer> {
        @Override
        public Integer call() {
            print(send(HttpRequest.newBuilder(uri("/sim/services")).GET()), System.out);
            return 0;
        }
    }

    /** {@code aegis sim fault <service> <mode>}: switch a simulated service to a failure mode, or back to normal. */
    @Command(name = "fault", description = "Switch a simulated service (kis, kis-ws, krx, dart, yahoo or all) to a fault "
            + "mode: normal, errors, malformed, stale, slow or outage.")
    static class Fault implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;

        @Parameters(index = "1", paramLabel = "MODE")
        String mode;

        @Option(names = "--rate", defaultValue = "0.05", description = "Share of requests affected for errors/malformed/stale (default ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--amount", defaultValue = "3", description = "Milliseconds of delay for slow, minutes of simulated time for outage (default ${DEFAULT-VALUE}).")
        long amount;

        @Override
        public Integer call() {
            String query = "service=" + enc(service) + "&mode=" + enc(mode) + "&rate=" + rate + "&amount=" + amount;
            print(send(HttpRequest.newBuilder(uri("/sim/faults?" + query)).POST(HttpRequest.BodyPublishers.noBody())),
                    System.out);
            return 0;
        }
    }

    static void print(JsonNode services, PrintStream out) {
        Table table = new Table("SERVICE", "BASE URL", "STANDS FOR", "FAULTS", "REQUESTS");
        for (JsonNode s : services) {
            String detail = s.path("faultDetail").asText();
            table.row(s.path("name").asText(), s.path("baseUrl").asText(), s.path("standsFor").asText(),
                    s.path("faultMode").asText() + (detail.isEmpty() ? "" : " (" + detail + ")"),
                    String.format("%,d", s.path("requestsServed").asLong()));
        }
        table.print(out, "");
    }

    private static URI uri(String path) {
        return URI.create(CliSettings.fromEnvironment().workersUrl() + path);
    }

    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() == 400) {
                throw new CliException(body.path("error").asText("bad request"));
            }
            if (response.statusCode() == 404) {
                throw new CliException("The workers at " + CliSettings.fromEnvironment().workersUrl()
                        + " run no simulator (profile prod, or aegis.sim.enabled=false).");
            }
            if (response.statusCode() != 200) {
                throw new CliException("The workers answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return body;
        } catch (IOException e) {
            throw new CliException("The workers are not reachable at " + CliSettings.fromEnvironment().workersUrl()
                    + " (" + e.getMessage() + "). Start AEGIS with './aegis up', or set AEGIS_WORKERS_URL.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while talking to the workers", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
