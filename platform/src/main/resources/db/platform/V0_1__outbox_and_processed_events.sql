-- The platform's own tables, created in every service's database before the service's migrations
-- (version 0.1 sorts before the services' V1). Each service lists this location beside its own:
--   quarkus.flyway.locations=db/migration,db/platform
-- The entity dev.closeloop.platform.outbox.OutboxMessage and the relay's SQL depend on these columns.

-- Events still to be published: written in the transaction of the change they announce, deleted by the
-- relay once the broker accepted them.
CREATE TABLE outbox (
    event_id      uuid PRIMARY KEY,
    address       varchar(200)  NOT NULL,
    tenant        varchar(100)  NOT NULL,
    aggregate_id  varchar(200)  NOT NULL,
    payload       text          NOT NULL,
    created_at    timestamptz   NOT NULL,
    claimed_until timestamptz,
    attempts      int           NOT NULL DEFAULT 0,
    last_error    varchar(1000)
);
CREATE INDEX outbox_created_at ON outbox (created_at);

-- Events a consumer has already applied, recorded in the same transaction as their effect, so a
-- redelivery is recognised and skipped (dev.closeloop.platform.inbox.ProcessedEvents).
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    consumer     varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL
);
