package io.cityops.model.city;

import java.io.Serializable;

/**
 * A district-level unit of the province (the level forest-protection units, power branches and
 * disaster bulletins still use). Its boundary lives in the province's GeoJSON file.
 *
 * @param id the GSO code, e.g. {@code 107} for Mường Tè
 */
public record District(String id, String name, String nameAscii, GeoPoint centre)
        implements Serializable {}
