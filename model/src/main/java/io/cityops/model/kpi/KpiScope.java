package io.cityops.model.kpi;

/**
 * The area (or asset) a KPI is computed over. Transformers are a scope of their own because the
 * meters' KPI is defined per transformer.
 */
public enum KpiScope {
    PROVINCE,
    DISTRICT,
    ZONE,
    TRANSFORMER
}
