package io.cityops.model.city;

import java.io.Serializable;

/** The province a city model describes. */
public record Province(String id, String name, String nameAscii) implements Serializable {}
