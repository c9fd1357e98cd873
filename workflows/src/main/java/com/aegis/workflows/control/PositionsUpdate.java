package com.aegis.workflows.control;

import java.time.Instant;
import java.util.List;

/**
 * The account's held positions at one moment (after fills), replacing the control's previous view. The control uses
 * it only to tell a risk-reducing order (a SELL of at most the held shares) from one that adds risk; the order
 * workflow's pre-trade check still verifies the shares available against open orders.
 *
 * @param holdings every stock held with a positive quantity
 * @param asOf     when the positions were taken; an update older than the last one applied is ignored
 */
public record PositionsUpdate(List<Holding> holdings, Instant asOf) {
}
