package io.cityops.alerting.lifecycle;

/**
 * A Kafka record's value before decoding, with where it came from, so that a record that cannot be
 * decoded can be named in the log and in the side output.
 *
 * @param origin topic, partition and offset, e.g. {@code signals-0@42}
 * @param value the record's value; null for a tombstone
 */
public record RawRecord(String origin, byte[] value) {}
