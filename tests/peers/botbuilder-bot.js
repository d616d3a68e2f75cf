// The official JS Bot Framework SDK (botbuilder CloudAdapter) as a test peer.
//   MODE=auth  accepts or rejects each request exactly as the SDK decides, and does nothing else;
//   MODE=echo  answers every message with "echo: <text>" through the Connector at the activity's serviceUrl.
// Inbound tokens are checked against METADATA_URL (a local OpenID issuer); outbound calls carry a fixed token.
const http = require('http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const { ServiceClientCredentialsFactory } = require('botframework-connector');

const port = Number(process.env.PORT || 3979);
const appId = process.env.APP_ID;
const metadata = process.env.METADATA_URL;
const mode = process.env.MODE || 'auth';

class FixedTokenCredentialsFactory extends ServiceClientCredentialsFactory {
  async isValidAppId(id) { return id === appId; }
  async isAuthenticationDisabled() { return false; }
  async createCredentials() {
    return { signRequest: async (request) => { request.headers.set('Authorization', 'Bearer js-fixed-token'); return request; } };
  }
}

const auth = new ConfigurationBotFrameworkAuthentication({
  MicrosoftAppId: appId,
  MicrosoftAppType: 'MultiTenant',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: metadata,
  ToBotFromEmulatorOpenIdMetadataUrl: metadata,
  CallerId: 'urn:botframework:azure',
  OAuthUrl: 'https://api.botframework.com',
  ValidateAuthority: true,
}, new FixedTokenCredentialsFactory());

const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => { console.error('turn error', error.message); };
console.error = () => {}; // the SDK logs every rejected request with a stack trace; the status code is what we compare

const logic = async (context) => {
  if (mode === 'echo' && context.activity.type === 'message') {
    await context.sendActivity(`echo: ${context.activity.text}`);
  }
};

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try { req.body = JSON.parse(Buffer.concat(chunks).toString() || 'null'); } catch { req.body = null; }
    const shim = {
      socket: res.socket,
      status(code) { res.statusCode = code; },
      header(name, value) { res.setHeader(name, value); },
      send(body) { if (body !== undefined) res.write(typeof body === 'string' ? body : JSON.stringify(body)); },
      end() { res.end(); },
    };
    try { await adapter.process(req, shim, logic); } catch (e) { if (!res.writableEnded) { res.statusCode = 500; res.end(); } }
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
