package org.guildhall.market.api;

public enum AccessState {
    PENDING, APPROVED, REJECTED
}
