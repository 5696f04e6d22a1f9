package io.cityops.model.city;

/** The province a city model describes. */
public record Province(String id, String name, String nameAscii) {}
