/**
 * The collectors' data-quality trail in PostgreSQL (V3): which source each fetch used ({@code source_fetch}) and
 * every value validation rejected, replaced or flagged ({@code data_quality_record}), written in batches by
 * {@link com.aegis.activities.quality.DataQualityRepository}, which also answers the M1 health figures: collection
 * success rate and freshness per source over a time window.
 */
package com.aegis.activities.quality;
