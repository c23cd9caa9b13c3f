-- A server can hold a post Weft never sent it (its people liked, reposted or replied to
-- it): such a copy row says how the server came to hold it, and whose act showed it, so
-- the Delete can be addressed there even once that engagement is undone.
ALTER TABLE sharing_status.copy ADD COLUMN held_via TEXT;
ALTER TABLE sharing_status.copy ADD COLUMN evidence_actor_id TEXT;

-- A holder's copy records the consent its post was shared under, like a delivered copy.
ALTER TABLE sharing_status.post ADD COLUMN consent_version TEXT;

-- Posts published before this release: the version is in their PostPublishedEvent, in
-- clear (consent versions are never sealed), so the read model takes it from there.
UPDATE sharing_status.post p
   SET consent_version = convert_from(e.payload, 'UTF8')::jsonb ->> 'consentVersion'
  FROM domain_event_entry e
 WHERE e.payload_type = 'dev.weft.domain.posts.PostPublishedEvent'
   AND e.aggregate_identifier = p.post_id;
