-- A deleted account's sent activities are erased, with its keys, once nothing of it is
-- pending; this finds its deliveries. Accounts whose keys were erased before that rule
-- existed are erased here the same way. Building the index blocks writes to the outbox for
-- as long as it takes (seconds for millions of rows): deliveries wait meanwhile.
CREATE INDEX delivery_account ON federation.delivery (account_id);
UPDATE federation.delivery d SET activity_json = json_build_object('id', d.activity_id,
        'erased', 'the account was deleted')::text
    FROM federation.actor_key k
    WHERE k.owner_id = d.account_id AND k.erased_at IS NOT NULL AND d.state <> 'pending';
