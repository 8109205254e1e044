/**
 * Small statistics shared by analytics and benchmarks: {@link io.footfall.stats.Percentiles}, the project's one
 * percentile rule (nearest rank, so every reported value was really observed). Depends on nothing else in Footfall.
 */
package io.footfall.stats;
