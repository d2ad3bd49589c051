// An OpenAPI document from a file or a URL the user named → OpenApiReader: no crash or hang on
// $ref cycles, deep nesting or odd shapes; every resource it returns has a collection path.
#include "fuzzsupport.h"
#include "openapireader.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    OpenApiImport result;
    QString error;
    const bool ok = OpenApiReader::read(FuzzSupport::bytes(data, size), &result, &error);
    if (ok == !error.isEmpty() && !ok)
        std::abort(); // a refusal always says why
    for (const RestResource &resource : std::as_const(result.resources)) {
        if (resource.path.isEmpty())
            std::abort();
    }
    return 0;
}
