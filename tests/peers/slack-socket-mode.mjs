// Drives Slack's official SocketModeClient (@slack/socket-mode) against a fake Slack at argv[2]: prints one JSON line
// per thing it sees (connected, an event it acknowledged, a reconnect), so the test can check the fake speaks Socket Mode.
import { SocketModeClient } from '@slack/socket-mode';

const [apiUrl] = process.argv.slice(2);
const client = new SocketModeClient({ appToken: 'xapp-1-test', clientOptions: { slackApiUrl: apiUrl }, logLevel: 'error' });
const say = (o) => console.log(JSON.stringify(o));
client.on('connected', () => say({ seen: 'connected' }));
client.on('reconnecting', () => say({ seen: 'reconnecting' }));
client.on('message', async ({ event, ack, envelope_id: envelopeId }) => {
  await ack();
  say({ seen: 'message', text: event.text, envelope: envelopeId });
});
await client.start();
say({ seen: 'started' });
