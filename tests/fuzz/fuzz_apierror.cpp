// ApiError::fromHttp on any error body (Kinto, Jamf, OAuth2, Kandji, DRF, HTML, binary): no crash,
// and the message that reaches a terminal holds no control character.
#include "fuzzsupport.h"
#include "net/apierror.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int status = 400 + (data[0] % 200);
    const QByteArray reason = FuzzSupport::bytes(data + 1, std::min<size_t>(size - 1, data[1] % 32));
    const ApiError error = ApiError::fromHttp(status, FuzzSupport::bytes(data + 1, size - 1), reason);
    for (const QChar c : error.toString()) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || (c.unicode() >= 0x80 && c.unicode() < 0xA0))
            std::abort(); // a control character reached the text shown to a user
    }
    return 0;
}
