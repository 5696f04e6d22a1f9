package io.cityops.jobs.detection.forest;

/**
 * What the Nesterov index takes from one day of a zone.
 *
 * @param rainMm the day's rain (mean over the zone's stations)
 * @param t13 air temperature at 13:00 (°C), NaN when nobody observed it
 * @param d13 dryness at 13:00: saturation deficit (hPa, VN) or dew-point depression (°C, RU)
 * @param stations how many stations contributed a 13:00 observation
 */
public record DayWeather(double rainMm, double t13, double d13, int stations) {}
