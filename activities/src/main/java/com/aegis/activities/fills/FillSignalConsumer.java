package com.aegis.activities.fills;

import com.aegis.workflows.orders.FillNotice;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code broker.fills.v1} to the order workflows: each {@link FillNoticeRecord} is looked up in the broker
 * ledger by (trade date, order number) and signalled as {@code fill} to that workflow (the workflow ignores a trade ID
 * it has applied, so delivery is at-least-once).
 *
 * <p>A record whose order number is not in the ledger yet (the notice can overtake the submit's bookkeeping) waits
 * and is tried again with backoff, while later records of other orders keep flowing (those of the same order number
 * wait behind it, so one order's executions are signalled in order); after {@link FillRouterSettings#grace} it is
 * quarantined. A record that does not parse, or whose workflow is closed or missing, is quarantined at once. Ledger,
 * Temporal or quarantine failures are retried with backoff without a deadline, so nothing is committed past a record
 * that has not been handled. Per partition, offsets are committed only up to the first record not yet handled.
 *
 * <p>One thread polls, handles and commits; {@link #start} starts it, {@link #close} stops it after committing what
 * is handled.
 */
public final class FillSignalConsumer implements AutoCloseable {

    /** The signal of {@code OrderLifecycleWorkflow} that carries a {@link FillNotice}. */
    public static final String FILL_SIGNAL = "fill";
    /** Micrometer counter of records by outcome (signalled, quarantined). */
    public static final String RECORDS_METER = "aegis.fills.router.records";
    /** Micrometer gauge of records waiting for their order number or for a retry. */
    public static final String PENDING_METER = "aegis.fills.router.pending";

    private static final Logger log = LoggerFactory.getLogger(FillSignalConsumer.class);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final FillRouterSettings settings;
    private final WorkflowIdLookup lookup;
    private final WorkflowClient workflows;
    private final FillQuarantine quarantine;
    private final Clock clock;
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Consumer<String, byte[]>> current = new AtomicReference<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private Thread thread;

    /** Consumer-thread state: per assigned partition, the records polled and not yet committed, in offset order. */
    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
    private final Set<TopicPartition> paused = new HashSet<>();

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong signalled = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    /**
     * @param consumers makes the Kafka consumer (in {@link FillRouterSettings#groupId}, auto-commit off); asked again
     *                  after the consumer fails
     * @param registry  where the counters are exported; null for none
     */
    public FillSignalConsumer(Supplier<Consumer<String, byte[]>> consumers, FillRouterSettings settings,
                              WorkflowIdLookup lookup, WorkflowClient workflows, FillQuarantine quarantine,
                              Clock clock, MeterRegistry registry) {
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.workflows = Objects.requireNonNull(workflows, "workflows");
        this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = registry;
        if (registry != null) {
            meters.add(FunctionCounter.builder(RECORDS_METER, signalled, AtomicLong::get).tag("outcome", "signalled")
                    .description("fill records signalled to their order workflow").register(registry));
            meters.add(FunctionCounter.builder(RECORDS_METER, quarantined, AtomicLong::get)
                    .tag("outcome", "quarantined").description("fill records quarantined").register(registry));
            meters.add(Gauge.builder(PENDING_METER, pending, AtomicLong::get)
                    .description("fill records waiting for their order or a retry").register(registry));
        }
    }

    /** Kafka consumers for {@code settings}: its group, no auto-commit, from the earliest offset of a new group. */
    public static Supplier<Consumer<String, byte[]>> kafkaConsumers(String bootstrapServers, String clientId,
                                                                    FillRouterSettings settings) {
        AtomicLong n = new AtomicLong();
        return () -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + n.incrementAndGet(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Starts the consumer thread. */
    public synchronized void start() {
        if (stopRequested.getCount() == 0) {
            throw new IllegalStateException("this fill consumer is closed; create a new one");
        }
        if (!running.compareAndSet(false, true)) {
            return;
        }
        thread = new Thread(this::run, "fill-signal-consumer");
        thread.setDaemon(true);
        thread.start();
        log.info("fill router consuming {} in group {}", settings.topic(), settings.groupId());
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Stops polling, commits what is handled and closes the Kafka consumer; waits up to 10 s. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running.set(false);
            stopRequested.countDown();
            t = thread;
        }
        Consumer<String, byte[]> c = current.get();
        if (c != null) {
            c.wakeup();
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (registry != null) {
            meters.forEach(registry::remove);
        }
    }

    // ------------------------------------------------------------------ consumer thread

    private void run() {
        int failures = 0;
        while (running.get()) {
            Consumer<String, byte[]> consumer = null;
            try {
                consumer = consumers.get();
                current.set(consumer);
                if (!running.get()) {
                    break;
                }
                consume(consumer);
                failures = 0;
            } catch (WakeupException e) {
                if (running.get()) {
                    log.warn("fill consumer woken up unexpectedly; continuing");
                }
            } catch (RuntimeException e) {
                failures++;
                Duration wait = settings.retryDelay(failures);
                log.error("fill consumer failed; records not yet committed will be read again; restarting in {} ms",
                        wait.toMillis(), e);
                closeQuietly(consumer, false);
                consumer = null;
                awaitStop(wait);
            } finally {
                if (consumer != null) {
                    closeQuietly(consumer, true);
                }
                current.set(null);
            }
        }
    }

    private void consume(Consumer<String, byte[]> consumer) {
        consumer.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                try {
                    commitHandled(consumer, revoked);
                } catch (RuntimeException e) {
                    log.warn("could not commit fill records of revoked partitions {}: {}", revoked, e.toString());
                }
                forget(revoked);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
                forget(lost);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                log.info("fill router assigned {}", assigned);
            }
        });
        while (running.get()) {
            ConsumerRecords<String, byte[]> batch = consumer.poll(nextPollTimeout());
            Instant now = clock.instant();
            for (ConsumerRecord<String, byte[]> record : batch) {
                received.incrementAndGet();
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                PartitionState state = partitions.computeIfAbsent(tp, k -> new PartitionState());
                Entry entry = new Entry(record, now, state);
                state.entries.addLast(entry);
                state.nextOffset = record.offset() + 1;
                attempt(entry, now);
            }
            retryDue(clock.instant());
            commitHandled(consumer, partitions.keySet());
            applyBackpressure(consumer);
            pending.set(countPending());
        }
    }

    private Duration nextPollTimeout() {
        Instant next = null;
        for (PartitionState state : partitions.values()) {
            for (Entry e : state.entries) {
                if (!e.done && (next == null || e.nextAttempt.isBefore(next))) {
                    next = e.nextAttempt;
                }
            }
        }
        if (next == null) {
            return settings.pollTimeout();
        }
        Duration untilNext = Duration.between(clock.instant(), next);
        if (untilNext.isNegative()) {
            return Duration.ZERO;
        }
        return untilNext.compareTo(settings.pollTimeout()) < 0 ? untilNext : settings.pollTimeout();
    }

    private void retryDue(Instant now) {
        for (PartitionState state : partitions.values()) {
            for (Entry e : state.entries) {
                if (!e.done && !e.nextAttempt.isAfter(now)) {
                    retries.incrementAndGet();
                    attempt(e, now);
                }
            }
        }
    }

    /** One try at {@code entry}: done (signalled or quarantined) or scheduled again. */
    private void attempt(Entry entry, Instant now) {
        entry.attempts++;
        ConsumerRecord<String, byte[]> record = entry.record;
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            if (entry.fill == null) {
                try {
                    entry.fill = FillNoticeRecord.fromJson(record.value());
                } catch (MalformedFillRecordException e) {
                    quarantineAndFinish(entry, record.key(), "malformed fill record at " + where + ": "
                            + e.getMessage());
                    return;
                }
            }
            FillNoticeRecord fill = entry.fill;
            Entry earlier = earlierWaiting(entry);
            if (earlier != null) {
                // One order number's executions are signalled in the order they were published.
                entry.attempts--;
                entry.nextAttempt = earlier.nextAttempt;
                return;
            }
            Optional<String> workflowId = lookup.workflowIdOf(fill.tradeDate(), fill.brokerOrderNo());
            if (workflowId.isEmpty()) {
                if (!now.isBefore(entry.firstSeen.plus(settings.grace()))) {
                    quarantineAndFinish(entry, fill.brokerOrderNo(), "no order known for broker order number "
                            + fill.brokerOrderNo() + " on " + fill.tradeDate());
                } else {
                    Instant next = now.plus(settings.retryDelay(entry.attempts));
                    Instant deadline = entry.firstSeen.plus(settings.grace());
                    entry.nextAttempt = next.isAfter(deadline) ? deadline : next;
                }
                return;
            }
            FillNotice notice = fill.toFillNotice();
            try {
                workflows.newUntypedWorkflowStub(workflowId.get(), Optional.empty(), Optional.empty())
                        .signal(FILL_SIGNAL, notice);
            } catch (WorkflowNotFoundException e) {
                quarantineAndFinish(entry, fill.brokerOrderNo(), "workflow " + workflowId.get() + " of broker order"
                        + " number " + fill.brokerOrderNo() + " on " + fill.tradeDate() + " is closed or missing: "
                        + e.getMessage());
                return;
            }
            signalled.incrementAndGet();
            entry.done = true;
            log.debug("fill {} signalled to {}", fill.tradeId(), workflowId.get());
        } catch (RuntimeException e) {
            Duration wait = settings.retryDelay(entry.attempts);
            entry.nextAttempt = now.plus(wait);
            log.warn("fill record at {} not routed ({}); trying again in {} ms", where, e.toString(),
                    wait.toMillis());
        }
    }

    /** The first earlier record of the same partition and order number that is still waiting, if any. */
    private static Entry earlierWaiting(Entry entry) {
        for (Entry e : entry.partition.entries) {
            if (e == entry) {
                return null;
            }
            if (!e.done && e.fill != null && e.fill.brokerOrderNo().equals(entry.fill.brokerOrderNo())) {
                return e;
            }
        }
        return null;
    }

    /** Quarantines the record as received; a failing quarantine write propagates, so the record is retried. */
    private void quarantineAndFinish(Entry entry, String brokerOrderNo, String reason) {
        byte[] value = entry.record.value();
        String payload = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        quarantine.put(brokerOrderNo, reason, payload);
        quarantined.incrementAndGet();
        entry.done = true;
        log.warn("fill record quarantined: {}", reason);
    }

    private void commitHandled(Consumer<String, byte[]> consumer, Collection<TopicPartition> which) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : which) {
            PartitionState state = partitions.get(tp);
            if (state == null) {
                continue;
            }
            while (!state.entries.isEmpty() && state.entries.peekFirst().done) {
                state.entries.removeFirst();
            }
            long committable = state.entries.isEmpty() ? state.nextOffset : state.entries.peekFirst().record.offset();
            if (committable > state.committed) {
                offsets.put(tp, new OffsetAndMetadata(committable));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RetriableException e) {
            // A rebalance or a passing broker problem: the records stay uncommitted and are read again if need be.
            log.warn("committing fill records {} failed: {}", offsets, e.toString());
            return;
        }
        offsets.forEach((tp, offset) -> partitions.get(tp).committed = offset.offset());
        commits.incrementAndGet();
    }

    /** Pauses a partition holding too many waiting records, resumes it once it has drained below half. */
    private void applyBackpressure(Consumer<String, byte[]> consumer) {
        List<TopicPartition> toPause = new ArrayList<>();
        List<TopicPartition> toResume = new ArrayList<>();
        partitions.forEach((tp, state) -> {
            int size = state.entries.size();
            if (size >= settings.maxPendingPerPartition() && !paused.contains(tp)) {
                toPause.add(tp);
            } else if (size < settings.maxPendingPerPartition() / 2 + 1 && paused.contains(tp)) {
                toResume.add(tp);
            }
        });
        if (!toPause.isEmpty()) {
            consumer.pause(toPause);
            paused.addAll(toPause);
            log.warn("fill router paused {}: {} or more records waiting", toPause,
                    settings.maxPendingPerPartition());
        }
        if (!toResume.isEmpty()) {
            consumer.resume(toResume);
            toResume.forEach(paused::remove);
        }
    }

    private void forget(Collection<TopicPartition> gone) {
        for (TopicPartition tp : gone) {
            partitions.remove(tp);
            paused.remove(tp);
        }
        pending.set(countPending());
    }

    private long countPending() {
        long n = 0;
        for (PartitionState state : partitions.values()) {
            for (Entry e : state.entries) {
                if (!e.done) {
                    n++;
                }
            }
        }
        return n;
    }

    private void closeQuietly(Consumer<String, byte[]> consumer, boolean commitFirst) {
        if (consumer == null) {
            return;
        }
        try {
            if (commitFirst) {
                commitHandled(consumer, partitions.keySet());
            }
        } catch (RuntimeException e) {
            log.warn("could not commit handled fill records on stop: {}", e.toString());
        }
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("closing the fill consumer failed: {}", e.toString());
        }
        partitions.clear();
        paused.clear();
        pending.set(0);
    }

    private void awaitStop(Duration wait) {
        try {
            stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    // ------------------------------------------------------------------ counters

    /** Records polled (a redelivered record counts again). */
    public long received() {
        return received.get();
    }

    /** Records signalled to their workflow. */
    public long signalled() {
        return signalled.get();
    }

    /** Records quarantined (malformed, unknown order after the grace, closed or missing workflow). */
    public long quarantined() {
        return quarantined.get();
    }

    /** Records polled and not yet handled: waiting for their order number or for a retry. */
    public long pending() {
        return pending.get();
    }

    /** Attempts after the first. */
    public long retries() {
        return retries.get();
    }

    /** Offset commits made. */
    public long commits() {
        return commits.get();
    }

    private static final class PartitionState {
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        long nextOffset;
        long committed = -1;
    }

    private static final class Entry {
        final ConsumerRecord<String, byte[]> record;
        final Instant firstSeen;
        Instant nextAttempt;
        FillNoticeRecord fill;
        int attempts;
        boolean done;

        final PartitionState partition;

        Entry(ConsumerRecord<String, byte[]> record, Instant firstSeen, PartitionState partition) {
            this.record = record;
            this.partition = partition;
            this.firstSeen = firstSeen;
            this.nextAttempt = firstSeen;
        }
    }
}
