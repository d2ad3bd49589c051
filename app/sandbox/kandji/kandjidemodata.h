#pragma once

class KandjiService;

// The demo tenant's library (see KandjiSandbox::seedDemoData), written straight to storage.
namespace KandjiDemoData {
void seed(KandjiService &service);
}
