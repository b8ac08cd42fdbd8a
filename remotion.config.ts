// Remotion CLI/Studio settings. The browser is found, not hard-coded (see
// server/render/browser.ts); the programmatic renderer in server/render uses
// the same lookup.
import { Config } from '@remotion/cli/config';
import { readEnv } from './server/env';
import { findBrowserExecutable } from './server/render/browser';

const browser = findBrowserExecutable(readEnv().browserExecutable);
if (browser) Config.setBrowserExecutable(browser);
Config.setEntryPoint('studio/index.ts');
Config.setVideoImageFormat('jpeg');
Config.setOverwriteOutput(true);
