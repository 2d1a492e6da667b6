-- escalation-engine: each tenant's directory (sites, managers, teams, routing), administered through the API.

-- One validated document per tenant; version is its ETag, bumped by every change, so that two admins editing
-- at once cannot overwrite each other unknowingly.
CREATE TABLE tenant_directory (
    tenant     varchar(100) PRIMARY KEY,
    version    bigint       NOT NULL,
    document   text         NOT NULL,  -- JSON of TenantDirectory
    changed_at timestamptz  NOT NULL,
    changed_by varchar(320) NOT NULL
);

-- Every version ever stored, for "who changed the routing, and when".
CREATE TABLE tenant_directory_revision (
    tenant     varchar(100) NOT NULL,
    version    bigint       NOT NULL,
    document   text         NOT NULL,
    changed_at timestamptz  NOT NULL,
    changed_by varchar(320) NOT NULL,
    PRIMARY KEY (tenant, version)
);
