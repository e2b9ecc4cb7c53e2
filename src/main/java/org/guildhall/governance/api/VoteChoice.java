package org.guildhall.governance.api;

public enum VoteChoice {
    FOR, AGAINST, ABSTAIN
}
