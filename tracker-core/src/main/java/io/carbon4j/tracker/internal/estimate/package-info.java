/**
 * Estimates where nothing is measured, and the arithmetic of per-process scoping.
 *
 * <ul>
 *   <li>{@link io.carbon4j.tracker.internal.estimate.CpuModelProvider} ({@code cpu-model}, priority -100): CPU power
 *       from the bundled TDP table and the machine's CPU load.</li>
 *   <li>{@link io.carbon4j.tracker.internal.estimate.RamModelProvider} ({@code ram-model}, priority -100): RAM power
 *       per GiB of installed memory.</li>
 *   <li>{@link io.carbon4j.tracker.internal.estimate.ForcedPowerProvider} ({@code forced-power}, priority 1000):
 *       {@code carbon4j.cpu.power} and {@code carbon4j.ram.power}, which win over any measurement.</li>
 *   <li>{@link io.carbon4j.tracker.internal.estimate.ProcessAttributor}: the process's share of CPU and RAM energy
 *       in process tracking mode, by share of capacity or share of busy time.</li>
 * </ul>
 *
 * <p>Machine readers sit behind small interfaces ({@code MachineCpuReader}, {@code ProcessCpuClock},
 * {@code MemoryReader}) so that tests drive them with fakes. On Linux they read {@code /proc} directly; elsewhere
 * they use OSHI, loaded only when first needed. docs/estimates.md and docs/attribution.md give the models and the
 * sources of every constant.
 */
package io.carbon4j.tracker.internal.estimate;
