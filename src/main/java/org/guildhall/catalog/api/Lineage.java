package org.guildhall.catalog.api;

import java.util.List;

/** What an asset's latest version declares it comes from, and which published assets declare they come from it. */
public record Lineage(List<LineageEdge> upstream, List<LineageEdge> downstream) {
}
