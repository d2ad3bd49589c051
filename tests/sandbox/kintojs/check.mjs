// Drives kinto-http (Kinto's JavaScript client, used by Kinto Admin) against a Kinto server:
//   node check.mjs BASE_URL USER:PASSWORD
// Prints one line per step; exits non-zero at the first step whose answer differs from what a
// real Kinto gives.
import assert from "node:assert/strict";
import KintoHttp from "kinto-http";

const KintoClient = KintoHttp.default ?? KintoHttp;
const [url, credentials] = process.argv.slice(2);
const basic = (c) => ({ headers: { Authorization: "Basic " + Buffer.from(c).toString("base64") } });
const api = new KintoClient(url, basic(credentials));
const step = (name, detail = "") => console.log(`ok ${name} ${detail}`);

const info = await api.fetchServerInfo();
assert.equal(info.project_name, "kinto");
assert.equal(info.user.id, "account:" + credentials.split(":")[0]);
assert.ok(info.capabilities.basicauth && info.capabilities.history && info.capabilities.attachments);
step("server info", info.user.id);

const bucketId = "check" + Date.now();
await api.createBucket(bucketId);
const bucket = api.bucket(bucketId);
await bucket.createCollection("items");
const items = bucket.collection("items");
for (let i = 0; i < 30; i++) await items.createRecord({ n: i });
const first = await items.listRecords({ limit: 7 });
assert.equal(first.data.length, 7);
assert.equal(first.hasNextPage, true);
const all = await items.listRecords({ limit: 7, pages: Infinity });
assert.equal(all.data.length, 30);
assert.equal(new Set(all.data.map((r) => r.id)).size, 30);
assert.deepEqual(all.data.map((r) => r.last_modified), [...all.data.map((r) => r.last_modified)].sort((a, b) => b - a));
step("paging", `${all.data.length} records in pages of 7`);

const sorted = await items.listRecords({ sort: "n", filters: { min_n: 25 } });
assert.deepEqual(sorted.data.map((r) => r.n), [25, 26, 27, 28, 29]);
step("filter and sort");

const responses = await bucket.batch((b) => {
  for (let i = 0; i < 5; i++) b.collection("items").createRecord({ batch: i });
});
assert.deepEqual(responses.map((r) => r.status), [201, 201, 201, 201, 201]);
step("batch");

const created = await items.createRecord({ title: "x" });
const updated = await items.updateRecord({ ...created.data, title: "y" }, { safe: true });
assert.equal(updated.data.title, "y");
await assert.rejects(items.updateRecord({ ...created.data, title: "z" }, { safe: true }), (e) => e.data?.code === 412);
step("safe writes", "412 on a stale last_modified");

const history = await bucket.listHistory({ limit: 5 });
assert.equal(history.data.length, 5);
step("history");

const permissions = await api.listPermissions();
assert.ok(permissions.data.some((p) => p.uri === `/buckets/${bucketId}`));
step("permissions endpoint");

await assert.rejects(api.bucket("nope" + Date.now()).getData(), (e) => e.data?.code === 403 && e.data?.errno === 121);
step("missing bucket", "403 errno 121");

const stranger = new KintoClient(url, basic(credentials.split(":")[0] + ":wrong"));
const strangerInfo = await stranger.fetchServerInfo();
assert.match(strangerInfo.user.id, /^basicauth:[0-9a-f]{64}$/);
step("wrong password", strangerInfo.user.id.slice(0, 16) + "...");

const heartbeat = await api.execute({ path: "/__heartbeat__" });
assert.equal(heartbeat.storage, true);
step("heartbeat");

await api.deleteBucket(bucketId);
step("cleanup");
