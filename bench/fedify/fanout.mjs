// Fedify 1.5.9 fanning one Create out to many inboxes: the fan-out benchmark's peer figure.
//
//   node fanout.mjs <mode> <inboxes-file>     mode: queue | parallel64 | noqueue
//
// One actor with an RSA and an Ed25519 key, served on 127.0.0.1 so its key id dereferences.
// It prints "READY <port>", and for each line "GO <n>" on stdin sends Create number n (a
// Note as short as Weft's bench post) to every inbox of the file with sendActivity, as a
// Fedify server publishing a post to its followers' shared inboxes would (the benchmark
// sends a warm-up post first, as it does to Weft):
//   queue      - Fedify's InProcessMessageQueue (its default durable-less queue), one worker;
//   parallel64 - the same queue behind ParallelMessageQueue with 64 workers;
//   noqueue    - immediate: true, every request at once, no queue, no retry.
// It prints "ENQUEUED <ms>" when sendActivity returns (noqueue: when every request ended)
// and keeps running until killed; the benchmark counts the Creates where they arrive.

import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Temporal } from "@js-temporal/polyfill";
import {
  Create,
  Endpoints,
  InProcessMessageQueue,
  MemoryKvStore,
  Note,
  ParallelMessageQueue,
  Person,
  PUBLIC_COLLECTION,
  createFederation,
  generateCryptoKeyPair,
} from "@fedify/fedify";

const [mode, inboxesFile] = process.argv.slice(2);
const queues = {
  queue: () => new InProcessMessageQueue({ pollInterval: { milliseconds: 100 } }),
  parallel64: () => new ParallelMessageQueue(new InProcessMessageQueue({ pollInterval: { milliseconds: 100 } }), 64),
  noqueue: () => undefined,
};
if (!(mode in queues) || !inboxesFile) {
  console.error("usage: node fanout.mjs queue|parallel64|noqueue <inboxes-file>");
  process.exit(2);
}
const inboxes = readFileSync(inboxesFile, "utf8").split("\n").filter((line) => line.trim() !== "");
const keyPairs = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), await generateCryptoKeyPair("Ed25519")];

let federation;
const server = createServer(async (req, res) => {
  const request = new Request(`http://127.0.0.1:${server.address().port}${req.url}`, {
    method: req.method,
    headers: req.headers,
  });
  const response = await federation.fetch(request, { contextData: undefined });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

federation = createFederation({
  kv: new MemoryKvStore(),
  origin,
  allowPrivateAddress: true,
  queue: queues[mode](),
  onOutboxError: (error, activity) => console.error(`outbox error for ${activity?.id?.href}: ${error}`),
});
federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      publicKey: keys[0].cryptographicKey,
      assertionMethods: keys.map((k) => k.multikey),
    });
  })
  .setKeyPairsDispatcher(() => keyPairs);
federation.setInboxListeners("/users/{identifier}/inbox", "/inbox");

const ctx = federation.createContext(new URL(origin), undefined);
const author = ctx.getActorUri("fanout");
const recipients = inboxes.map((inbox) => ({
  id: new URL(inbox.replace(/\/inbox$/, "/users/u0")),
  inboxId: new URL(inbox),
  endpoints: { sharedInbox: new URL(inbox) },
}));
function post(n) {
  const note = new Note({
    id: new URL(`${origin}/notes/${n}`),
    attribution: author,
    to: PUBLIC_COLLECTION,
    content: `Fan-out bench: post ${n}, many servers.`,
    published: Temporal.Now.instant(),
  });
  return new Create({
    id: new URL(`${origin}/notes/${n}/activity`),
    actor: author,
    to: PUBLIC_COLLECTION,
    object: note,
    published: note.published,
  });
}

console.log(`READY ${server.address().port}`);
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const [command, n] = line.trim().split(" ");
  if (command !== "GO") continue;
  const t0 = performance.now();
  await ctx.sendActivity({ identifier: "fanout" }, recipients, post(Number(n)),
    { preferSharedInbox: true, immediate: mode === "noqueue" });
  console.log(`ENQUEUED ${Math.round(performance.now() - t0)}`);
}
