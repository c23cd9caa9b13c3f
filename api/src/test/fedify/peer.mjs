// A Fedify ActivityPub server that Weft's interop tests run as an independent peer.
//
// One actor, everything in memory, listening on 127.0.0.1 only.  Fedify itself does the
// ActivityPub work (actor documents, WebFinger, signing, signature verification, inbox
// idempotence); this file only wires it up and adds a JSON control API under /_control
// through which a test drives the peer and reads what it received.  See README.md.
//
//   PORT=0 ACTOR=bob node peer.mjs      -> prints "READY <port>" once listening

import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { AsyncLocalStorage } from "node:async_hooks";
import { configure, getConsoleSink } from "@logtape/logtape";
import { Temporal } from "@js-temporal/polyfill";
import {
  Accept,
  Activity,
  Announce,
  Create,
  Delete,
  Endpoints,
  Follow,
  Like,
  Mention,
  Note,
  Person,
  PUBLIC_COLLECTION,
  Reject,
  Tombstone,
  Undo,
  Update,
  createFederation,
  generateCryptoKeyPair,
  signRequest,
  isActor,
  MemoryKvStore,
  InProcessMessageQueue,
} from "@fedify/fedify";

const PORT = Number(process.env.PORT ?? process.argv[2] ?? 0);
const ACTOR = process.env.ACTOR ?? process.argv[3] ?? "bob";
const LOG_LEVEL = process.env.LOG_LEVEL ?? "info";

// Fedify logs through LogTape; send it to stderr, which FedifyPeer.java writes to a file.
await configure({
  contextLocalStorage: new AsyncLocalStorage(),
  sinks: { stderr: getConsoleSink({ console: { ...console, debug: console.error, info: console.error, log: console.error, warn: console.error } }) },
  loggers: [
    { category: "fedify", lowestLevel: LOG_LEVEL, sinks: ["stderr"] },
    { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["stderr"] },
  ],
});

// ---------------------------------------------------------------------------------------
// State, all in memory.

/** Every activity that reached an inbox listener, i.e. that Fedify verified and parsed. */
let received = [];
/** Every POST to an inbox, with the status Fedify answered (also 401s, 400s, 202 duplicates). */
let deliveries = [];
/** Raw request facts of inbox POSTs, by activity id, for the listener to pick up. */
const rawById = new Map();
/** Actors following the peer: id -> { id, inbox, sharedInbox, followId }. */
const followers = new Map();
/** Actors the peer follows: actor id -> { followId, state: pending|accepted|rejected }. */
const following = new Map();
/** Everything the peer sent, by id, so its ids dereference. */
const sentById = new Map();
/** Public activities the peer sent (Create, Announce), newest last, for the outbox. */
const outbox = [];
/** Notes the peer wrote, by id. */
const notes = new Map();
/** What the peer does with an incoming Follow: accept, reject or ignore. */
let followPolicy = process.env.FOLLOW_POLICY ?? "accept";

/** A KvStore whose contents can be dropped, so /_control/reset can forget Fedify's caches. */
class ResettableKvStore {
  inner = new MemoryKvStore();
  get(key) { return this.inner.get(key); }
  set(key, value, options) { return this.inner.set(key, value, options); }
  delete(key) { return this.inner.delete(key); }
  cas(key, expected, value, options) { return this.inner.cas(key, expected, value, options); }
  reset() { this.inner = new MemoryKvStore(); }
}
const kv = new ResettableKvStore();

const keyPairs = [
  await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"),
  await generateCryptoKeyPair("Ed25519"),
];

// ---------------------------------------------------------------------------------------
// The HTTP server.  Listen first, so that PORT=0 yields a real port before the origin,
// which every id depends on, is fixed.

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error("unhandled error", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: String(error?.message ?? error) }));
  });
});
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(PORT, "127.0.0.1", resolve);
});
const port = server.address().port;
const origin = `http://127.0.0.1:${port}`;

const federation = createFederation({
  kv,
  origin,
  // Loopback is what the tests use; without this Fedify refuses to fetch 127.0.0.1.
  allowPrivateAddress: true,
  // Incoming activities go through a queue, as on a real server: the inbox answers 202
  // first and the listener (e.g. the Accept for a Follow) runs afterwards.  Outgoing
  // activities are sent inline, so a control call returns after delivery and reports
  // delivery errors.
  queue: { inbox: new InProcessMessageQueue({ pollInterval: { seconds: 1 } }) },
  // Never skip signature verification: verifying Weft's signatures is the point.
  skipSignatureVerification: false,
  onOutboxError: (error, activity) => {
    console.error(`outbox error for ${activity?.id?.href}:`, error);
  },
});

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== ACTOR) return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: `Fedify peer ${identifier}`,
      summary: "An independent ActivityPub peer for Weft's interop tests.",
      url: ctx.getActorUri(identifier),
      inbox: ctx.getInboxUri(identifier),
      outbox: ctx.getOutboxUri(identifier),
      followers: ctx.getFollowersUri(identifier),
      following: ctx.getFollowingUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      manuallyApprovesFollowers: followPolicy !== "accept",
      discoverable: true,
      publicKey: keys[0].cryptographicKey,
      assertionMethods: keys.map((k) => k.multikey),
    });
  })
  .setKeyPairsDispatcher((_ctx, identifier) => (identifier === ACTOR ? keyPairs : []));

federation
  .setFollowersDispatcher("/users/{identifier}/followers", (_ctx, identifier) => {
    if (identifier !== ACTOR) return null;
    return {
      items: [...followers.values()].map((f) => ({
        id: new URL(f.id),
        inboxId: f.inbox ? new URL(f.inbox) : null,
        endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null,
      })),
    };
  })
  .setCounter((_ctx, identifier) => (identifier === ACTOR ? followers.size : null));

federation
  .setFollowingDispatcher("/users/{identifier}/following", (_ctx, identifier) => {
    if (identifier !== ACTOR) return null;
    return {
      items: [...following.entries()].filter(([, f]) => f.state === "accepted").map(([id]) => new URL(id)),
    };
  })
  .setCounter((_ctx, identifier) =>
    identifier === ACTOR ? [...following.values()].filter((f) => f.state === "accepted").length : null);

federation
  .setOutboxDispatcher("/users/{identifier}/outbox", (_ctx, identifier) => {
    if (identifier !== ACTOR) return null;
    return { items: [...outbox].reverse() };
  })
  .setCounter((_ctx, identifier) => (identifier === ACTOR ? outbox.length : null));

// Every object and activity the peer made dereferences at its id.
const kinds = {
  notes: Note, creates: Create, updates: Update, deletes: Delete, follows: Follow,
  accepts: Accept, rejects: Reject, undos: Undo, likes: Like, announces: Announce,
};
for (const [segment, cls] of Object.entries(kinds)) {
  federation.setObjectDispatcher(cls, `/users/{identifier}/${segment}/{id}`, (ctx, values) => {
    const uri = ctx.getObjectUri(cls, values).href;
    const found = segment === "notes" ? notes.get(uri) : sentById.get(uri);
    return found instanceof cls ? found : null;
  });
}

federation.setNodeInfoDispatcher("/nodeinfo/2.1", () => ({
  software: { name: "fedify-peer", version: "1.5.9" },
  protocols: ["activitypub"],
  usage: { users: { total: 1 }, localPosts: notes.size, localComments: 0 },
}));

function newId(ctx, cls) {
  return ctx.getObjectUri(cls, { identifier: ACTOR, id: randomUUID() });
}

async function record(ctx, activity) {
  const id = activity.id?.href ?? null;
  const raw = id ? rawById.get(id) : undefined;
  let objectType = null;
  const rawObject = raw?.json?.object;
  if (rawObject && typeof rawObject === "object" && !Array.isArray(rawObject)) objectType = rawObject.type ?? null;
  received.push({
    type: raw?.json?.type ?? activity.constructor.name,
    id,
    actor: activity.actorId?.href ?? null,
    objectId: activity.objectId?.href ?? null,
    objectType,
    recipient: ctx.recipient ?? null,
    receivedAt: new Date().toISOString(),
    // Only activities that passed Fedify's verification reach a listener.
    verified: true,
    signedWith: raw?.signedWith ?? null,
    headers: raw?.headers ?? null,
    raw: raw?.json ?? null,
    parsed: await activity.toJsonLd({ format: "compact", contextLoader: ctx.contextLoader }),
  });
}

async function send(ctx, recipients, activity) {
  sentById.set(activity.id.href, activity);
  await ctx.sendActivity({ identifier: ACTOR }, recipients, activity, { immediate: true });
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Follow, async (ctx, follow) => {
    await record(ctx, follow);
    if (follow.objectId?.href !== ctx.getActorUri(ACTOR).href) return;
    if (followPolicy === "ignore") return;
    const follower = await follow.getActor(ctx);
    if (follower == null || !isActor(follower)) {
      console.error(`follow ${follow.id?.href}: cannot resolve its actor`);
      return;
    }
    const me = ctx.getActorUri(ACTOR);
    if (followPolicy === "accept") {
      followers.set(follower.id.href, {
        id: follower.id.href,
        inbox: follower.inboxId?.href ?? null,
        sharedInbox: follower.endpoints?.sharedInbox?.href ?? null,
        followId: follow.id?.href ?? null,
      });
      await send(ctx, follower, new Accept({ id: newId(ctx, Accept), actor: me, object: follow }));
    } else {
      await send(ctx, follower, new Reject({ id: newId(ctx, Reject), actor: me, object: follow }));
    }
  })
  .on(Accept, async (ctx, accept) => {
    await record(ctx, accept);
    settleFollow(accept, "accepted");
  })
  .on(Reject, async (ctx, reject) => {
    await record(ctx, reject);
    settleFollow(reject, "rejected");
  })
  .on(Undo, async (ctx, undo) => {
    await record(ctx, undo);
    const actorId = undo.actorId?.href;
    const existing = actorId == null ? null : followers.get(actorId);
    if (existing == null) return;
    let undone = undo.objectId?.href === existing.followId;
    if (!undone) {
      try {
        undone = (await undo.getObject(ctx)) instanceof Follow;
      } catch (error) {
        console.error(`undo ${undo.id?.href}: cannot resolve its object`, error);
      }
    }
    if (undone) followers.delete(actorId);
  })
  // Create, Update, Delete, Like, Announce and anything else: recorded only.
  .on(Activity, async (ctx, activity) => {
    await record(ctx, activity);
  })
  .onError((ctx, error) => {
    console.error("inbox listener error:", error);
  });

function settleFollow(response, state) {
  const actorId = response.actorId?.href;
  if (actorId == null) return;
  const entry = following.get(actorId);
  if (entry == null) return;
  // The object may be the Follow's id or the embedded Follow; either way compare ids.
  const followId = response.objectId?.href;
  if (followId == null || followId === entry.followId) entry.state = state;
}

// ---------------------------------------------------------------------------------------
// The control API.

function controlContext() {
  return federation.createContext(new URL(origin), undefined);
}

async function lookupActor(ctx, url) {
  if (!url) throw new HttpError(400, "actor is required");
  const actor = await ctx.lookupObject(url);
  if (actor == null || !isActor(actor)) throw new HttpError(502, `could not look up an actor at ${url}`);
  return actor;
}

async function authorOf(ctx, body) {
  if (body.actor) return await lookupActor(ctx, body.actor);
  if (!body.object && !body.inReplyTo) throw new HttpError(400, "actor is required");
  const object = await ctx.lookupObject(body.object ?? body.inReplyTo);
  const author = object?.attributionId;
  if (author == null) throw new HttpError(502, `could not find the author of ${body.object ?? body.inReplyTo}`);
  return await lookupActor(ctx, author.href);
}

class HttpError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

const control = {
  "GET /_control/inbox": () => received,
  "GET /_control/deliveries": () => deliveries,
  "GET /_control/followers": () => [...followers.keys()],
  "GET /_control/following": () => [...following.entries()].map(([actor, f]) => ({ actor, ...f })),
  "GET /_control/info": () => {
    const ctx = controlContext();
    return {
      origin,
      actor: ctx.getActorUri(ACTOR).href,
      inbox: ctx.getInboxUri(ACTOR).href,
      sharedInbox: ctx.getInboxUri().href,
      followers: ctx.getFollowersUri(ACTOR).href,
      handle: `@${ACTOR}@${new URL(origin).host}`,
      followPolicy,
    };
  },

  "POST /_control/reset": (body) => {
    received = [];
    deliveries = [];
    rawById.clear();
    // Also drop Fedify's caches: remote documents (5 min), public keys, processed ids.
    if (body.cache) kv.reset();
    return { ok: true };
  },

  "POST /_control/config": (body) => {
    if (body.followPolicy != null) {
      if (!["accept", "reject", "ignore"].includes(body.followPolicy)) {
        throw new HttpError(400, "followPolicy must be accept, reject or ignore");
      }
      followPolicy = body.followPolicy;
    }
    return { followPolicy };
  },

  "POST /_control/follow": async (body) => {
    const ctx = controlContext();
    const target = await lookupActor(ctx, body.actor);
    const follow = new Follow({ id: newId(ctx, Follow), actor: ctx.getActorUri(ACTOR), object: target.id });
    following.set(target.id.href, { followId: follow.id.href, state: "pending" });
    await send(ctx, target, follow);
    return { id: follow.id.href };
  },

  "POST /_control/unfollow": async (body) => {
    const ctx = controlContext();
    const target = await lookupActor(ctx, body.actor);
    const entry = following.get(target.id.href);
    if (entry == null) throw new HttpError(409, `not following ${target.id.href}`);
    const me = ctx.getActorUri(ACTOR);
    const undo = new Undo({
      id: newId(ctx, Undo),
      actor: me,
      object: new Follow({ id: new URL(entry.followId), actor: me, object: target.id }),
    });
    await send(ctx, target, undo);
    following.delete(target.id.href);
    return { id: undo.id.href };
  },

  "POST /_control/like": async (body) => {
    if (!body.object) throw new HttpError(400, "object is required");
    const ctx = controlContext();
    const author = await authorOf(ctx, body);
    const like = new Like({ id: newId(ctx, Like), actor: ctx.getActorUri(ACTOR), object: new URL(body.object) });
    await send(ctx, author, like);
    return { id: like.id.href };
  },

  "POST /_control/unlike": async (body) => {
    if (!body.likeId || !body.object) throw new HttpError(400, "likeId and object are required");
    const ctx = controlContext();
    const author = await authorOf(ctx, body);
    const me = ctx.getActorUri(ACTOR);
    const undo = new Undo({
      id: newId(ctx, Undo),
      actor: me,
      object: new Like({ id: new URL(body.likeId), actor: me, object: new URL(body.object) }),
    });
    await send(ctx, author, undo);
    return { id: undo.id.href };
  },

  "POST /_control/announce": async (body) => {
    if (!body.object) throw new HttpError(400, "object is required");
    const ctx = controlContext();
    const author = await authorOf(ctx, body);
    const announce = new Announce({
      id: newId(ctx, Announce),
      actor: ctx.getActorUri(ACTOR),
      object: new URL(body.object),
      published: Temporal.Now.instant(),
      to: PUBLIC_COLLECTION,
      ccs: [author.id, ctx.getFollowersUri(ACTOR)],
    });
    await send(ctx, author, announce);
    outbox.push(announce);
    return { id: announce.id.href };
  },

  "POST /_control/unannounce": async (body) => {
    if (!body.announceId || !body.object) throw new HttpError(400, "announceId and object are required");
    const ctx = controlContext();
    const author = await authorOf(ctx, body);
    const me = ctx.getActorUri(ACTOR);
    const undo = new Undo({
      id: newId(ctx, Undo),
      actor: me,
      object: new Announce({ id: new URL(body.announceId), actor: me, object: new URL(body.object) }),
      to: PUBLIC_COLLECTION,
      ccs: [author.id, ctx.getFollowersUri(ACTOR)],
    });
    await send(ctx, author, undo);
    const i = outbox.findIndex((a) => a.id?.href === body.announceId);
    if (i >= 0) outbox.splice(i, 1);
    return { id: undo.id.href };
  },

  "POST /_control/reply": async (body) => {
    if (!body.inReplyTo) throw new HttpError(400, "inReplyTo is required");
    const ctx = controlContext();
    const author = await authorOf(ctx, body);
    const { note, create } = makeNote(ctx, body.content ?? "", {
      inReplyTo: new URL(body.inReplyTo),
      ccs: [author.id, ctx.getFollowersUri(ACTOR)],
      tags: [new Mention({ href: author.id, name: mentionName(author) })],
    });
    await send(ctx, author, create);
    return { id: note.id.href, activityId: create.id.href };
  },

  "POST /_control/publish": async (body) => {
    const ctx = controlContext();
    const { note, create } = makeNote(ctx, body.content ?? "", { ccs: [ctx.getFollowersUri(ACTOR)] });
    sentById.set(create.id.href, create);
    await ctx.sendActivity({ identifier: ACTOR }, "followers", create, { immediate: true });
    return { id: note.id.href, activityId: create.id.href };
  },

  // Hand-crafted JSON, POSTed with only a draft-cavage HTTP signature by the peer's RSA key
  // (no Linked Data signature, no proof), exactly as given: for testing how an inbox treats
  // forms Fedify itself would not produce, and the HTTP-signature path of a verifier.
  "POST /_control/send-signed": async (body) => {
    if (!body.inbox || body.activity == null) throw new HttpError(400, "inbox and activity are required");
    const ctx = controlContext();
    const [rsa] = await ctx.getActorKeyPairs(ACTOR);
    const unsigned = new Request(body.inbox, {
      method: "POST",
      headers: { "content-type": body.contentType ?? "application/activity+json" },
      body: typeof body.activity === "string" ? body.activity : JSON.stringify(body.activity),
    });
    const signed = await signRequest(unsigned, rsa.privateKey, rsa.keyId);
    const response = await fetch(signed, { redirect: "manual" });
    return { status: response.status, body: (await response.text()).slice(0, 2000) };
  },

  "POST /_control/delete": async (body) => {
    const ctx = controlContext();
    const note = notes.get(body.object);
    if (note == null) throw new HttpError(404, `no note ${body.object}`);
    const me = ctx.getActorUri(ACTOR);
    const del = new Delete({
      id: newId(ctx, Delete),
      actor: me,
      object: new Tombstone({ id: note.id }),
      to: PUBLIC_COLLECTION,
      ccs: [ctx.getFollowersUri(ACTOR)],
    });
    notes.delete(body.object);
    const i = outbox.findIndex((a) => a.objectId?.href === body.object);
    if (i >= 0) outbox.splice(i, 1);
    sentById.set(del.id.href, del);
    await ctx.sendActivity({ identifier: ACTOR }, "followers", del, { immediate: true });
    return { id: del.id.href };
  },
};

function mentionName(actor) {
  const username = actor.preferredUsername;
  return username ? `@${username}@${actor.id.host}` : null;
}

function makeNote(ctx, content, { inReplyTo = null, ccs = [], tags = [] } = {}) {
  const me = ctx.getActorUri(ACTOR);
  const published = Temporal.Now.instant();
  const note = new Note({
    id: newId(ctx, Note),
    attribution: me,
    content,
    replyTarget: inReplyTo,
    published,
    to: PUBLIC_COLLECTION,
    ccs,
    tags,
    url: null,
  });
  notes.set(note.id.href, note);
  const create = new Create({
    id: newId(ctx, Create),
    actor: me,
    object: note,
    published,
    to: PUBLIC_COLLECTION,
    ccs,
  });
  outbox.push(create);
  return { note, create };
}

// ---------------------------------------------------------------------------------------
// Request handling: /_control is ours, everything else goes to Fedify.

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function handle(req, res) {
  const url = new URL(req.url, `http://${req.headers.host ?? `127.0.0.1:${port}`}`);
  const body = req.method === "GET" || req.method === "HEAD" ? null : await readBody(req);

  if (url.pathname.startsWith("/_control/")) {
    const route = control[`${req.method} ${url.pathname}`];
    if (route == null) return reply(res, 404, { error: `no control route ${req.method} ${url.pathname}` });
    try {
      const input = body && body.length > 0 ? JSON.parse(body.toString("utf8")) : {};
      return reply(res, 200, await route(input));
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      console.error(`control ${url.pathname} failed:`, error);
      return reply(res, status, { error: String(error?.message ?? error) });
    }
  }

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value != null) headers.set(name, value);
  }
  const isInbox = req.method === "POST" && /\/inbox$/.test(url.pathname);
  let json = null;
  if (isInbox) {
    try { json = JSON.parse(body.toString("utf8")); } catch { /* Fedify answers 400 */ }
    if (json?.id) {
      rawById.set(json.id, {
        json,
        headers: {
          signature: req.headers["signature"] ?? null,
          "signature-input": req.headers["signature-input"] ?? null,
          digest: req.headers["digest"] ?? null,
          "content-digest": req.headers["content-digest"] ?? null,
          date: req.headers["date"] ?? null,
          host: req.headers["host"] ?? null,
          "content-type": req.headers["content-type"] ?? null,
        },
        signedWith: {
          httpSignature: req.headers["signature"] != null,
          rfc9421: req.headers["signature-input"] != null,
          ldSignature: json.signature != null,
          proof: json.proof != null,
        },
      });
    }
  }

  const request = new Request(url, { method: req.method, headers, body: body && body.length > 0 ? body : null });
  const response = await federation.fetch(request, {
    contextData: undefined,
    onNotFound: () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } }),
    onNotAcceptable: () => new Response("Not acceptable", {
      status: 406, headers: { "content-type": "text/plain", vary: "Accept" },
    }),
  });
  const responseBody = Buffer.from(await response.arrayBuffer());
  if (isInbox) {
    deliveries.push({
      path: url.pathname,
      status: response.status,
      response: responseBody.toString("utf8").slice(0, 500),
      id: json?.id ?? null,
      type: json?.type ?? null,
      actor: typeof json?.actor === "string" ? json.actor : json?.actor?.id ?? null,
      receivedAt: new Date().toISOString(),
    });
  }
  const outHeaders = {};
  response.headers.forEach((value, name) => { outHeaders[name] = value; });
  res.writeHead(response.status, outHeaders);
  res.end(responseBody);
}

function reply(res, status, value) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value ?? null));
}

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => process.exit(0));
}
// The parent reads this line to know the peer is up and on which port.
process.stdout.write(`READY ${port}\n`);
