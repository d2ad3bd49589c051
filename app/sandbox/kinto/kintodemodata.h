#pragma once

class KintoService;

// The demo content of the Kinto sandbox (see KintoSandbox::seedDemoData()).
namespace KintoDemoData {

// Writes the demo accounts, buckets, groups, collections, records and history straight to
// storage. Idempotent enough for a demo: seeding twice replaces the same objects.
void seed(KintoService &service);

} // namespace KintoDemoData
