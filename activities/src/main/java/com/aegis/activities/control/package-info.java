/**
 * The trading control's activities (E2, I3, P3): {@link com.aegis.activities.control.ControlActivitiesImpl} writes the
 * mode audit trail, raises alerts and I3 incidents (PostgreSQL and {@code aegis.alerts.v1}), cancels the day's open
 * orders by signalling their order workflows, and starts the order workflow of an approved decision.
 */
package com.aegis.activities.control;
