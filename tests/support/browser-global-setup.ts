import type { TestProject } from 'vitest/node';
import { startPlatformProcess, type PlatformProcess } from './platform-process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of a real platform process (post-moderation) shared by the browser tests. */
    platformUrl: string;
  }
}

let platform: PlatformProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  platform = await startPlatformProcess({ env: { VIGIE_MODERATION: 'post' } });
  project.provide('platformUrl', platform.url);
}

export async function teardown(): Promise<void> {
  await platform?.dispose();
}
