-- What the order workflows know about an order and its end that V5 had no column for.

-- The key the broker submit was made under (<workflow id>-<seq>): a retried submit finds its order by it.
-- The market decides the transaction tax; the decision price is what slippage is measured against.
alter table orders
    add column broker_order_key text unique check (broker_order_key <> ''),
    add column market           text check (market in ('KOSPI', 'KOSDAQ', 'KONEX')),
    add column decision_price   bigint check (decision_price > 0);

-- Why a cancelled or expired order ended (operator cancel, 30 s partial cancel, stale signal, session closing),
-- the cash the order moved net of costs (negative for a buy), and slippage in whole KRW.
alter table execution_report
    add column close_reason text,
    add column net_cash     bigint,
    add column slippage_krw bigint;
