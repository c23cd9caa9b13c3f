-- Where an account moved to: its actor keeps being served and names the new one (movedTo).
ALTER TABLE directory.account ADD COLUMN moved_to TEXT, ADD COLUMN moved_at TIMESTAMPTZ;
