// A reference receiver: a minimal @slack/bolt app (HTTP receiver on 127.0.0.1:argv[2], signing secret argv[3]) that
// acknowledges events and answers `/oversight` with a fixed ephemeral text. The tests send it the same signed requests
// as OversightBot and compare accept/reject decisions; the bench drives it as the throughput baseline.
import bolt from '@slack/bolt';

const [port, signingSecret, apiUrl] = process.argv.slice(2);
const app = new bolt.App({
  signingSecret,
  token: 'xoxb-test-token',
  botId: 'B1',
  botUserId: 'UBOT',
  tokenVerificationEnabled: false,
  clientOptions: apiUrl ? { slackApiUrl: apiUrl } : undefined,
  logLevel: 'error',
});
app.command('/oversight', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'Overdue: R-1, R-2 (a fixed answer)' });
});
app.event('message', async () => {});
app.event('app_mention', async () => {});
await app.start({ port: Number(port), host: '127.0.0.1' });
console.log('listening');
