package org.guildhall.catalog.api;

/**
 * A lineage link between two assets as a card declares it: {@code relation} is DATASET (trained on) or
 * BASE_MODEL (derived from). {@code exists} says whether the other asset is in the catalogue.
 */
public record LineageEdge(String relation, AssetRef from, AssetRef to, boolean exists) {
}
