/**
 * The engine: configuration resolution, source selection, the sampler and result building. Not exported; nothing
 * here is API.
 */
package io.carbon4j.tracker.internal;
