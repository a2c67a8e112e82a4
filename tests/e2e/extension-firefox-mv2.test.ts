import { buildExtension } from '../../extension/build';
import { describeFirefoxCitizenFlows } from '../support/firefox-citizen-suite';

// The Manifest V2 build for Firefox, in a real Firefox.
describeFirefoxCitizenFlows(async () => (await buildExtension({ ifStale: true })).firefoxMv2Dir, {
  backgroundSleeps: false,
});
