package org.guildhall.governance.api;

/** A platform parameter the DAO governs: its value now and the range a proposal may set it to. */
public record ParameterInfo(String name, long value, long min, long max, String unit, String description) {
}
