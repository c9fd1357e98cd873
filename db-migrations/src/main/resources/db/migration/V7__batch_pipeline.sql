-- Batch schedules and the scoring pipeline: one row per scheduled job and date, the screener's decisions, the quant
-- stage's output that the final stage blends, and the weekly rebalance targets.

-- One row per batch job and KST date. A job that already SUCCEEDED for a date is not run again unless forced;
-- a non-trading date is recorded as SKIPPED with the reason. stage_millis holds the wall time of each stage.
create table batch_run (
    job_name     text not null check (job_name ~ '^[A-Za-z][A-Za-z0-9]*$'),
    run_date     date not null,
    status       text not null check (status in ('RUNNING', 'SUCCEEDED', 'SKIPPED', 'FAILED', 'DEGRADED')),
    reason       text,
    workflow_id  text not null check (workflow_id <> ''),
    attempt      integer not null default 1 check (attempt >= 1),
    forced       boolean not null default false,
    stage_millis jsonb not null default '{}'::jsonb,
    summary      jsonb not null default '{}'::jsonb,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    primary key (job_name, run_date),
    constraint batch_run_reason_check check (status not in ('SKIPPED', 'FAILED', 'DEGRADED') or reason is not null),
    constraint batch_run_finished_check check ((status = 'RUNNING') = (finished_at is null))
);

create index batch_run_status_idx on batch_run (status, run_date desc);

comment on table batch_run is 'Scheduled batch jobs per KST date: status, skip or failure reason, per-stage wall times.';

-- The screener's verdict on every listed stock of a date (A1): passed, or why it was excluded.
create table screening_result (
    trade_date         date not null,
    symbol             char(6) not null references instrument (symbol),
    passed             boolean not null,
    -- The first rule failed (core ExclusionReason order); detail lists every rule failed with its figures.
    exclusion_reason   text check (exclusion_reason in (
                           'HALTED', 'ADMINISTRATIVE_DESIGNATION', 'INSUFFICIENT_TRADING_HISTORY',
                           'LOW_TRADED_VALUE', 'SMALL_MARKET_CAP', 'BELOW_LIQUIDITY_RANK')),
    detail             text,
    avg_traded_value   bigint,
    market_cap         bigint,
    primary key (trade_date, symbol),
    constraint screening_result_reason_check check (passed = (exclusion_reason is null))
);

create index screening_result_passed_idx on screening_result (trade_date) where passed;

-- The quant stage's output per stock (A2), kept so the final stage and an operator's "explain" can rebuild the
-- quant score exactly: category scores, category and factor weights, and every factor's exposure
-- (raw, winsorised, z-score, imputed, standardised against market or sector).
create table quant_score_daily (
    trade_date      date not null,
    symbol          char(6) not null references instrument (symbol),
    regime          text not null check (regime in ('BULL', 'BEAR', 'SIDEWAYS', 'HIGH_VOLATILITY')),
    quant_score     double precision not null,
    imputed_factors smallint not null check (imputed_factors between 0 and 12),
    detail          jsonb not null,
    computed_at     timestamptz not null default now(),
    primary key (trade_date, symbol)
);

-- Target weights of the weekly rebalance: the strongest BUY recommendations of the latest scores, each capped by the
-- per-position limit. Orders for them are placed by the execution workflows.
create table rebalance_target (
    plan_date     date not null,
    symbol        char(6) not null references instrument (symbol),
    scores_date   date not null,
    final_score   double precision not null check (final_score between 0 and 100),
    target_weight double precision not null check (target_weight > 0 and target_weight <= 1),
    created_at    timestamptz not null default now(),
    primary key (plan_date, symbol)
);
