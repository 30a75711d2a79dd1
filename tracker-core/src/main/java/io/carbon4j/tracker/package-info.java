/**
 * The carbon4j API: {@link io.carbon4j.tracker.EmissionsTracker} measures the energy and carbon emissions of the
 * code it wraps, per run and per {@linkplain io.carbon4j.tracker.TaskScope task}, and returns an immutable
 * {@link io.carbon4j.tracker.EmissionsResult}.
 */
package io.carbon4j.tracker;
