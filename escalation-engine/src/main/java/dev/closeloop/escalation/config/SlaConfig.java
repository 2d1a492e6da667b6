package dev.closeloop.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How overdue levels are found. The deadlines themselves come from each tenant's routing rules. */
@ConfigMapping(prefix = "closeloop.sla")
public interface SlaConfig {

    /**
     * How often the database is asked for overdue levels; a level is re-escalated at most this long
     * after its deadline (plus any downtime). "off" disables the check (tests call it themselves).
     */
    @WithDefault("5s")
    String checkEvery();

    /** How many overdue escalations one transaction handles. */
    @WithDefault("50")
    int batchSize();
}
