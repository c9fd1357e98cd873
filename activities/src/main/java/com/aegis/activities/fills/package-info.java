/**
 * The fill-notice path (E3): {@link com.aegis.activities.fills.FillNoticeBridge} turns the broker's H0STCNI0/H0STCNI9
 * execution notices into {@link com.aegis.activities.fills.FillNoticeRecord}s on Kafka {@code broker.fills.v1}, keyed
 * by order number, each named by its order number's cumulative filled quantity ({@code <order no>-c<cumulative>});
 * {@link com.aegis.activities.fills.FillSignalConsumer} routes each record through the broker ledger to its order's
 * workflow as a {@code fill} signal. Whatever cannot be routed is kept in {@code fill_notice_quarantine} with the
 * reason ({@link com.aegis.activities.fills.FillQuarantine}).
 */
package com.aegis.activities.fills;
