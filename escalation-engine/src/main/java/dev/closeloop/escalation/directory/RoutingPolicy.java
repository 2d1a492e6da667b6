package dev.closeloop.escalation.directory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How a tenant's escalations find their recipients.
 *
 * @param fallback the manager told when no rule matches, so that no escalation is dropped for want of
 *                 a recipient
 * @param rules    tried in order; the first whose match fits an escalation routes it
 */
@JsonPropertyOrder({ "fallback", "rules" })
public record RoutingPolicy(String fallback, List<RoutingRule> rules) {

    public RoutingPolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
