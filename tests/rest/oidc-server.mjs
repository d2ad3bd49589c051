// oidc-provider 8 (tests/servers) configured for tst_restoauth: node oidc-server.mjs PORT NODE_MODULES_DIR
// - "machine": client credentials, authenticating with client_secret_post (the only secret method
//   the metadata offers, so the client must read it there);
// - "desktop": a native public client (no secret) for the authorization-code grant with PKCE S256
//   required, loopback redirect on any port (RFC 8252), refresh tokens issued.
// Development interactions (login and consent forms) are on: the test drives them over HTTP.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const port = Number(process.argv[2]);
const modules = process.argv[3];
const { default: Provider } = await import(pathToFileURL(path.join(modules, 'oidc-provider', 'lib', 'index.js')).href);

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'machine',
      client_secret: 'machine-secret-0123456789abcdef',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_post',
      scope: 'api:read api:write',
    },
    {
      client_id: 'desktop',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
    },
  ],
  clientAuthMethods: ['client_secret_post', 'none'],
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: true },
  },
  scopes: ['openid', 'offline_access', 'api:read', 'api:write'],
  pkce: { methods: ['S256'], required: () => true },
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  ttl: { AccessToken: 600, ClientCredentials: 600, AuthorizationCode: 60, RefreshToken: 3600, Interaction: 600, Session: 600, Grant: 600 },
  findAccount: async (ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
});
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
