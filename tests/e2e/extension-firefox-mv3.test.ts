import { buildExtension } from '../../extension/build';
import { describeFirefoxCitizenFlows } from '../support/firefox-citizen-suite';

// The Firefox build the README recommends (Manifest V3), in a real Firefox.
describeFirefoxCitizenFlows(async () => (await buildExtension({ ifStale: true })).firefoxMv3Dir, {
  backgroundSleeps: true,
});
