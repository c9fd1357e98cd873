package com.aegis.marketsim.exchange;

/** All open orders at one price on one side, oldest first. */
final class PriceLevel {
    final long price;
    RestingOrder head;
    RestingOrder tail;
    long quantity;
    int count;

    PriceLevel(long price) {
        this.price = price;
    }

    void append(RestingOrder order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        quantity += order.leaves;
        count++;
    }

    void unlink(RestingOrder order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        quantity -= order.leaves;
        count--;
        order.prev = null;
        order.next = null;
        order.level = null;
    }

    boolean isEmpty() {
        return head == null;
    }
}
