// Browser tests load the built client from the real server: build it once before any test file runs.
import { existsSync } from 'node:fs';
// @ts-expect-error plain ESM script without type declarations
import { buildClientIfNeeded } from '../../scripts/clientBuild.mjs';

export default async function setup(): Promise<void> {
  if (!existsSync('client/index.html')) return;
  await (buildClientIfNeeded as (o: { quiet: boolean; mode: string }) => Promise<boolean>)({ quiet: true, mode: 'e2e' });
}
