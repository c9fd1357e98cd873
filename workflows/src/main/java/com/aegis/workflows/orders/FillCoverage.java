package com.aegis.workflows.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which shares of an order's fills are already applied, per broker order number, so the notice path and the inquiry
 * path never count the same shares twice. Shares are positions {@code [0, cumulative)} in the number's fill
 * sequence: a notice covers {@code [cumulative - quantity, cumulative)}, an inquiry the whole prefix
 * {@code [0, cumulative)} with its total value. Only the uncovered part of either becomes fills, and a fill made for
 * an inquiry's gap keeps the value exact to the won by pricing its shares at the gap's average and one won above it.
 *
 * <p>The trade IDs it gives fills are scoped by the order ({@code <scope>/<order no>-c<cumulative>}): a broker's
 * order numbers repeat from day to day, the order's ID does not.
 *
 * <p>Plain state of the order workflow: deterministic, no I/O.
 */
final class FillCoverage {

    private final String scope;

    FillCoverage(String scope) {
        this.scope = java.util.Objects.requireNonNull(scope, "scope");
    }

    /** A fill to apply: {@code quantity} shares at {@code price}, named by the cumulative point it ends at. */
    record Slice(String tradeId, long price, long quantity) {
    }

    private record Segment(long start, long end, long amount) {
        long quantity() {
            return end - start;
        }
    }

    private final Map<String, List<Segment>> byOrderNumber = new LinkedHashMap<>();

    /** The part of a notice not applied yet (at most one slice: the notice's own range minus what is covered). */
    List<Slice> notice(FillNotice notice) {
        List<Segment> segments = segments(notice.brokerOrderId());
        long start = notice.cumulativeQuantity() - notice.quantity();
        List<long[]> gaps = gaps(segments, start, notice.cumulativeQuantity());
        List<Slice> slices = new ArrayList<>();
        for (long[] gap : gaps) {
            long quantity = gap[1] - gap[0];
            segments.add(new Segment(gap[0], gap[1], quantity * notice.price()));
            slices.add(new Slice(tradeId(notice.brokerOrderId(), gap[1]), notice.price(), quantity));
        }
        segments.sort(Comparator.comparingLong(Segment::start));
        return slices;
    }

    /**
     * The fills an inquiry adds: {@code cumulative} shares worth {@code amount} KRW under the number, minus what the
     * notices and earlier inquiries covered. Empty when nothing is new; an amount that cannot be right (the new shares
     * would be worth nothing or less) is refused.
     */
    List<Slice> inquiry(String brokerOrderId, long cumulative, long amount) {
        List<Segment> segments = segments(brokerOrderId);
        List<long[]> gaps = gaps(segments, 0, cumulative);
        long fresh = gaps.stream().mapToLong(g -> g[1] - g[0]).sum();
        if (fresh == 0) {
            return List.of();
        }
        long coveredAmount = segments.stream().filter(s -> s.end() <= cumulative).mapToLong(Segment::amount).sum();
        long freshAmount = amount - coveredAmount;
        if (freshAmount < fresh) {
            throw new IllegalArgumentException("the broker lists " + cumulative + " shares worth " + amount
                    + " KRW under " + brokerOrderId + ", which leaves " + freshAmount + " KRW for " + fresh
                    + " shares not seen in notices");
        }
        long average = freshAmount / fresh;
        long oneAbove = freshAmount - average * fresh;
        List<Slice> slices = new ArrayList<>();
        // The shares priced one won above the average are the last ones, so walk the gaps from the end.
        for (int i = gaps.size() - 1; i >= 0; i--) {
            long start = gaps.get(i)[0];
            long end = gaps.get(i)[1];
            long high = Math.min(oneAbove, end - start);
            oneAbove -= high;
            if (high > 0) {
                slices.add(0, new Slice(tradeId(brokerOrderId, end), average + 1, high));
            }
            if (end - high > start) {
                slices.add(0, new Slice(tradeId(brokerOrderId, end - high), average,
                        end - high - start));
            }
            segments.add(new Segment(start, end, (end - start) * average + high));
        }
        segments.sort(Comparator.comparingLong(Segment::start));
        return slices;
    }

    private String tradeId(String brokerOrderId, long cumulative) {
        return scope + "/" + FillNotice.tradeIdOf(brokerOrderId, cumulative);
    }

    /** Shares applied under the number. */
    long covered(String brokerOrderId) {
        return segments(brokerOrderId).stream().mapToLong(Segment::quantity).sum();
    }

    private List<Segment> segments(String brokerOrderId) {
        return byOrderNumber.computeIfAbsent(brokerOrderId, k -> new ArrayList<>());
    }

    /** The uncovered sub-ranges of {@code [from, to)}, in order; the segments are sorted and disjoint. */
    private static List<long[]> gaps(List<Segment> segments, long from, long to) {
        List<long[]> gaps = new ArrayList<>();
        long at = from;
        for (Segment s : segments) {
            if (s.end() <= at) {
                continue;
            }
            if (s.start() >= to) {
                break;
            }
            if (s.start() > at) {
                gaps.add(new long[] {at, s.start()});
            }
            at = Math.max(at, s.end());
        }
        if (at < to) {
            gaps.add(new long[] {at, to});
        }
        return gaps;
    }
}
