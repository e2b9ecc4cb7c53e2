-- An asset the DAO took down: hidden from everyone but its owners and admins, kept with the reason and the
-- decision that took it down (nothing is deleted, so the decision can be reversed and audited).
ALTER TABLE catalog_asset ADD COLUMN taken_down_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE catalog_asset ADD COLUMN takedown_reason VARCHAR(1000);
ALTER TABLE catalog_asset ADD COLUMN takedown_decision VARCHAR(200);
