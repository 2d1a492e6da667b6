package dev.closeloop.escalation.directory;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One tenant's directory as administered and stored: sites, managers, teams and routing. It is
 * kept and versioned as one document because it is read as a whole for every survey and must be
 * consistent as a whole (a team names a site, a rule names managers); {@link DirectoryValidator}
 * checks every such reference before a version is stored.
 *
 * @param id   the tenant id, as the intake's API keys name it
 * @param name the company's display name
 */
@JsonPropertyOrder({ "id", "name", "sites", "managers", "teams", "routing" })
public record TenantDirectory(String id, String name, List<Site> sites, List<Manager> managers, List<Team> teams,
        RoutingPolicy routing) {

    public TenantDirectory {
        sites = sites == null ? List.of() : List.copyOf(sites);
        managers = managers == null ? List.of() : List.copyOf(managers);
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    public Optional<Site> site(String siteId) {
        return sites.stream().filter(s -> s.id() != null && s.id().equals(siteId)).findFirst();
    }

    public Optional<Manager> manager(String managerId) {
        return managers.stream().filter(m -> m.id() != null && m.id().equals(managerId)).findFirst();
    }

    public Optional<Team> team(String teamId) {
        return teams.stream().filter(t -> t.id() != null && t.id().equals(teamId)).findFirst();
    }

    /**
     * The site whose business hours a manager works by: their own {@code site}, else the site of
     * the first team they manage.
     */
    public Optional<Site> siteOf(Manager manager) {
        if (manager.site() != null) {
            return site(manager.site());
        }
        return teams.stream().filter(t -> t.managers().contains(manager.id()) && t.site() != null).findFirst()
                .flatMap(t -> site(t.site()));
    }

    /** The same directory with a different id and name; what an import under another tenant stores. */
    public TenantDirectory withId(String tenantId) {
        return new TenantDirectory(tenantId, name, sites, managers, teams, routing);
    }
}
