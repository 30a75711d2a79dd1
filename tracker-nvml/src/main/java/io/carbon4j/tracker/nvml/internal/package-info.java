/**
 * The NVML power source: a one-to-one JNA binding of the few {@code libnvidia-ml} functions it needs
 * ({@link io.carbon4j.tracker.nvml.internal.NvmlLibrary}), the session that pairs one {@code nvmlInit_v2} with one
 * {@code nvmlShutdown} ({@link io.carbon4j.tracker.nvml.internal.Nvml}), the {@code CUDA_VISIBLE_DEVICES} rules
 * ({@link io.carbon4j.tracker.nvml.internal.VisibleDevices}) and the source itself. Not exported: only the provider
 * is reachable, through {@link java.util.ServiceLoader}.
 */
package io.carbon4j.tracker.nvml.internal;
