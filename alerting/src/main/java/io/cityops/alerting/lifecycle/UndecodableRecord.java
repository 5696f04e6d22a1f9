package io.cityops.alerting.lifecycle;

/**
 * A record on the signals topic that is not a valid signal, with the reason: the side output of
 * {@link SignalDecoder}.
 *
 * @param origin topic, partition and offset, e.g. {@code signals-0@42}
 */
public record UndecodableRecord(String origin, String reason, byte[] value) {}
