#include "tenant.h"

#include <array>
#include <utility>

// The names are what the settings file stores: changing one orphans existing tenants.
namespace {

constexpr std::array<std::pair<AuthKind, const char *>, 6> authNames{{
    {AuthKind::None, "none"},
    {AuthKind::Basic, "basic"},
    {AuthKind::Bearer, "bearer"},
    {AuthKind::OAuth2ClientCredentials, "oauth2-client-credentials"},
    {AuthKind::OAuth2Password, "oauth2-password"},
    {AuthKind::OAuth2AuthorizationCode, "oauth2-authorization-code"},
}};

template <typename Kind, std::size_t N>
QString nameOf(const std::array<std::pair<Kind, const char *>, N> &names, Kind kind)
{
    for (const auto &[k, name] : names) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename Kind, std::size_t N>
std::optional<Kind> kindOf(const std::array<std::pair<Kind, const char *>, N> &names,
                           const QString &name)
{
    for (const auto &[k, n] : names) {
        if (name == QLatin1String(n))
            return k;
    }
    return std::nullopt;
}

} // namespace

QString Tenant::authName(AuthKind kind)
{
    return nameOf(authNames, kind);
}

std::optional<AuthKind> Tenant::authFromName(const QString &name)
{
    return kindOf(authNames, name);
}
