package org.guildhall.governance.api;

/** What a draft would change, in words, and its description as the proposal page will show it. */
public record ProposalPreview(String change, String descriptionHtml) {
}
