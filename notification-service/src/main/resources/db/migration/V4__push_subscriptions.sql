-- Browsers subscribed to push alerts, as the escalation-engine's console reports them (PushSubscriptionChanged).
-- One row per endpoint: the push service's URL is the browser's identity. A change older than changed_at is
-- ignored, so out-of-order messages cannot bring back an older state of a row that exists. An unsubscribed
-- browser's row is deleted; so is one the push service answers 404/410 for (it will never deliver again).
CREATE TABLE push_subscription (
  endpoint   varchar(2048) PRIMARY KEY,
  tenant     varchar(100)  NOT NULL,
  manager_id varchar(200)  NOT NULL,
  p256dh     varchar(100)  NOT NULL,  -- base64url, the browser's P-256 public key (65 bytes uncompressed)
  auth       varchar(50)   NOT NULL,  -- base64url, the browser's auth secret (16 bytes)
  changed_at timestamptz   NOT NULL,  -- occurredAt of the event that last set the row
  created_at timestamptz   NOT NULL
);
-- the worker pushes to every browser of (tenant, manager); the intake asks whether there is one
CREATE INDEX push_subscription_manager ON push_subscription (tenant, manager_id);
