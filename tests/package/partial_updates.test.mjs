// Partial updates proven on the wire: for every Lära write that updates (program/update,
// cycle/updatememberstatus, cycle/updatememberstatuses, cycle/changecurrentmemberstatus),
// a field the caller did not set is not in the body the client sends: not null, not a
// default. The hooks do not show bodies, so a recorder on loopback stands in for Lära at
// `baseUrl`: it keeps each body and forwards the request to the sandbox for a real answer.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createServer, request as httpRequest } from "node:http";
import { ROOT } from "./helpers.mjs";
import { startSandbox } from "./sandbox.mjs";

const require = createRequire(import.meta.url);
const { LaraClient } = require(`${ROOT}pkg/node/index.cjs`);

let sbx;
let recorder;
const bodies = []; // { path, body } per request
before(async () => {
  sbx = await startSandbox();
  const target = new URL(sbx.url);
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      bodies.push({ path: req.url, body: body.toString("utf8") });
      const up = httpRequest({ host: target.hostname, port: target.port, path: `/lara/lmsapi${req.url}`, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      up.on("error", () => res.destroy());
      up.end(body);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  recorder = { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
});
after(() => {
  if (recorder) recorder.close();
  if (sbx) sbx.close();
});

const lara = () => new LaraClient({ baseUrl: recorder.url, token: "sandbox-token" });
/** The body sent to `path` by `run`, parsed. */
async function sent(path, run) {
  const from = bodies.length;
  await run();
  const mine = bodies.slice(from).filter((b) => b.path === path);
  assert.equal(mine.length, 1, `one request to ${path}: ${JSON.stringify(bodies.slice(from))}`);
  return JSON.parse(mine[0].body);
}
const who = { customFieldAPIName: "member_status", customFieldValue: "12359" };

test("updateProgram: only id and the fields set are sent (undefined ones too are left out)", async () => {
  const client = lara();
  const [program] = await client.getProgramList({});
  const body = await sent("/program/update", () => client.updateProgram({ id: program.id, name: "Nom seul", description: undefined, keywords: undefined }));
  assert.deepEqual(Object.keys(body).sort(), ["id", "name"], JSON.stringify(body));
  assert.equal(body.id, program.id, "the opaque id travels verbatim");
  const only = await sent("/program/update", () => client.updateProgram({ id: program.id, maxParticipants: 0 }));
  assert.deepEqual(only, { id: program.id, maxParticipants: 0 }, "a 0 the caller set is sent; nothing else is");
});

test("updateMemberStatus: the entry's unset fields (dates, isActiveMember) are not sent", async () => {
  const client = lara();
  const { statuses } = await client.getMemberStatuses(who);
  const entryId = statuses[0].entryId;
  const body = await sent("/cycle/updatememberstatus", () => client.updateMemberStatus({ ...who, entryId, status: { status: "Membre" } }));
  assert.deepEqual(body, { ...who, entryId, status: { status: "Membre" } });
  for (const k of ["startDate", "endDate", "isActiveMember", "userId"]) {
    assert.ok(!(k in body) && !(k in body.status), `${k} absent: ${JSON.stringify(body)}`);
  }
});

test("updateMemberStatuses: each entry carries only its own fields", async () => {
  const client = lara();
  const entries = [{ status: "Inscrit", startDate: "2025-01-01T00:00:00" }, { status: "Membre", startDate: "2025-06-01T00:00:00", isActiveMember: true }];
  const body = await sent("/cycle/updatememberstatuses", () => client.updateMemberStatuses({ ...who, statuses: entries }));
  assert.deepEqual(body, { ...who, statuses: entries });
  assert.ok(!("endDate" in body.statuses[0]) && !("isActiveMember" in body.statuses[0]), JSON.stringify(body.statuses[0]));
});

test("changeCurrentMemberStatus: without startDate none is sent (the server picks its default)", async () => {
  const client = lara();
  const body = await sent("/cycle/changecurrentmemberstatus", () => client.changeCurrentMemberStatus({ ...who, status: { status: "Diplômé" } }));
  assert.deepEqual(body, { ...who, status: { status: "Diplômé" } });
});
